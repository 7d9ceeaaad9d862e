"""The command line: usage errors refused in one place, compile's outcome printed in order."""

from __future__ import annotations

from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from pytest import mark

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run


@mark.parametrize(
    ("arguments", "refusal"),
    [
        (["targets", "--format", "xml"], "unknown format 'xml' (text, json)"),
        (["rules", "--format", "xml"], "--format must be text, json or markdown"),
        (["rules", "typing.union", "--format", "xml"], "--format must be text, json or markdown"),
        (["check", "nowhere.py", "--format", "xml"], "--format must be one of text, json, sarif"),
        (["compare", "no-a", "no-b", "--format", "xml"], "unknown format 'xml' (markdown or json)"),
    ],
)
def test_bad_format_is_one_line_and_exit_2_before_any_work(
    project: Path, canon: Run, arguments: list[str], refusal: str
):
    result = canon(arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"canon: {refusal}\n")


def test_refused_write_comes_after_the_warnings_it_followed(project: Path, canon: Run):
    meta = project / "instructions" / "demo" / "standard.yaml"
    meta.write_text(meta.read_text() + "quote_globs: false\n")
    outside = project.parent / f"{project.name}-outside.md"
    outside.write_text("not canon's\n")
    target = project / ".github" / "instructions" / "demo.instructions.md"
    target.parent.mkdir(parents=True)
    target.symlink_to(outside)

    result = canon(["compile"])

    warning = (
        "canon: warning: instructions/demo/standard.yaml:4:1: applyTo is written unquoted "
        "(src/**/*.py) as the source asks (quote_globs: false); strict YAML parsers reject it\n"
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == warning + f"canon: {target}: refusing to write through a symlink\n"
    assert outside.read_text() == "not canon's\n"


def test_quiet_check_prints_drift_but_not_the_all_clear(project: Path, canon: Run):
    assert canon(["compile", "-q"]).stderr == ""
    assert canon(["compile", "--check", "-q", "--no-cache"]).stderr == ""
    (project / ".github" / "instructions" / "demo.instructions.md").write_text("edited\n")

    result = canon(["compile", "--check", "-q", "--no-cache"])

    assert result.exit_code == 1
    assert result.stdout.startswith(
        "--- a/.github/instructions/demo.instructions.md\n"
        "+++ b/.github/instructions/demo.instructions.md\n"
        "@@ -1 +1,19 @@\n"
        "-edited\n"
    )
    assert result.stderr == (
        "canon: stale: .github/instructions/demo.instructions.md\n"
        "canon: warning: .github/instructions/demo.instructions.md: was edited since canon wrote "
        "it (its hash differs from canon.lock); pass --adopt "
        ".github/instructions/demo.instructions.md to let canon replace it, or move it away\n"
        "canon: 1 generated file(s) out of date; run `canon compile`\n"
    )


def _loaded_by_check(project: Path, options: tuple[str, ...] = ()) -> str:
    code = (
        "import sys\n"
        "from contextlib import suppress\n"
        "from canon.cli import main\n"
        f"sys.argv = ['canon', 'compile', '--check', *{list(options)!r}]\n"
        "with suppress(SystemExit):\n"
        "    main()\n"
        "heavy = {'pydantic', 'yaml', 'canon.compiler.project'}\n"
        "sys.stderr.write(repr(sorted(heavy & set(sys.modules))))\n"
    )
    done = run([executable, "-c", code], cwd=project, capture_output=True, text=True, check=False)
    return done.stderr


def test_cached_check_answers_without_loading_standards(project: Path, canon: Run):
    assert canon(["compile"]).exit_code == 0
    assert _loaded_by_check(project, ("--no-cache",)) == (
        "canon: 2 generated file(s) up to date\n['canon.compiler.project', 'pydantic', 'yaml']"
    )
    assert _loaded_by_check(project) == "canon: 2 generated file(s) up to date\n[]"
