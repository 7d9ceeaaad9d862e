# path: src/jobs/results.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: no-pickle=compliant timezone-aware=compliant class-length=compliant repr=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: union-operator=compliant builtin-generics=compliant no-any=compliant self-type=compliant
# expect: contextlib-suppress=compliant f-strings=compliant structlog=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""Store job results in Redis as MessagePack, never pickle."""

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

from msgpack import ExtraData, FormatError, StackError, packb, unpackb
from redis import Redis
from structlog import get_logger

__all__ = ["JobResult", "ResultStore"]

log = get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class JobResult:
    """The outcome of one background job."""

    job_id: str
    ok: bool
    finished_at: datetime
    output: dict[str, str]

    def to_bytes(self) -> bytes:
        """Encode for storage.

        Returns:
            The MessagePack bytes.
        """
        return packb(
            {"job_id": self.job_id, "ok": self.ok, "finished_at": self.finished_at.timestamp(), "output": self.output}
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> Self:
        """Decode stored bytes.

        Args:
            raw: MessagePack bytes written by `to_bytes`.

        Returns:
            The result.
        """
        data = unpackb(raw)
        return cls(
            job_id=data["job_id"],
            ok=data["ok"],
            finished_at=datetime.fromtimestamp(data["finished_at"], tz=UTC),
            output=data["output"],
        )


class ResultStore:
    """Keeps results for a day so clients can poll for them."""

    def __init__(self, redis: Redis, ttl_seconds: int = 86_400) -> None:
        """Use a Redis connection.

        Args:
            redis: The connection.
            ttl_seconds: How long results are kept.
        """
        self._redis = redis
        self._ttl = ttl_seconds

    def __repr__(self) -> str:
        """Show the retention."""
        return f"ResultStore(ttl_seconds={self._ttl})"

    def save(self, result: JobResult) -> None:
        """Store a result.

        Args:
            result: The result.
        """
        self._redis.set(f"job-result:{result.job_id}", result.to_bytes(), ex=self._ttl)

    def load(self, job_id: str) -> JobResult | None:
        """Fetch a result.

        Args:
            job_id: The job.

        Returns:
            The result, or None when missing or unreadable.
        """
        raw = self._redis.get(f"job-result:{job_id}")
        if raw is None:
            return None
        with suppress(ExtraData, FormatError, StackError, KeyError):
            return JobResult.from_bytes(raw)
        log.warning("job_result_unreadable", job_id=job_id)
        return None
