"""`canon compile` as a user drives it: writing, --check drift, ownership, safety, determinism."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from pytest import mark

from tests.conftest import tree

if TYPE_CHECKING:
    from pytest import MonkeyPatch, TempPathFactory

    from tests.conftest import Run

OUTPUT = Path(".github/instructions/demo.instructions.md")
RECORD = Path("instructions/canon.lock")

EXPECTED = """\
---
applyTo: "src/**/*.py"
---

# Demo Standard

## Typing

- Use `X | None`, not `Optional[X]`.
- Example:
  ```python
  x: int | None = None
  ```

---

### Style

- Keep functions short.
"""


def test_compile_manifest_writes_copilot_file_and_record(project: Path, canon: Run) -> None:
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    assert (project / OUTPUT).read_text() == EXPECTED
    assert (project / RECORD).read_text() == (
        "{\n"
        '  "comment": "Files written by `canon compile`, with the SHA-256 of what it wrote: it '
        'replaces or deletes a file only while the file still has that hash.",\n'
        '  "files": {\n'
        '    ".github/instructions/demo.instructions.md": {\n'
        '      "standard": "demo",\n'
        '      "target": "copilot",\n'
        f'      "sha256": "{sha256(EXPECTED.encode()).hexdigest()}"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )
    assert result.stderr == (
        "canon: wrote .github/instructions/demo.instructions.md\n"
        "canon: wrote instructions/canon.lock\n"
        "canon: 2 written, 0 unchanged, 0 deleted\n"
    )


def test_compile_twice_second_run_changes_nothing(project: Path, canon: Run) -> None:
    canon(["compile"])
    first = tree(project)
    result = canon(["compile"])
    assert "0 written, 2 unchanged, 0 deleted" in result.stderr
    assert tree(project) == first


def test_compile_output_is_deterministic_lf_and_free_of_timestamps(
    project: Path, canon: Run, tmp_path_factory: TempPathFactory
) -> None:
    canon(["compile"])
    content = (project / OUTPUT).read_bytes()
    assert b"\r" not in content
    other = tmp_path_factory.mktemp("other")
    result = canon(["compile", str(project / "instructions/demo"), "--out", str(other)])
    assert result.exit_code == 0
    assert (other / OUTPUT).read_bytes() == content


def test_compile_check_fresh_exits_0(project: Path, canon: Run) -> None:
    canon(["compile"])
    result = canon(["compile", "--check"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "2 generated file(s) up to date" in result.stderr


def test_compile_check_stale_exits_1_with_diff_and_writes_nothing(
    project: Path, canon: Run
) -> None:
    canon(["compile"])
    (project / OUTPUT).write_text(EXPECTED.replace("Keep functions short.", "Edited by hand."))
    before = tree(project)
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert "-- Edited by hand.\n+- Keep functions short.\n" in result.stdout
    assert f"--- a/{OUTPUT.as_posix()}" in result.stdout
    assert f"stale: {OUTPUT.as_posix()}" in result.stderr
    assert tree(project) == before


def test_compile_check_missing_file_exits_1(project: Path, canon: Run) -> None:
    canon(["compile"])
    (project / OUTPUT).unlink()
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert f"missing: {OUTPUT.as_posix()}" in result.stderr
    assert "--- /dev/null" in result.stdout


def test_compile_check_before_first_compile_reports_every_file_missing(
    project: Path, canon: Run
) -> None:
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert f"missing: {OUTPUT.as_posix()}" in result.stderr
    assert f"missing: {RECORD.as_posix()}" in result.stderr
    assert not (project / ".github").exists()


def test_compile_check_orphan_exits_1_and_compile_deletes_it(project: Path, canon: Run) -> None:
    (project / "instructions/extra").mkdir()
    (project / "instructions/extra/standard.yaml").write_text("id: extra\napplies_to: ['*.md']\n")
    (project / "instructions/canon.yaml").write_text("standards: [demo, extra]\n")
    canon(["compile"])
    orphan = project / ".github/instructions/extra.instructions.md"
    assert orphan.exists()
    (project / "instructions/canon.yaml").write_text("standards: [demo]\n")
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert "orphaned: .github/instructions/extra.instructions.md" in result.stderr
    assert "+++ /dev/null" in result.stdout
    assert orphan.exists()
    result = canon(["compile"])
    assert result.exit_code == 0
    assert "deleted .github/instructions/extra.instructions.md" in result.stderr
    assert not orphan.exists()
    assert "extra" not in (project / RECORD).read_text()
    assert canon(["compile", "--check"]).exit_code == 0


def test_compile_never_deletes_files_it_did_not_write(project: Path, canon: Run) -> None:
    mine = project / ".github/instructions/handwritten.instructions.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("kept\n")
    canon(["compile"])
    assert canon(["compile", "--check"]).exit_code == 0
    assert mine.read_text() == "kept\n"


def test_compile_is_atomic_when_one_file_cannot_be_written(project: Path, canon: Run) -> None:
    (project / "instructions/wide").mkdir()
    (project / "instructions/wide/standard.yaml").write_text("id: wide\ntitle: Everywhere\n")
    (project / "instructions/canon.yaml").write_text("standards: [demo, wide]\n")
    (project / ".github").mkdir()
    (project / ".github/instructions").write_text("a file where a folder must go\n")
    before = tree(project)
    result = canon(["compile"])
    assert result.exit_code == 2
    assert result.stderr == "canon: .github/instructions: a file stands where a folder goes\n"
    assert tree(project) == before


def test_compile_refuses_to_write_through_symlink(
    project: Path, canon: Run, tmp_path_factory: TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (project / ".github").symlink_to(outside, target_is_directory=True)
    result = canon(["compile"])
    assert result.exit_code == 2
    assert "refusing to write through a symlink" in result.stderr
    assert list(outside.iterdir()) == []


def test_compile_folders_with_out_writes_only_that_target(
    project: Path, canon: Run, tmp_path_factory: TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("out")
    result = canon(["compile", "instructions/demo", "--target", "copilot", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert tree(out) == {OUTPUT.as_posix(): EXPECTED.encode()}
    assert not (project / ".github").exists()


def test_compile_unquoted_globs_warn_about_strict_yaml(project: Path, canon: Run) -> None:
    meta = project / "instructions/demo/standard.yaml"
    meta.write_text(meta.read_text() + "quote_globs: false\n")
    result = canon(["compile"])
    assert result.exit_code == 0
    assert (project / OUTPUT).read_text().startswith("---\napplyTo: src/**/*.py\n---\n")
    assert (
        "canon: warning: instructions/demo/standard.yaml:4:1: applyTo is written unquoted"
        in result.stderr
    )
    assert "strict YAML parsers reject it" in result.stderr


def test_compile_from_a_subfolder_finds_the_project(
    project: Path, canon: Run, monkeypatch: MonkeyPatch
) -> None:
    (project / "src/pkg").mkdir(parents=True)
    monkeypatch.chdir(project / "src/pkg")
    assert canon(["compile"]).exit_code == 0
    assert (project / OUTPUT).exists()


def test_compile_quiet_prints_nothing(project: Path, canon: Run) -> None:
    result = canon(["compile", "--quiet"])
    assert result.exit_code == 0
    assert result.stderr == ""


@mark.parametrize("check", [False, True], ids=["compile", "check"])
def test_compile_folder_where_a_generated_file_goes_exits_2(
    project: Path, canon: Run, check: bool
) -> None:
    """Fails as root too (a read-only folder does not stop root)."""
    assert canon(["compile"]).exit_code == 0
    (project / "instructions/wide").mkdir()
    (project / "instructions/wide/standard.yaml").write_text("id: wide\ntitle: Everywhere\n")
    (project / "instructions/canon.yaml").write_text("standards: [demo, wide]\n")
    (project / OUTPUT).unlink()
    (project / OUTPUT).mkdir()
    before = tree(project)
    lock = (project / RECORD).read_bytes()
    result = canon(["compile", "--check"] if check else ["compile"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"canon: {OUTPUT.as_posix()}: a folder stands where a generated file goes\n"
    )
    assert result.stdout == ""
    assert tree(project) == before
    assert (project / RECORD).read_bytes() == lock
    assert not (project / ".github/instructions/wide.instructions.md").exists()


def test_compile_check_cached_answer_still_catches_hand_edits(project: Path, canon: Run) -> None:
    canon(["compile"])
    assert canon(["compile", "--check"]).exit_code == 0
    (project / OUTPUT).write_text(EXPECTED + "extra\n")
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert f"stale: {OUTPUT.as_posix()}" in result.stderr


def test_compile_check_cached_answer_still_catches_source_edits(project: Path, canon: Run) -> None:
    canon(["compile"])
    assert canon(["compile", "--check"]).exit_code == 0
    sections = project / "instructions/demo/10-typing.yaml"
    sections.write_text(sections.read_text().replace("Keep functions short.", "Keep them short."))
    result = canon(["compile", "--check"])
    assert result.exit_code == 1
    assert "+- Keep them short." in result.stdout


def test_compile_check_cache_ignores_itself_for_git(project: Path, canon: Run) -> None:
    canon(["compile"])
    assert (project / ".canon-cache/.gitignore").read_text() == "*\n"


def test_compile_check_no_cache_runs_the_full_check(project: Path, canon: Run) -> None:
    canon(["compile"])
    (project / ".canon-cache/compile.json").write_text("{not json")
    assert canon(["compile", "--check"]).exit_code == 0
    result = canon(["compile", "--check", "--no-cache"])
    assert result.exit_code == 0
    assert "2 generated file(s) up to date" in result.stderr


def test_freshness_verdict_known_after_compile_and_lost_after_source_edit(
    project: Path, canon: Run
) -> None:
    from canon.compiler.freshness import cached_verdict

    assert cached_verdict(project) is None
    canon(["compile"])
    fresh = cached_verdict(project)
    assert fresh is not None
    assert fresh.files == 2
    (project / "instructions/demo/standard.yaml").write_text(DEMO_META_EDITED)
    assert cached_verdict(project) is None


DEMO_META_EDITED = "id: demo\ntitle: Renamed\n"


def test_version_prints_the_package_version(canon: Run) -> None:
    from canon import __version__

    result = canon(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"canon {__version__}\n"


def test_compile_misspelt_check_exits_2_at_its_position(project: Path, canon: Run) -> None:
    sections = project / "instructions/demo/10-typing.yaml"
    sections.write_text(sections.read_text().replace("union-operator", "union-operater"))
    result = canon(["compile"])
    assert result.exit_code == 2
    assert result.stderr == (
        "canon: instructions/demo/10-typing.yaml:8:18: rule 'typing.union' "
        "names unknown check 'union-operater'\n"
    )
    assert not (project / OUTPUT).exists()


def test_compile_folder_with_misspelt_check_exits_2(project: Path, canon: Run) -> None:
    sections = project / "instructions/demo/10-typing.yaml"
    sections.write_text(sections.read_text().replace("union-operator", "union-operater"))
    result = canon(["compile", "instructions/demo", "--out", "out"])
    assert result.exit_code == 2
    assert (
        "10-typing.yaml:8:18: rule 'typing.union' names unknown check 'union-operater'"
        in result.stderr
    )
    assert not (project / "out").exists()


def test_compile_with_check_ids_imports_no_heavy_library(project: Path) -> None:
    code = (
        "import sys\n"
        "from contextlib import suppress\n"
        "from canon.cli import main\n"
        "sys.argv = ['canon', 'compile']\n"
        "with suppress(SystemExit):\n"
        "    main()\n"
        "heavy = sorted({'libcst', 'inspect_ai', 'scipy'} & set(sys.modules))\n"
        "assert not heavy, heavy\n"
    )
    result = run([executable, "-c", code], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (project / OUTPUT).read_text() == EXPECTED
