"""A third-party target registered through an entry point, used by the real CLI."""

from collections.abc import Sequence
from os import environ, pathsep
from pathlib import Path
from subprocess import CompletedProcess, run
from sys import executable

from tests.conftest import REPO

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
