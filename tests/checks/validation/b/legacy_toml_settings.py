# path: src/crawler/settings.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: tomllib=violation pathlib=violation union-operator=violation builtin-generics=violation
# expect: no-any=violation hardcoded-secrets=violation bare-except=compliant contextlib-suppress=violation
# expect: class-length=compliant repr=violation structlog=violation f-strings=compliant
# expect: type-statement=violation self-type=violation raise-from=na
"""Settings for the crawler, read from crawler.toml with environment overrides."""

import logging
import os
from typing import Any, Dict, Optional, Union

import toml

log = logging.getLogger(__name__)

ConfigValue = Union[str, int, float, bool, list]

DEFAULTS: Dict[str, ConfigValue] = {
    "user_agent": "acme-crawler/2.1",
    "max_depth": 3,
    "concurrency": 8,
    "respect_robots": True,
}

PROXY_PASSWORD = "s3cr3t-proxy-pass"


class CrawlerSettings:
    def __init__(self, values: Dict[str, Any]):
        self.values = values

    @classmethod
    def load(cls, path: Optional[str] = None) -> "CrawlerSettings":
        """Load settings from a TOML file, falling back to defaults."""
        path = path or os.environ.get("CRAWLER_CONFIG", os.path.join(os.getcwd(), "crawler.toml"))
        values: Dict[str, Any] = dict(DEFAULTS)
        if os.path.exists(path):
            values.update(toml.load(path).get("crawler", {}))
        for key in list(values):
            env_value = os.environ.get(f"CRAWLER_{key.upper()}")
            if env_value is not None:
                try:
                    values[key] = type(values[key])(env_value)
                except ValueError:
                    pass
        log.info(f"loaded settings from {path}")
        return cls(values)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def proxy_url(self) -> Optional[str]:
        """Proxy URL with credentials, if a proxy host is configured."""
        host = self.values.get("proxy_host")
        if not host:
            return None
        return f"http://crawler:{PROXY_PASSWORD}@{host}"
