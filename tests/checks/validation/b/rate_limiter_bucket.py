# path: src/gateway/ratelimit.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: dataclass-options=violation dataclass-frozen=compliant dataclass-kw-only=violation
# expect: class-length=compliant repr=compliant builtin-generics=violation async-blocking=compliant
# expect: structlog=compliant fstring-debug=compliant union-operator=violation
# expect: f-strings=compliant
# expect: no-any=compliant
"""Token-bucket rate limiting per API key."""

import asyncio
import time
from dataclasses import dataclass, field
from typing import DefaultDict, Optional
from collections import defaultdict

import structlog

log = structlog.get_logger()


@dataclass
class TokenBucket:
    """Refills `rate` tokens per second up to `capacity`."""

    capacity: float
    rate: float
    tokens: float = 0.0
    updated_at: float = field(default_factory=time.monotonic)

    def take(self, cost: float = 1.0) -> bool:
        """Try to take tokens; True when the request may proceed."""
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated_at) * self.rate)
        self.updated_at = now
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False


class RateLimiter:
    """One bucket per key, created on first use."""

    def __init__(self, capacity: float, rate: float):
        self._buckets: DefaultDict[str, TokenBucket] = defaultdict(
            lambda: TokenBucket(capacity, rate, tokens=capacity)
        )
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"RateLimiter(keys={len(self._buckets)})"

    async def allow(self, key: str, cost: float = 1.0) -> bool:
        """Decide whether a request for a key may proceed."""
        async with self._lock:
            allowed = self._buckets[key].take(cost)
        if not allowed:
            log.debug(f"rate limited {key=} {cost=}")
        return allowed

    def retry_after(self, key: str) -> Optional[float]:
        """Seconds until one token is available, or None when one is available now."""
        bucket = self._buckets.get(key)
        if bucket is None or bucket.tokens >= 1:
            return None
        return (1 - bucket.tokens) / bucket.rate
