from pytest import mark

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
