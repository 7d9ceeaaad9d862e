# path: tests/weather/test_client.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: pytest-style=compliant test-names=compliant function-length=compliant parameter-count=compliant
# expect: google-docstrings=compliant async-blocking=compliant timezone-aware=compliant
# expect: type-checking-imports=compliant no-pytz=compliant
# expect: abc-imports=compliant
# expect: no-any=compliant
# expect: relative-imports=compliant
# expect: pytest-asyncio=violation
"""Tests for WeatherClient with the HTTP layer mocked by respx."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from httpx import Response
from pytest import fixture, mark, raises

from weather.client import WeatherClient, WeatherError

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from respx import MockRouter

FORECAST = {"hourly": {"time": ["2024-05-01T00:00", "2024-05-01T01:00"], "temperature_2m": [11.5, 10.9]}}


@fixture
async def client() -> AsyncIterator[WeatherClient]:
    """A client pointed at the mocked API.

    Yields:
        The client, closed after the test.
    """
    async with WeatherClient(base_url="https://weather.test") as weather:
        yield weather


@mark.asyncio
async def test_hourly_success_returns_zoned_times(client: WeatherClient, respx_mock: MockRouter) -> None:
    respx_mock.get("https://weather.test/forecast").mock(return_value=Response(200, json=FORECAST))
    forecast = await client.hourly(52.52, 13.41, tz="Europe/Berlin")
    assert forecast.times[0] == datetime(2024, 5, 1, tzinfo=ZoneInfo("Europe/Berlin"))
    assert forecast.temperatures_c == (11.5, 10.9)


@mark.asyncio
async def test_hourly_server_error_raises_weather_error(
    client: WeatherClient, respx_mock: MockRouter
) -> None:
    respx_mock.get("https://weather.test/forecast").mock(return_value=Response(503))
    with raises(WeatherError, match="503"):
        await client.hourly(0.0, 0.0)


@mark.asyncio
async def test_hourly_default_zone_sends_utc(client: WeatherClient, respx_mock: MockRouter) -> None:
    route = respx_mock.get("https://weather.test/forecast").mock(return_value=Response(200, json=FORECAST))
    await client.hourly(1.0, 2.0)
    assert route.calls.last.request.url.params["timezone"] == "UTC"
