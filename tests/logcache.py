"""Reuse the report tests' generated eval logs across pytest sessions (mutation runs only).

A mutation run of a report module starts one pytest session per mutant, and each session
would run the same offline evals again. When `CANON_TEST_LOG_CACHE` names a folder, the logs
a fixture generates are kept there under the fixture's name and copied for later sessions.
`benchmarks/mutation.py` sets it only for modules that cannot change the logs (the reports);
never set it while changing the evals, the checks or the bank: the copies would be stale.
"""

from __future__ import annotations

from os import environ, getpid
from pathlib import Path
from shutil import copytree, rmtree
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CACHE_ENV", "reuse_or_run"]

CACHE_ENV = "CANON_TEST_LOG_CACHE"


def reuse_or_run(name: str, destination: Path, produce: Callable[[], object]) -> None:
    """Fill destination with the logs `produce` writes there, or with a kept copy of them.

    Args:
        name: The fixture's logs' name in the cache.
        destination: The folder the logs go to.
        produce: Writes the logs into destination.
    """
    cache = environ.get(CACHE_ENV)
    if not cache:
        produce()
        return
    kept = Path(cache) / name
    if kept.is_dir():
        copytree(kept, destination, dirs_exist_ok=True)
        return
    produce()
    partial = kept.with_name(f"{name}.{getpid()}.partial")
    copytree(destination, partial)
    try:
        partial.rename(kept)
    except OSError:  # another session kept its copy first
        rmtree(partial)
