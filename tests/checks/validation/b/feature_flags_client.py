# path: src/flags/client.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: no-pickle=violation hardcoded-secrets=violation structlog=violation class-length=compliant
# expect: repr=violation union-operator=compliant builtin-generics=compliant no-any=compliant
# expect: bare-except=compliant contextlib-suppress=compliant raise-from=compliant f-strings=compliant
# expect: self-type=compliant dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: comprehensions=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant value-object-equality=compliant
# expect: constructor-injection=violation
"""Feature flag client with a Redis-backed local cache."""

import logging
import pickle
from contextlib import suppress
from dataclasses import dataclass
from typing import Self

import httpx
from redis import Redis, RedisError

__all__ = ["Flag", "FlagClient", "FlagServiceError"]

log = logging.getLogger(__name__)

FLAGS_SDK_KEY = "sdk-prod-7c1e4b2a-93f0-4d6e-b8a1-2f5c9d0e6a37"


class FlagServiceError(RuntimeError):
    """The flag service could not be reached."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Flag:
    """A feature flag and its rollout percentage."""

    key: str
    enabled: bool
    rollout: int = 100


class FlagClient:
    """Reads flags from the flag service, caching them in Redis for a minute."""

    def __init__(self, redis: Redis, base_url: str = "https://flags.internal") -> None:
        """Create a client."""
        self.redis = redis
        self.http = httpx.Client(base_url=base_url, headers={"Authorization": FLAGS_SDK_KEY})

    def warm(self) -> Self:
        """Fetch every flag into the cache and return the client."""
        for flag in self._fetch_all():
            self.redis.setex(f"flag:{flag.key}", 60, pickle.dumps(flag))
        return self

    def get(self, key: str) -> Flag | None:
        """Return a flag from the cache, falling back to the service."""
        with suppress(RedisError):
            cached = self.redis.get(f"flag:{key}")
            if cached is not None:
                return pickle.loads(cached)
        return next((flag for flag in self._fetch_all() if flag.key == key), None)

    def _fetch_all(self) -> list[Flag]:
        try:
            response = self.http.get("/v1/flags", timeout=3)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            log.error("flag service unavailable: %s", exc)
            raise FlagServiceError(str(exc)) from exc
        return [Flag(**item) for item in response.json()["flags"]]
