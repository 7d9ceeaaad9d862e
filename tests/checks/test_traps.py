"""The traps the issue names, and edge cases where a naive check would be wrong."""

from __future__ import annotations

from pytest import mark

from canon.checks import check_source


def violations(code: str, check_id: str) -> int:
    return check_source(code, select=frozenset({check_id})).tally[check_id].violations


SWALLOW_CANCEL = """\
import asyncio


async def stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
"""


def test_contextlib_suppress_cancelled_error_exempt_but_cancel_check_flags():
    assert violations(SWALLOW_CANCEL, "contextlib-suppress") == 0
    assert violations(SWALLOW_CANCEL, "cancelled-error") == 1


def test_cancelled_error_suppress_call_flagged():
    code = (
        "from contextlib import suppress\nimport asyncio\n"
        "with suppress(asyncio.CancelledError):\n    pass\n"
    )
    assert violations(code, "cancelled-error") == 1


def test_cancelled_error_reraised_passes():
    code = SWALLOW_CANCEL.replace("        pass\n", "        cleanup()\n        raise\n")
    assert violations(code, "cancelled-error") == 0


def test_bare_except_reraising_allowed_plain_flagged():
    assert violations("try:\n    f()\nexcept:\n    g()\n    raise\n", "bare-except") == 0
    assert violations("try:\n    f()\nexcept:\n    g()\n", "bare-except") == 1


def test_union_operator_runtime_union_inside_function_not_flagged():
    code = "from typing import Union\n\n\ndef combine(a, b):\n    return Union[a, b]\n"
    assert violations(code, "union-operator") == 0
    assert violations("from typing import Union\nAlias = Union[int, str]\n", "union-operator") == 1


def test_builtin_generics_locally_defined_name_not_typing():
    code = "List = make_alias(list)\n\n\ndef f(x: List[int]) -> None: ...\n"
    assert violations(code, "builtin-generics") == 0


def test_task_group_create_task_on_group_not_flagged():
    code = (
        "import asyncio\n\n\nasync def main() -> None:\n"
        "    async with asyncio.TaskGroup() as tg:\n        tg.create_task(work())\n"
    )
    assert violations(code, "task-group") == 0
    assert violations("import asyncio\nasyncio.gather(a(), b())\n", "task-group") == 1


@mark.parametrize(
    ("code", "expected"),
    [
        ("import time\n\n\nasync def f() -> None:\n    time.sleep(1)\n", 1),
        ("import time\n\n\ndef f() -> None:\n    time.sleep(1)\n", 0),
        (
            "import time\n\n\nasync def f() -> None:\n"
            "    def g() -> None:\n        time.sleep(1)\n",
            0,
        ),
    ],
)
def test_async_blocking_only_directly_inside_async_def(code: str, expected: int):
    assert violations(code, "async-blocking") == expected


def test_sqlalchemy_example_comparison_not_a_finding_of_select_check():
    code = "from sqlalchemy import select\nstmt = select(User).where(User.is_active == True)\n"
    result = check_source(code, select=frozenset({"sqlalchemy-select"}))
    assert result.tally["sqlalchemy-select"].opportunities == 1
    assert result.findings == ()


def test_hardcoded_secrets_environment_value_passes_literal_flagged():
    assert violations('import os\npassword = os.environ["DB_PASSWORD"]\n', "hardcoded-secrets") == 0
    assert violations('API_KEY = "sk-live-0123456789abcdefghij"\n', "hardcoded-secrets") == 1


def test_fstring_debug_label_must_match_expression():
    assert violations('x = 1\nprint(f"x={x}")\n', "fstring-debug") == 1
    assert violations('x = 1\nprint(f"y={x}")\n', "fstring-debug") == 0
    assert violations('x = 1\nprint(f"{x=}")\n', "fstring-debug") == 0


def test_no_star_args_param_spec_forwarding_follows_the_rule() -> None:
    from canon.checks import check_source

    code = (
        "from collections.abc import Callable\n\n\n"
        "def logged[**P, R](func: Callable[P, R]) -> Callable[P, R]:\n"
        "    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:\n"
        "        return func(*args, **kwargs)\n\n"
        "    return wrapper\n\n\n"
        "def untyped(*args, **kwargs) -> None:\n"
        "    print(args, kwargs)\n"
    )
    result = check_source(code, select=frozenset({"no-star-args"}))
    assert [(f.line, f.message) for f in result.findings] == [
        (11, "`*args`; declare the parameters explicitly"),
        (11, "`**kwargs`; declare the parameters explicitly"),
    ]
    assert result.tally["no-star-args"].opportunities == 4  # two functions, two flags
