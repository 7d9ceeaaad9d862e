# path: src/ops/probes.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=violation
# expect: task-group=violation async-blocking=compliant structlog=compliant hardcoded-secrets=violation
# expect: builtin-generics=compliant no-any=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: bare-except=compliant raise-from=na comprehensions=compliant
# expect: class-length=compliant
# expect: keyword-only=violation value-object-equality=compliant
"""Probe databases and caches before a deploy is marked healthy."""

import asyncio
from dataclasses import dataclass

import asyncpg
from redis.asyncio import Redis
from structlog import get_logger

__all__ = ["ProbeResult", "probe_all", "probe_postgres", "probe_redis"]

log = get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProbeResult:
    """The outcome of one probe."""

    name: str
    ok: bool
    detail: str = ""


async def probe_postgres(
    host: str, port: int = 5432, user: str = "healthcheck", password: str = "hc-Passw0rd!", database: str = "postgres", timeout: float = 3.0
) -> ProbeResult:
    """Open a connection and run `SELECT 1`.

    Args:
        host: The database host.
        port: The database port.
        user: The login role.
        password: The role's password.
        database: The database to connect to.
        timeout: Seconds before giving up.

    Returns:
        The probe result.
    """
    try:
        connection = await asyncpg.connect(
            host=host, port=port, user=user, password=password, database=database, timeout=timeout
        )
    except (OSError, asyncpg.PostgresError) as exc:
        return ProbeResult(name="postgres", ok=False, detail=str(exc))
    try:
        await connection.fetchval("SELECT 1")
    finally:
        await connection.close()
    return ProbeResult(name="postgres", ok=True)


async def probe_redis(url: str) -> ProbeResult:
    """Send PING.

    Args:
        url: The Redis URL.

    Returns:
        The probe result.
    """
    client = Redis.from_url(url)
    try:
        pong = await client.ping()
    except OSError as exc:
        return ProbeResult(name="redis", ok=False, detail=str(exc))
    finally:
        await client.aclose()
    return ProbeResult(name="redis", ok=bool(pong))


async def probe_all(postgres_host: str, redis_url: str, timeout: float = 5.0) -> list[ProbeResult]:
    """Run every probe at once, giving up on those slower than the timeout.

    Args:
        postgres_host: The database host.
        redis_url: The Redis URL.
        timeout: Seconds to wait for all probes.

    Returns:
        The finished probes' results; timed-out probes are reported as failures.
    """
    tasks = {
        asyncio.create_task(probe_postgres(postgres_host), name="postgres"),
        asyncio.create_task(probe_redis(redis_url), name="redis"),
    }
    done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    results = [task.result() for task in done]
    results += [ProbeResult(name=task.get_name(), ok=False, detail="timed out") for task in pending]
    log.info("probes_finished", ok=sum(result.ok for result in results), total=len(results))
    return results
