# path: tests/jobs/test_worker.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: pytest-style=compliant test-names=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=compliant google-docstrings=compliant orjson=compliant
# expect: builtin-generics=compliant no-any=compliant
# expect: no-pickle=compliant
# expect: relative-imports=compliant
# expect: pytest-asyncio=compliant
"""Tests for the job worker's dispatch loop."""

from asyncio import TaskGroup, sleep, wait_for

from fakeredis import FakeAsyncRedis
from orjson import dumps
from pytest import fixture, mark

from jobs.worker import Worker


@fixture
def redis() -> FakeAsyncRedis:
    """A fresh in-memory Redis.

    Returns:
        The fake client.
    """
    return FakeAsyncRedis()


@fixture
def worker(redis: FakeAsyncRedis) -> Worker:
    """A worker with two consumers on the `jobs` queue.

    Args:
        redis: The fake Redis.

    Returns:
        The worker.
    """
    return Worker(redis, "jobs", concurrency=2)


@mark.asyncio
async def test_run_registered_kind_calls_handler(worker: Worker, redis: FakeAsyncRedis) -> None:
    seen: list[dict[str, str]] = []

    async def handler(job: dict[str, str]) -> None:
        seen.append(job)
        worker.stop()

    worker.register("email", handler)
    await redis.rpush("jobs", dumps({"kind": "email", "to": "ada@example.com"}))
    await wait_for(worker.run(), timeout=2)
    assert seen == [{"kind": "email", "to": "ada@example.com"}]


@mark.asyncio
async def test_run_unknown_kind_skips_job(worker: Worker, redis: FakeAsyncRedis) -> None:
    await redis.rpush("jobs", dumps({"kind": "sms"}))
    async with TaskGroup() as group:
        group.create_task(wait_for(worker.run(), timeout=2))
        await sleep(0.1)
        worker.stop()
    assert await redis.llen("jobs") == 0


@mark.asyncio
async def test_stop_before_run_exits_immediately(worker: Worker) -> None:
    worker.stop()
    await wait_for(worker.run(), timeout=1)
