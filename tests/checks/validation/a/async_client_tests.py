# path: tests/crawler/test_fetch.py
# expect: pytest-style=compliant test-names=violation annotations=violation specific-imports=violation
# expect: docstrings=violation task-group=violation async-blocking=compliant function-length=compliant
# expect: parameter-count=compliant no-star-args=violation
# expect: module-length=compliant wildcard-import=compliant relative-imports=compliant comprehensions=compliant
# expect: pytest-asyncio=compliant
import asyncio

import httpx
import pytest

from crawler.fetch import fetch_all, fetch_one


def make_transport(pages):
    def handler(request):
        body = pages.get(str(request.url))
        if body is None:
            return httpx.Response(404)
        return httpx.Response(200, text=body)

    return httpx.MockTransport(handler)


@pytest.fixture
def pages():
    return {
        "https://example.com/a": "<p>A</p>",
        "https://example.com/b": "<p>B</p>",
    }


@pytest.mark.asyncio
async def test_fetch_one(pages):
    async with httpx.AsyncClient(transport=make_transport(pages)) as client:
        url, body = await fetch_one(client, "https://example.com/a")
    assert url == "https://example.com/a"
    assert body == "<p>A</p>"


@pytest.mark.asyncio
async def test_fetch_one_missing_page_returns_none(pages):
    async with httpx.AsyncClient(transport=make_transport(pages)) as client:
        _, body = await fetch_one(client, "https://example.com/missing")
    assert body is None


@pytest.mark.asyncio
async def test_fetch_many_concurrently(pages):
    async with httpx.AsyncClient(transport=make_transport(pages)) as client:
        results = await asyncio.gather(
            fetch_one(client, "https://example.com/a"),
            fetch_one(client, "https://example.com/b"),
        )
    assert [body for _, body in results] == ["<p>A</p>", "<p>B</p>"]


@pytest.mark.asyncio
async def test_fetch_all_empty():
    assert await fetch_all([]) == {}


@pytest.mark.asyncio
async def test_timeouts(monkeypatch):
    async def slow_get(*args, **kwargs):
        await asyncio.sleep(10)

    monkeypatch.setattr(httpx.AsyncClient, "get", slow_get)
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(fetch_all(["https://example.com/a"]), timeout=0.01)
