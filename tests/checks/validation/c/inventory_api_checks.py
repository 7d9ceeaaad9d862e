# path: tests/inventory/test_api.py
# expect: annotations=violation context-managers=violation docstrings=violation
# expect: no-star-args=violation parametrize=violation repr=violation specific-imports=violation
# expect: abc-imports=compliant async-blocking=compliant class-length=compliant
# expect: function-length=compliant module-length=compliant no-any=compliant
# expect: parameter-count=compliant pytest-asyncio=compliant pytest-style=compliant
# expect: relative-imports=compliant test-names=compliant timezone-aware=compliant
# expect: type-checking-imports=compliant wildcard-import=compliant
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import pytest_asyncio
from httpx import ASGITransport, AsyncClient

from inventory import clock
from inventory.api import app

pytestmark = pytest.mark.asyncio


class FrozenClock:
    """Pins `inventory.clock.now` to one instant."""

    def __init__(self, instant: datetime) -> None:
        self.instant = instant

    def __enter__(self) -> datetime:
        self.saved = clock.now
        clock.now = lambda: self.instant
        return self.instant

    def __exit__(self, *exc_info: object) -> None:
        clock.now = self.saved


@pytest_asyncio.fixture
async def client() -> AsyncIterator[AsyncClient]:
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as http:
        yield http


async def test_stock_of_unknown_sku_is_404(client):
    response = await client.get("/stock/NOPE")
    assert response.status_code == 404


async def test_reserve_reduces_available_stock(client):
    await client.post("/stock/ABC-1", json={"quantity": 5})
    response = await client.post("/reservations", json={"sku": "ABC-1", "quantity": 2})
    assert response.status_code == 201
    stock = await client.get("/stock/ABC-1")
    assert stock.json()["available"] == 3


async def test_reservation_expiry_is_stamped(client):
    with FrozenClock(datetime(2026, 1, 5, 12, 0, tzinfo=UTC)):
        response = await client.post("/reservations", json={"sku": "ABC-1", "quantity": 1})
    assert response.json()["expires_at"] == "2026-01-05T12:15:00Z"


async def test_invalid_quantities_are_rejected(client):
    for quantity in (0, -1, "two"):
        response = await client.post("/reservations", json={"sku": "ABC-1", "quantity": quantity})
        assert response.status_code == 422
