"""Shared fixtures: a throwaway canon project and the real CLI run inside it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pytest import fixture
from typer.testing import CliRunner

from canon.cli import app

if TYPE_CHECKING:
    from pytest import MonkeyPatch

REPO = Path(__file__).resolve().parents[1]

DEMO_META = """\
id: demo
title: Demo Standard
applies_to: ["src/**/*.py"]
"""

DEMO_SECTIONS = """\
sections:
  - title: Typing
    id: typing
    blocks:
      - rule:
          id: typing.union
          text: "Use `X | None`, not `Optional[X]`."
          check: union-operator
          examples:
            good: ["def f(x: int | None) -> None: ..."]
            bad: ["def f(x: Optional[int]) -> None: ..."]
      - item: "Example:"
        children:
          - code:
              lang: python
              text: |
                x: int | None = None
      - hr: "---"
  - title: Style
    level: 3
    blocks:
      - rule: {id: style.short, text: "Keep functions short."}
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """What a CLI run printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


type Run = Callable[[Sequence[str]], Result]


@fixture
def project(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    """A project with a manifest and one standard, as the working folder."""
    (tmp_path / "instructions" / "demo").mkdir(parents=True)
    (tmp_path / "instructions" / "canon.yaml").write_text("standards: [demo]\ntargets: [copilot]\n")
    (tmp_path / "instructions" / "demo" / "standard.yaml").write_text(DEMO_META)
    (tmp_path / "instructions" / "demo" / "10-typing.yaml").write_text(DEMO_SECTIONS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@fixture
def canon() -> Run:
    """Run the real `canon` command line in-process."""
    runner = CliRunner()

    def run(arguments: Sequence[str]) -> Result:
        result = runner.invoke(app, list(arguments))
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(exit_code=result.exit_code, stdout=result.stdout, stderr=result.stderr)

    return run


def tree(root: Path) -> dict[str, bytes]:
    """Every file below a folder with its bytes, for before/after comparisons."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def pytest_configure() -> None:
    """Under mutmut's coverage pass only, keep child processes on the original code.

    `benchmarks/mutation.py` runs mutmut, whose first pass (`MUTANT_UNDER_TEST=stats`) records
    which tests reach which function; a test's `python -m canon` child would inherit the
    variable and fail to record outside mutmut's folder. The pass keeps its mode in-process
    and children run the original code. Outside mutation runs this does nothing.
    """
    from os import environ

    if environ.get("MUTANT_UNDER_TEST") != "stats":
        return
    from mutmut.mutation.trampoline import set_mutant_under_test

    set_mutant_under_test("stats")
    del environ["MUTANT_UNDER_TEST"]
