"""No false "clean": malformed suppressions, empty selections, bad config, special files."""

from __future__ import annotations

from os import mkfifo
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture, mark

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from tests.conftest import Run

SOURCE = (
    "from typing import Optional\n"
    "\n"
    "a: Optional[int] = None  # canon: ignore[typo\n"
    "b: Optional[int] = None  # canon: ignored-for-now\n"
    "c: Optional[int] = None  # canon: ignore[union-operator, nosuch]\n"
    "\f\n"
    "d: Optional[int] = None  # canon: ignore\n"
    "e: Optional[int] = None  # canon: ignore[]\n"
    "f: Optional[int] = None\n"
)


@fixture
def here(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.py").write_text(SOURCE)
    return tmp_path


def _check(canon: Run, arguments: list[str]):
    return canon(["check", "--no-cache", "--select", "union-operator", *arguments, "m.py"])


def test_malformed_suppressions_silence_nothing_and_are_findings(canon: Run, here: Path):
    result = _check(canon, [])
    assert result.exit_code == 1
    assert result.stdout == (
        "m.py:3:4: typing.union-operator [*] `Optional[X]`; write `X | None`\n"
        "m.py:3:26: bad-suppression `# canon: ignore[typo` silences nothing; "
        "write `# canon: ignore[ID,...]`\n"
        "m.py:4:4: typing.union-operator [*] `Optional[X]`; write `X | None`\n"
        "m.py:4:26: bad-suppression `# canon: ignored-for-now` silences nothing; "
        "write `# canon: ignore[ID,...]`\n"
        "m.py:8:4: typing.union-operator [*] `Optional[X]`; write `X | None`\n"
        "m.py:8:26: bad-suppression `# canon: ignore[]` silences nothing; "
        "write `# canon: ignore[ID,...]`\n"
        "m.py:9:4: typing.union-operator [*] `Optional[X]`; write `X | None`\n"
    )
    # the form feed on line 6 is no line break: `d` (line 7) stays suppressed, `f` is line 9
    assert result.stderr == (
        "canon: warning: m.py:5:26: unknown id 'nosuch' in a suppression\n"
        "canon: Found 7 findings; 1 file checked. 4 fixable with `--fix`.\n"
    )


def test_suppression_tally_in_json_counts_only_what_is_left(canon: Run, here: Path):
    document = loads(_check(canon, ["--format", "json"]).stdout)
    checks = [finding["check"] for finding in document["findings"]]
    assert checks.count("union-operator") == 4
    assert checks.count("bad-suppression") == 3


@mark.parametrize(
    ("arguments", "message"),
    [
        (["--select", ""], "--select names no check: nothing would be checked"),
        (
            ["--ignore", "union-operator"],
            "--ignore leaves no check to run: nothing would be checked",
        ),
    ],
)
def test_empty_selection_is_an_error(canon: Run, here: Path, arguments: list[str], message: str):
    selection = [] if arguments[0] == "--select" else ["--select", "union-operator"]
    result = canon(["check", "--no-cache", *selection, *arguments, "m.py"])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"canon: {message}\n")


@mark.parametrize(
    ("toml", "message"),
    [
        ('tool = "x"\n', "`tool` must be a table ([tool.canon] holds canon's settings)"),
        ("[tool]\ncanon = 1\n", "[tool.canon] must be a table"),
    ],
)
def test_malformed_tool_table_is_one_line(canon: Run, here: Path, toml: str, message: str):
    (here / "pyproject.toml").write_text(toml)
    result = canon(["check", "m.py"])
    assert (result.exit_code, result.stderr) == (2, f"canon: pyproject.toml: {message}\n")


def _run(arguments: list[str], cwd: Path):
    return run(
        [executable, "-m", "canon", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_fifo_in_a_folder_is_skipped_never_read(here: Path):
    (here / "pkg").mkdir()
    (here / "pkg" / "ok.py").write_text('"""Fine."""\n')
    mkfifo(here / "pkg" / "pipe.py")
    result = _run(["check", "--no-cache", "--select", "union-operator", "pkg"], here)
    assert (result.returncode, result.stderr) == (0, "canon: All clean: 1 file checked.\n")


def test_fifo_named_on_the_command_line_is_refused(here: Path):
    mkfifo(here / "pipe.py")
    result = _run(["check", "pipe.py"], here)
    assert (result.returncode, result.stderr) == (
        2,
        "canon: pipe.py: not a regular file or a folder; refused\n",
    )
