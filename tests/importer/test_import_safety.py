"""`canon import` refuses what would hang or lose a file: one line, exit 2, nothing written."""

from __future__ import annotations

from os import mkfifo
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from tests.conftest import tree

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run


def test_import_out_naming_a_file_is_refused(canon: Run, tmp_path: Path):
    source = tmp_path / "AGENTS.md"
    source.write_text("# Agents\n\n- Be kind.\n")
    out = tmp_path / "out.txt"
    out.write_text("mine\n")
    result = canon(["import", str(source), "--out", str(out)])
    assert (result.exit_code, result.stderr) == (2, f"canon: {out}: --out must name a folder\n")
    assert out.read_text() == "mine\n"


def test_import_fifo_is_refused_without_hanging(tmp_path: Path):
    fifo = tmp_path / "rules.md"
    mkfifo(fifo)
    out = tmp_path / "out"
    result = run(
        [executable, "-m", "canon", "import", str(fifo), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (
        2,
        f"canon: {fifo}: not a regular file; refused\n",
    )
    assert not out.exists()


def test_import_into_a_symlinked_standard_folder_writes_nothing(canon: Run, tmp_path: Path):
    source = tmp_path / "AGENTS.md"
    source.write_text("# Agents\n\n- Be kind.\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "agents").symlink_to(elsewhere)
    result = canon(["import", str(source), "--out", str(out), "--force"])
    assert result.exit_code == 2
    assert tree(elsewhere) == {}
