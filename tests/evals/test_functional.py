from __future__ import annotations

from asyncio import sleep as pause
from asyncio import timeout
from pathlib import Path

from pytest import mark, raises

from canon.evals.functional import run_tests

ADDER_TESTS = (
    "from adder import add\n\n\n"
    "def test_add_two_numbers_sums() -> None:\n    assert add(1, 2) == 3\n"
)


@mark.asyncio
async def test_run_tests_passing_tests_pass() -> None:
    tests = ADDER_TESTS
    result = await run_tests(code="def add(a, b):\n    return a + b\n", tests=tests, module="adder")
    assert result.passed


@mark.asyncio
async def test_run_tests_failing_tests_fail_with_output() -> None:
    tests = ADDER_TESTS
    result = await run_tests(code="def add(a, b):\n    return a - b\n", tests=tests, module="adder")
    assert not result.passed
    assert "1 failed" in result.output


@mark.asyncio
async def test_run_tests_hanging_code_times_out() -> None:
    code = "while True:\n    pass\n"
    tests = "import spin\n\n\ndef test_spin_never_returns() -> None:\n    assert True\n"
    result = await run_tests(code=code, tests=tests, module="spin", timeout=2)
    assert (result.passed, result.timed_out) == (False, True)


@mark.asyncio
async def test_run_tests_child_sees_no_api_key(monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    code = "import os\n\nKEY = os.environ.get('OPENAI_API_KEY')\n"
    tests = (
        "from leak import KEY\n\n\ndef test_leak_key_absent() -> None:\n    assert KEY is None\n"
    )
    assert (await run_tests(code=code, tests=tests, module="leak")).passed


def _state(pid: int) -> str:
    """The process's state letter, or "gone" (a killed child not yet reaped is "Z")."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return "gone"
    return next(line.split()[1] for line in status.splitlines() if line.startswith("State:"))


def _spawner(pids: Path) -> str:
    # the tested code starts a grandchild, records both pids, and hangs
    return (
        "import os, subprocess, time\n"
        "from pathlib import Path\n\n"
        "child = subprocess.Popen(['sleep', '120'])\n"
        f"Path({str(pids)!r}).write_text(f'{{os.getpid()}} {{child.pid}}')\n"
        "time.sleep(120)\n"
    )


def _recorded_pids(pids: Path) -> list[int]:
    assert pids.exists(), "the tested code never started"
    return [int(pid) for pid in pids.read_text().split()]


@mark.asyncio
@mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
async def test_run_tests_timeout_kills_pytest_and_what_the_code_started(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    tests = "import hang\n\n\ndef test_hang_returns() -> None:\n    assert True\n"
    result = await run_tests(code=_spawner(pids), tests=tests, module="hang", timeout=5)
    assert result.timed_out
    assert [_state(pid) for pid in _recorded_pids(pids)] in (["gone", "gone"], ["gone", "Z"])


@mark.asyncio
@mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
async def test_run_tests_cancelled_leaves_no_process_behind(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    tests = "import hang\n\n\ndef test_hang_returns() -> None:\n    assert True\n"
    # the eval gives up on the sample (its own timeout) long before the tests' timeout
    with raises(TimeoutError):
        async with timeout(8):
            await run_tests(code=_spawner(pids), tests=tests, module="hang", timeout=60)
    await pause(0.5)
    states = [_state(pid) for pid in _recorded_pids(pids)]
    assert all(state in {"gone", "Z"} for state in states), states
