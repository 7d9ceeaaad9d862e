# path: src/gateway/rate_limit.py
# expect: async-blocking=compliant task-group=na specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant repr=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: function-length=compliant parameter-count=compliant union-operator=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""A token-bucket rate limiter for async request handlers."""

from asyncio import Lock, sleep
from dataclasses import dataclass, field
from time import monotonic

__all__ = ["TokenBucket"]


@dataclass(slots=True, kw_only=True)
class TokenBucket:
    """Allows `rate` requests per second with bursts up to `capacity`.

    The bucket's state changes with every request, so it is not frozen.

    Attributes:
        rate: Tokens added per second.
        capacity: Most tokens held.
        tokens: Tokens available now.
        updated: When `tokens` was last refilled (monotonic seconds).
    """

    rate: float
    capacity: float
    tokens: float = 0.0
    updated: float = field(default_factory=monotonic)
    _lock: Lock = field(default_factory=Lock, repr=False)

    def _refill(self) -> None:
        now = monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    async def acquire(self, cost: float = 1.0) -> None:
        """Wait until `cost` tokens are available, then take them.

        Args:
            cost: Tokens the request uses.

        Raises:
            ValueError: The cost exceeds the bucket's capacity.
        """
        if cost > self.capacity:
            raise ValueError("cost exceeds capacity")
        async with self._lock:
            self._refill()
            while self.tokens < cost:
                await sleep((cost - self.tokens) / self.rate)
                self._refill()
            self.tokens -= cost

    def try_acquire(self, cost: float = 1.0) -> bool:
        """Take `cost` tokens if available, without waiting.

        Args:
            cost: Tokens the request uses.

        Returns:
            Whether the tokens were taken.
        """
        self._refill()
        if self.tokens < cost:
            return False
        self.tokens -= cost
        return True

    def retry_after(self, cost: float = 1.0) -> float | None:
        """Seconds until `cost` tokens are available.

        Args:
            cost: Tokens the request needs.

        Returns:
            The wait, or None when they are available now.
        """
        self._refill()
        missing = cost - self.tokens
        return missing / self.rate if missing > 0 else None
