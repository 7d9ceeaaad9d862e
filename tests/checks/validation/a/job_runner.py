# path: src/worker/runner.py
# expect: task-group=compliant cancelled-error=compliant async-blocking=compliant structlog=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: specific-imports=compliant repr=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: dataclass-options=compliant function-length=compliant parameter-count=compliant
# expect: timezone-aware=compliant abc-imports=compliant type-checking-imports=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: value-object-equality=compliant
"""Run queued jobs concurrently, with structured concurrency and clean cancellation."""

from asyncio import CancelledError, TaskGroup, sleep, timeout
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog

__all__ = ["Job", "JobRunner"]

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One unit of work.

    Attributes:
        name: Shown in logs.
        action: The coroutine function to run.
        deadline_seconds: How long the job may take.
    """

    name: str
    action: Callable[[], Awaitable[None]]
    deadline_seconds: float = 30.0


class JobRunner:
    """Runs batches of jobs; one failing job cancels the rest of its batch."""

    def __init__(self, *, pause_seconds: float = 0.5) -> None:
        """Create a runner.

        Args:
            pause_seconds: Pause between batches.
        """
        self._pause = pause_seconds

    def __repr__(self) -> str:
        """Show the runner's pause.

        Returns:
            `JobRunner(pause_seconds=...)`.
        """
        return f"JobRunner(pause_seconds={self._pause})"

    async def run_one(self, job: Job) -> None:
        """Run one job within its deadline, logging its start and end.

        Args:
            job: The job.

        Raises:
            CancelledError: The runner was cancelled; the job is abandoned.
        """
        started = datetime.now(UTC)
        log.info("job.start", job=job.name)
        try:
            async with timeout(job.deadline_seconds):
                await job.action()
        except CancelledError:
            log.warning("job.cancelled", job=job.name)
            raise
        elapsed = (datetime.now(UTC) - started).total_seconds()
        log.info("job.done", job=job.name, seconds=elapsed)

    async def run_batch(self, jobs: list[Job]) -> None:
        """Run a batch of jobs concurrently and wait for all of them.

        Args:
            jobs: The jobs of the batch.
        """
        async with TaskGroup() as group:
            for job in jobs:
                group.create_task(self.run_one(job))
        await sleep(self._pause)
