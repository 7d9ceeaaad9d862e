"""`canon compile` replaces or deletes only files it can prove it wrote (canon.lock's hashes)."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path
from subprocess import Popen
from sys import executable
from typing import TYPE_CHECKING

from orjson import loads

from tests.conftest import tree

if TYPE_CHECKING:
    from tests.conftest import Run

OUTPUT = ".github/instructions/demo.instructions.md"
LOCK = Path("instructions/canon.lock")
MANIFEST = Path("instructions/canon.yaml")


def _lock(project: Path) -> dict[str, dict[str, str]]:
    return loads((project / LOCK).read_bytes())["files"]


def _targets(project: Path, names: str) -> None:
    (project / MANIFEST).write_text(f"standards: [demo]\ntargets: [{names}]\n")


def test_hand_written_agents_md_is_never_replaced(project: Path, canon: Run):
    canon(["compile"])
    (project / "AGENTS.md").write_text("# Our agents guide\n")
    _targets(project, "copilot, agents-md")
    before = tree(project)
    result = canon(["compile"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "canon: AGENTS.md: exists and canon did not write it; pass --adopt AGENTS.md to let "
        "canon replace it, or move it away",
    )
    assert tree(project) == before  # nothing written, not even the lock


def test_adopt_takes_a_file_over_and_records_its_hash(project: Path, canon: Run):
    (project / "AGENTS.md").write_text("# Our agents guide\n")
    _targets(project, "copilot, agents-md")
    result = canon(["compile", "--adopt", "AGENTS.md"])
    assert result.exit_code == 0, result.stderr
    written = (project / "AGENTS.md").read_bytes()
    assert written.startswith(b"# Demo Standard")
    assert _lock(project)["AGENTS.md"] == {
        "standard": "demo",
        "target": "agents-md",
        "sha256": sha256(written).hexdigest(),
    }
    assert canon(["compile", "--check"]).exit_code == 0


def test_edited_file_of_a_dropped_target_is_kept(project: Path, canon: Run):
    _targets(project, "copilot, agents-md")
    canon(["compile"])
    (project / "AGENTS.md").write_text("# Demo Standard\n\nOur own note.\n")
    _targets(project, "copilot")
    result = canon(["compile"])
    assert (result.exit_code, result.stderr) == (
        2,
        "canon: AGENTS.md: was edited since canon wrote it (its hash differs from canon.lock); "
        "pass --adopt AGENTS.md to let canon delete it, or move it away\n",
    )
    assert (project / "AGENTS.md").read_text() == "# Demo Standard\n\nOur own note.\n"
    adopted = canon(["compile", "--adopt", "AGENTS.md"])
    assert adopted.exit_code == 0
    assert not (project / "AGENTS.md").exists()
    assert sorted(_lock(project)) == [OUTPUT]


def test_unedited_file_of_a_dropped_target_is_deleted(project: Path, canon: Run):
    _targets(project, "copilot, agents-md")
    canon(["compile"])
    _targets(project, "copilot")
    result = canon(["compile"])
    assert result.exit_code == 0
    assert "canon: deleted AGENTS.md (its source is gone)\n" in result.stderr
    assert not (project / "AGENTS.md").exists()


def test_lock_entry_added_by_hand_never_deletes_the_file(project: Path, canon: Run):
    canon(["compile"])
    (project / "README.md").write_text("# Our project\n")
    lock = (project / LOCK).read_text()
    entry = '"README.md": {"standard": "demo", "target": "agents-md"}, '
    (project / LOCK).write_text(lock.replace('"files": {', '"files": {' + entry, 1))
    result = canon(["compile"])
    assert (result.exit_code, result.stderr) == (
        2,
        "canon: README.md: has no hash in canon.lock, so canon cannot tell it wrote it; pass "
        "--adopt README.md to let canon delete it, or move it away\n",
    )
    assert (project / "README.md").read_text() == "# Our project\n"


def test_lock_entry_with_a_wrong_hash_never_replaces(project: Path, canon: Run):
    canon(["compile"])
    text = (project / LOCK).read_text()
    digest = _lock(project)[OUTPUT]["sha256"]
    (project / LOCK).write_text(text.replace(digest, "0" * 64))
    (project / "instructions/demo/10-typing.yaml").write_text(
        (project / "instructions/demo/10-typing.yaml").read_text().replace("short", "brief")
    )
    before = (project / OUTPUT).read_bytes()
    result = canon(["compile"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"canon: {OUTPUT}: was edited since canon wrote it")
    assert (project / OUTPUT).read_bytes() == before


def test_old_lock_without_hashes_upgrades_when_files_match(project: Path, canon: Run):
    canon(["compile"])
    (project / LOCK).write_text(
        '{"files": {"' + OUTPUT + '": {"standard": "demo", "target": "copilot"}}}\n'
    )
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    expected = sha256((project / OUTPUT).read_bytes()).hexdigest()
    assert _lock(project)[OUTPUT]["sha256"] == expected


def test_check_reports_a_hand_edit_as_stale_and_warns(project: Path, canon: Run):
    canon(["compile"])
    (project / OUTPUT).write_text("edited\n")
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"canon: stale: {OUTPUT}",
        f"canon: warning: {OUTPUT}: was edited since canon wrote it (its hash differs from "
        f"canon.lock); pass --adopt {OUTPUT} to let canon replace it, or move it away",
    ]


def test_adopt_of_a_file_the_compile_does_not_touch_is_refused(project: Path, canon: Run):
    result = canon(["compile", "--adopt", "README.md"])
    assert (result.exit_code, result.stderr) == (
        2,
        "canon: --adopt README.md: this compile neither writes nor deletes it\n",
    )


def test_folder_where_a_generated_file_goes_writes_nothing(project: Path, canon: Run):
    _targets(project, "copilot, agents-md")
    (project / "AGENTS.md").mkdir()
    before = tree(project)
    result = canon(["compile"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "canon: AGENTS.md: a folder stands where a generated file goes",
    )
    assert tree(project) == before
    assert not (project / LOCK).exists()


def test_two_concurrent_compiles_leave_a_consistent_tree(project: Path, canon: Run):
    _targets(project, "copilot, agents-md, cursor")
    assert canon(["compile"]).exit_code == 0
    expected = tree(project)
    (project / "instructions/demo/10-typing.yaml").write_text(
        (project / "instructions/demo/10-typing.yaml").read_text().replace("short", "brief")
    )
    for _ in range(3):
        command = [executable, "-m", "canon", "compile", "-q", "--no-cache"]
        runs = [Popen(command, cwd=project) for _ in range(2)]
        codes = [process.wait(timeout=120) for process in runs]
        assert set(codes) <= {0, 2}
        assert 0 in codes or codes == [2, 2]
    assert canon(["compile", "--check", "--no-cache"]).exit_code == 0
    after = tree(project)
    lock = _lock(project)
    generated = [name for name in expected if not name.startswith(("instructions", ".canon"))]
    assert sorted(lock) == sorted(generated)
    for name, entry in lock.items():
        assert entry["sha256"] == sha256(after[name]).hexdigest()
    assert not [name for name in after if "canon-tmp" in name]
