"""The pre-commit hooks, run by `pre-commit try-repo` in a temporary git repository.

Slow: pre-commit installs canon and its dependencies into a fresh environment from the
package registry. Run with `uv run pytest -m slow tests/test_pre_commit.py`.
"""

from __future__ import annotations

from os import environ
from pathlib import Path
from shutil import which
from subprocess import run
from typing import TYPE_CHECKING

from pytest import fixture, mark
from yaml import safe_load

from tests.conftest import DEMO_META, DEMO_SECTIONS, REPO

if TYPE_CHECKING:
    from subprocess import CompletedProcess

HOOKS = REPO / ".pre-commit-hooks.yaml"
GOOD = '''\
"""Fine."""

__all__ = ["f"]


def f(x: int | None) -> None:
    """Do nothing.

    Args:
        x: Ignored.
    """
'''
BAD = '''\
"""Bad."""

from typing import Optional


def f(x: Optional[int]) -> None:
    """Do."""
'''


def test_hook_definitions_name_canon_commands():
    hooks = {hook["id"]: hook for hook in safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert sorted(hooks) == ["canon-check", "canon-compile-check"]
    assert hooks["canon-compile-check"]["entry"] == "canon compile --check"
    assert hooks["canon-compile-check"]["pass_filenames"] is False
    assert hooks["canon-check"]["entry"] == "canon check"
    assert hooks["canon-check"]["types_or"] == ["python", "pyi"]
    assert {hook["language"] for hook in hooks.values()} == {"python"}


def _git(repo: Path, arguments: list[str]) -> None:
    run(["git", *arguments], cwd=repo, check=True, capture_output=True)


@fixture
def team_repo(tmp_path: Path) -> Path:
    """A team's repository: a standard, its compiled file, committed."""
    repo = tmp_path / "team"
    standard = repo / "instructions" / "demo"
    standard.mkdir(parents=True)
    (repo / "instructions" / "canon.yaml").write_text("standards: [demo]\ntargets: [copilot]\n")
    (standard / "standard.yaml").write_text(DEMO_META)
    (standard / "10-typing.yaml").write_text(DEMO_SECTIONS)
    (repo / "src").mkdir()
    (repo / "src" / "good.py").write_text(GOOD)
    canon = Path(which("canon") or "canon")
    run([canon, "compile", "-q"], cwd=repo, check=True)
    _git(repo, ["init", "-q"])
    _git(repo, ["add", "."])
    _git(repo, ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init"])
    return repo


def _try(repo: Path, hook: str, arguments: list[str], *, home: Path) -> CompletedProcess[str]:
    pre_commit = which("pre-commit")
    assert pre_commit is not None
    return run(
        [pre_commit, "try-repo", str(REPO), hook, *arguments],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env=environ | {"PRE_COMMIT_HOME": str(home)},
        timeout=900,
    )


@mark.slow
def test_pre_commit_hooks_pass_then_catch_drift_and_findings(team_repo: Path, tmp_path: Path):
    home = tmp_path / "pre-commit-home"
    fresh = _try(team_repo, "canon-compile-check", ["--all-files"], home=home)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    sections = team_repo / "instructions" / "demo" / "10-typing.yaml"
    sections.write_text(sections.read_text().replace("not `Optional[X]`", "never `Optional[X]`"))
    stale = _try(team_repo, "canon-compile-check", ["--all-files"], home=home)
    assert stale.returncode == 1
    # the generated file and the lock's hash of it
    assert "canon: stale: .github/instructions/demo.instructions.md\n" in stale.stdout
    assert "canon: 2 generated file(s) out of date" in stale.stdout

    bad = team_repo / "src" / "bad.py"
    bad.write_text(BAD)
    _git(team_repo, ["add", "src/bad.py"])
    found = _try(team_repo, "canon-check", ["--files", "src/bad.py", "src/good.py"], home=home)
    assert found.returncode == 1
    assert "src/bad.py:6:10: typing.union" in found.stdout
    assert [line for line in found.stdout.splitlines() if line.startswith("src/good.py:")] == []
    clean = _try(team_repo, "canon-check", ["--files", "src/good.py"], home=home)
    assert clean.returncode == 0, clean.stdout
