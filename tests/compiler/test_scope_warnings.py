"""Scope is never widened silently: every target that cannot scope says so, in the file and aloud.

The standard `team` applies to `src/**/*.py` and `tests/**`. A target that cannot limit a file
to some paths writes a line saying which files the standard applies to, and `canon compile`
prints a warning naming the target, the file and the globs, placed at `applies_to`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture, mark

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from tests.conftest import Run

# target -> the file holding the standard `team`, for every target that cannot scope a file
UNSCOPED = {
    "agents-md": "AGENTS.md",
    "aider": "CONVENTIONS.md",
    "amazonq": ".amazonq/rules/team.md",
    "gemini": "GEMINI.md",
    "junie": ".junie/guidelines.md",
    "roo": ".roo/rules/team.md",
    "zed": ".rules",
}
# target -> (its file for `team`, the frontmatter lines carrying the globs)
SCOPED = {
    "claude": (".claude/rules/team.md", ["paths:", '  - "src/**/*.py"', '  - "tests/**"']),
    "cline": (".clinerules/team.md", ["paths:", '  - "src/**/*.py"', '  - "tests/**"']),
    "continue": (
        ".continue/rules/team.md",
        ['name: "Team"', "globs:", '  - "src/**/*.py"', '  - "tests/**"', "alwaysApply: false"],
    ),
    "copilot": (".github/instructions/team.instructions.md", ['applyTo: "src/**/*.py,tests/**"']),
    "cursor": (
        ".cursor/rules/team.mdc",
        ["description: Team", "globs: src/**/*.py,tests/**", "alwaysApply: false"],
    ),
    "kiro": (
        ".kiro/steering/team.md",
        ["inclusion: fileMatch", "fileMatchPattern:", '  - "src/**/*.py"', '  - "tests/**"'],
    ),
    "windsurf": (".windsurf/rules/team.md", ["trigger: glob", "globs: src/**/*.py,tests/**"]),
}
WITH_SCOPE_LINE = (
    "# Team\n\n**Applies only to files matching** `src/**/*.py`, `tests/**`.\n\n"
    "## Rules\n\n- Be kind.\n"
)
WHERE = "instructions/team/standard.yaml:3:1"
AIDER_NOTE = "canon: warning: aider: .aider.conf.yml is owned by canon (it holds only `read:`)"


def _fallback(target: str) -> str:
    return (
        f"canon: warning: {WHERE}: {target} cannot limit a file to some paths; "
        f"{UNSCOPED[target]} says in a line that team applies only to src/**/*.py, tests/**"
    )


@fixture
def team(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    """A project with one scoped standard `team`, as the working folder."""
    folder = tmp_path / "instructions" / "team"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(
        'id: team\ntitle: Team\napplies_to: ["src/**/*.py", "tests/**"]\n'
    )
    (folder / "10-rules.yaml").write_text(
        "sections:\n  - title: Rules\n    blocks:\n      - rule: {id: a, text: Be kind.}\n"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _targets(project: Path, names: list[str]) -> None:
    manifest = project / "instructions/canon.yaml"
    manifest.write_text(f"standards: [team]\ntargets: [{', '.join(names)}]\n")


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("canon: warning: ")]


def test_targets_that_cannot_scope_are_the_expected_seven(canon: Run) -> None:
    result = canon(["targets", "--format", "json"])
    assert result.exit_code == 0
    scoping = {entry["name"]: entry["scoping"] for entry in loads(result.stdout)}
    assert sorted(name for name, how in scoping.items() if not how) == sorted(UNSCOPED)
    assert sorted(name for name, how in scoping.items() if how) == sorted(SCOPED)


@mark.parametrize("target", sorted(UNSCOPED))
def test_unscoped_target_warns_and_writes_the_scope_line(
    team: Path, canon: Run, target: str
) -> None:
    _targets(team, [target])
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    expected = [_fallback(target), *([AIDER_NOTE] if target == "aider" else [])]
    assert _warnings(result.stderr) == expected
    assert (team / UNSCOPED[target]).read_text() == WITH_SCOPE_LINE


@mark.parametrize("target", sorted(SCOPED))
def test_scoping_target_carries_the_globs_without_a_warning(
    team: Path, canon: Run, target: str
) -> None:
    _targets(team, [target])
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == []
    path, lines = SCOPED[target]
    text = (team / path).read_text()
    assert text.startswith("---\n" + "".join(f"{line}\n" for line in lines) + "---\n")
    assert "Applies only to files matching" not in text


def test_every_target_at_once_warns_once_per_unscoped_target(team: Path, canon: Run) -> None:
    _targets(team, ["all"])
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    expected = [
        line
        for target in sorted(UNSCOPED)
        for line in (_fallback(target), *([AIDER_NOTE] if target == "aider" else []))
    ]
    assert _warnings(result.stderr) == expected
    # the cached answer of `--check` repeats the same warnings
    check = canon(["compile", "--check"])
    assert check.exit_code == 0
    assert _warnings(check.stderr) == expected
    assert check.stderr.endswith("canon: 16 generated file(s) up to date\n")


@mark.parametrize("target", sorted(UNSCOPED))
def test_unscoped_target_writes_a_rules_own_globs_inline_with_a_warning(
    team: Path, canon: Run, target: str
) -> None:
    _targets(team, [target])
    rules = team / "instructions/team/10-rules.yaml"
    rules.write_text(
        rules.read_text()
        + '      - rule: {id: b, text: Name tests well., applies_to: ["tests/**/*.py"]}\n'
    )
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    inline = (
        f"canon: warning: instructions/team/10-rules.yaml:5:20: {target}: rule b is scoped "
        "inline (`tests/**/*.py`)"
    )
    assert _warnings(result.stderr)[:2] == [inline, _fallback(target)]
    assert (team / UNSCOPED[target]).read_text() == WITH_SCOPE_LINE + (
        "- Name tests well. (only in files matching `tests/**/*.py`)\n"
    )
