# path: src/weather/client.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: class-length=compliant repr=compliant union-operator=compliant builtin-generics=compliant
# expect: no-any=compliant hardcoded-secrets=compliant raise-from=compliant bare-except=compliant
# expect: structlog=compliant f-strings=compliant self-type=compliant async-blocking=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: timezone-aware=compliant no-pytz=compliant type-checking-imports=compliant
# expect: comprehensions=compliant
# expect: domain-hierarchy=compliant context-managers=compliant value-object-equality=compliant
# expect: constructor-injection=violation
"""Async client for the Open-Meteo forecast API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from os import environ
from typing import TYPE_CHECKING, Self
from zoneinfo import ZoneInfo

from httpx import AsyncClient, HTTPStatusError, Timeout
from structlog import get_logger

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["Forecast", "WeatherClient", "WeatherError"]

log = get_logger(__name__)


class WeatherError(RuntimeError):
    """The forecast service failed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Forecast:
    """Hourly temperatures for one place."""

    latitude: float
    longitude: float
    times: tuple[datetime, ...]
    temperatures_c: tuple[float, ...]


class WeatherClient:
    """Reads forecasts; use it as an async context manager."""

    def __init__(self, base_url: str = "https://api.open-meteo.com/v1") -> None:
        """Prepare a client.

        Args:
            base_url: The API root.
        """
        self._client = AsyncClient(
            base_url=base_url,
            timeout=Timeout(10.0),
            headers={"X-Api-Key": environ.get("OPEN_METEO_API_KEY", "")},
        )

    def __repr__(self) -> str:
        """Show the API root."""
        return f"WeatherClient(base_url={self._client.base_url!s})"

    async def __aenter__(self) -> Self:
        """Open the connection pool."""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    async def hourly(self, latitude: float, longitude: float, tz: str = "UTC") -> Forecast:
        """Fetch the hourly temperature forecast.

        Args:
            latitude: Degrees north.
            longitude: Degrees east.
            tz: The IANA time zone of the returned times.

        Returns:
            The forecast.

        Raises:
            WeatherError: If the service answers with an error status.
        """
        params = {"latitude": latitude, "longitude": longitude, "hourly": "temperature_2m", "timezone": tz}
        try:
            response = await self._client.get("/forecast", params=params)
            response.raise_for_status()
        except HTTPStatusError as exc:
            log.error("forecast_failed", status=exc.response.status_code, latitude=latitude)
            raise WeatherError(f"forecast failed with {exc.response.status_code}") from exc
        hourly = response.json()["hourly"]
        zone = ZoneInfo(tz)
        return Forecast(
            latitude=latitude,
            longitude=longitude,
            times=tuple(datetime.fromisoformat(t).replace(tzinfo=zone) for t in hourly["time"]),
            temperatures_c=tuple(hourly["temperature_2m"]),
        )
