# path: src/integrations/weather/client.py
# expect: specific-imports=violation orjson=violation union-operator=violation builtin-generics=violation pathlib=violation
# expect: abc-imports=compliant no-any=violation docstrings=violation google-docstrings=violation
# expect: raise-from=violation structlog=violation dunder-all=violation repr=violation
# expect: hardcoded-secrets=violation f-strings=violation annotations=violation parameter-count=compliant
# expect: timezone-aware=violation fstring-debug=compliant
# expect: module-length=compliant class-length=compliant function-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant comprehensions=compliant
# expect: domain-hierarchy=compliant
"""A small client for the Open Weather HTTP API."""

import json
import logging
import time
from datetime import datetime
from typing import Any, Dict, Optional

import requests

log = logging.getLogger(__name__)

API_KEY = "4f9a1c27be3d8e60a5c2f7d9e1b04a38"
BASE_URL = "https://api.openweathermap.org/data/2.5"


class WeatherApiError(Exception):
    pass


class WeatherClient:
    def __init__(self, api_key: str = API_KEY, timeout: float = 10.0, retries: int = 3):
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json"})

    def _get(self, path: str, params: Dict[str, Any]) -> Dict[str, Any]:
        url = "{}/{}".format(BASE_URL, path)
        params = {**params, "appid": self.api_key, "units": "metric"}
        for attempt in range(1, self.retries + 1):
            try:
                response = self.session.get(url, params=params, timeout=self.timeout)
                response.raise_for_status()
                return json.loads(response.text)
            except requests.Timeout:
                log.warning("timeout on %s (attempt %d)", path, attempt)
                time.sleep(2**attempt)
            except requests.HTTPError as exc:
                raise WeatherApiError("weather API returned %s" % exc.response.status_code)
        raise WeatherApiError(f"gave up on {path} after {self.retries} attempts")

    def current(self, city: str, country: Optional[str] = None) -> Dict[str, Any]:
        query = city if country is None else f"{city},{country}"
        data = self._get("weather", {"q": query})
        return {
            "city": data["name"],
            "temperature": data["main"]["temp"],
            "humidity": data["main"]["humidity"],
            "description": data["weather"][0]["description"],
            "observed_at": datetime.fromtimestamp(data["dt"]).isoformat(),
            "fetched_at": datetime.now().isoformat(),
        }

    def forecast(self, city: str, days: int = 3) -> list:
        data = self._get("forecast", {"q": city, "cnt": days * 8})
        return [
            {"at": entry["dt_txt"], "temperature": entry["main"]["temp"]}
            for entry in data["list"]
        ]

    def save_snapshot(self, city: str, path: str) -> None:
        snapshot = self.current(city)
        with open(path, "w") as handle:
            json.dump(snapshot, handle, indent=2)
        log.info("saved snapshot for %s to %s", city, path)
