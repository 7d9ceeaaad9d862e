"""Run a task's pytest code against a solution, out of process, with a timeout.

The solution and its tests are written to a fresh temporary folder and pytest runs there in a
child process, with a minimal environment (no API keys) and a timeout; the harness never
imports or executes model code itself. The child leads its own process group: at the timeout,
or when the scorer is cancelled (an interrupted eval), the whole group is killed, so neither
pytest nor anything the model's code started outlives the sample.
"""

from __future__ import annotations

from asyncio import create_subprocess_exec, wait_for
from asyncio.subprocess import DEVNULL, PIPE, STDOUT
from contextlib import suppress
from dataclasses import dataclass
from os import devnull, environ, killpg
from pathlib import Path, PurePosixPath
from signal import SIGKILL
from sys import executable
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING

from canon.errors import InputError
from canon.safe_write import write_files

if TYPE_CHECKING:
    from asyncio.subprocess import Process

__all__ = ["FunctionalResult", "run_tests"]

DEFAULT_TIMEOUT = 30.0
_OUTPUT_LIMIT = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class FunctionalResult:
    """How a solution fared against its tests.

    Attributes:
        passed: Every test passed.
        timed_out: The run was killed at the timeout.
        output: The tail of pytest's output, for the log.
    """

    passed: bool
    timed_out: bool = False
    output: str = ""


async def run_tests(
    *, code: str, tests: str, module: str, timeout: float = DEFAULT_TIMEOUT
) -> FunctionalResult:
    """Run pytest on `tests` with `code` importable as `module`, in a child process.

    Args:
        code: The solution.
        tests: pytest code importing the solution.
        module: The module name the tests import.
        timeout: Seconds before the child is killed.

    Returns:
        The result; a timeout is a failure.
    """
    with TemporaryDirectory(prefix="canon-tests-") as folder:
        root = Path(folder)
        files = {f"{module}.py": code, f"test_{module}_behaviour.py": tests}
        try:
            write_files(root, {PurePosixPath(name): text.encode() for name, text in files.items()})
        except InputError as exc:  # a module name that is no file name
            return FunctionalResult(passed=False, output=f"cannot write the tests: {exc}")
        return await _pytest(root, timeout)


async def _pytest(root: Path, timeout: float) -> FunctionalResult:
    process = await _start_pytest(root)
    try:
        stdout, _ = await wait_for(process.communicate(), timeout)
    except TimeoutError:
        return FunctionalResult(passed=False, timed_out=True, output=f"timed out after {timeout}s")
    finally:  # timed out or cancelled: nothing the sample started may outlive it
        if process.returncode is None:
            _kill_group(process)
            await process.wait()
    output = stdout.decode("utf-8", errors="replace")[-_OUTPUT_LIMIT:]
    return FunctionalResult(passed=process.returncode == 0, output=output)


def _kill_group(process: Process) -> None:
    """Kill the child's process group: pytest, and whatever the tested code started."""
    with suppress(ProcessLookupError, PermissionError):
        killpg(process.pid, SIGKILL)


async def _start_pytest(root: Path) -> Process:
    # Model code runs here: give it no API key or other secret of the harness's environment.
    environment = {
        "PATH": environ.get("PATH", ""),
        "HOME": str(root),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(root),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    command = [executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    return await create_subprocess_exec(
        *command,
        "--rootdir",
        str(root),
        "-c",
        devnull,
        str(root),
        cwd=root,
        env=environment,
        stdin=DEVNULL,
        stdout=PIPE,
        stderr=STDOUT,
        start_new_session=True,
    )
