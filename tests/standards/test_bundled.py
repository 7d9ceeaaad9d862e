"""The bundled Python standard ships inside the wheel, so an installed canon lists its rules."""

from __future__ import annotations

from os import environ
from shutil import which
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING
from zipfile import ZipFile

from orjson import loads

from tests.conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

SOURCE = REPO / "instructions" / "python"
RULES = 224


def _rules_json(cwd: Path, pythonpath: Path) -> list[dict[str, object]]:
    env = {**environ, "PYTHONPATH": str(pythonpath), "PYTHONSAFEPATH": "1"}
    code = "import canon, sys; sys.stderr.write(canon.__file__); from canon.cli import main; main()"
    result = run(
        [executable, "-c", code, "rules", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(str(pythonpath / "canon" / "__init__.py"))
    return loads(result.stdout)


def test_wheel_holds_the_standard_and_lists_its_rules_outside_the_repository(tmp_path: Path):
    uv = environ.get("UV") or which("uv")  # `uv run` names itself in UV
    assert uv is not None
    built = run(
        [uv, "build", "--wheel", "--out-dir", str(tmp_path / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("canon-*.whl")
    with ZipFile(wheel) as archive:
        shipped = {
            name.removeprefix("canon/bundled/python/"): archive.read(name)
            for name in archive.namelist()
            if name.startswith("canon/bundled/python/")
        }
        archive.extractall(tmp_path / "site")
    source = {path.name: path.read_bytes() for path in SOURCE.glob("*.yaml")}
    assert len(source) == 15
    assert shipped == source

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    installed = _rules_json(elsewhere, tmp_path / "site")
    assert installed == _rules_json(REPO, REPO / "src")
    assert len(installed) == RULES
    assert installed[0]["id"] == "tooling.target-python"


def test_bundled_checked_rules_state_how_they_relate_to_ruff() -> None:
    from canon.standards.bundled import bundled_standard
    from canon.standards.loader import load_standard

    missing = [
        rule.id
        for rule in load_standard(bundled_standard()).rules()
        if rule.check and "ruff" in rule.equivalents and "ruff" not in rule.equivalence
    ]
    assert missing == []
