"""A third-party target registered through an entry point, used by the real CLI."""

from __future__ import annotations

from os import environ, pathsep
from pathlib import Path
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from tests.conftest import REPO

if TYPE_CHECKING:
    from collections.abc import Sequence
    from subprocess import CompletedProcess

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


def _canon(arguments: Sequence[str], *, cwd: Path) -> CompletedProcess[str]:
    env = {**environ, "PYTHONPATH": pathsep.join([str(PLUGINS), str(REPO / "src")])}
    return run(
        [executable, "-m", "canon", *arguments],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_plugin_entry_point_target_listed_and_compiles(tmp_path: Path):
    listed = _canon(["targets", "--format", "json"], cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert '"name": "shout"' in listed.stdout
    out = tmp_path / "out"
    result = _canon(
        ["compile", str(REPO / "instructions/python"), "-t", "shout", "--out", str(out)],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = (out / "SHOUT-python.md").read_text()
    assert text.startswith("**TARGET PYTHON 3.13+**")


def test_plugin_absent_is_unknown_target(tmp_path: Path):
    env = {**environ, "PYTHONPATH": str(REPO / "src")}
    result = run(
        [
            executable,
            "-m",
            "canon",
            "compile",
            str(REPO / "instructions/python"),
            "-t",
            "shout",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown target 'shout'" in result.stderr


FENCE_RULE = """---
match: "src/api/**/*.py"
---

# API rules

- Validate every request body with a pydantic model.
- Return problem details on errors.
"""


def test_plugin_target_file_imports_back_with_its_scope(tmp_path: Path):
    source = tmp_path / "repo" / ".fence" / "rules" / "api.md"
    source.parent.mkdir(parents=True)
    source.write_text(FENCE_RULE)
    imported = _canon(["import", str(source), "--out", "std"], cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == (
        "canon: imported api (fence, rules and sections)\ncanon: 1 written, 0 unchanged\n"
    )
    meta = (tmp_path / "std" / "api" / "standard.yaml").read_text()
    assert "applies_to:\n- src/api/**/*.py\n" in meta
    assert "format: fence\n" in meta

    back = _canon(["compile", "std/api", "--out", "back"], cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    assert (tmp_path / "back" / "api.md").read_text() == FENCE_RULE

    again = _canon(["compile", "std/api", "-t", "fence", "--out", "again"], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / ".fence" / "rules" / "api.md").read_text() == FENCE_RULE

    copilot = _canon(["compile", "std/api", "-t", "copilot", "--out", "copilot"], cwd=tmp_path)
    assert copilot.returncode == 0, copilot.stderr
    written = (
        tmp_path / "copilot" / ".github" / "instructions" / "api.instructions.md"
    ).read_text()
    assert written.startswith('---\napplyTo: "src/api/**/*.py"\n---\n\n# API rules\n')
