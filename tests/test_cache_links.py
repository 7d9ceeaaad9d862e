"""The cache folder is never written through a symlink, by `compile` or by `check`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark

from tests.conftest import tree

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

BAD = "from typing import Optional\n\nx: Optional[int] = None\n"


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine\n")
    return outside


@mark.parametrize("command", [["compile"], ["check", "src"]])
def test_symlinked_cache_folder_is_left_alone(
    project: Path, canon: Run, tmp_path: Path, command: list[str]
):
    (project / "src").mkdir()
    (project / "src" / "m.py").write_text(BAD)
    outside = _outside(tmp_path)
    (project / ".canon-cache").symlink_to(outside)
    result = canon(command)
    assert result.exit_code in (0, 1), result.stderr
    assert tree(outside) == {"keep.txt": b"mine\n"}


@mark.parametrize("command", [["compile"], ["check", "src"]])
def test_symlinked_gitignore_inside_the_cache_is_not_written_through(
    project: Path, canon: Run, tmp_path: Path, command: list[str]
):
    (project / "src").mkdir()
    (project / "src" / "m.py").write_text(BAD)
    victim = _outside(tmp_path) / "keep.txt"
    (project / ".canon-cache").mkdir()
    (project / ".canon-cache" / ".gitignore").symlink_to(victim)
    result = canon(command)
    assert result.exit_code in (0, 1), result.stderr
    assert victim.read_text() == "mine\n"
    assert (project / ".canon-cache" / ".gitignore").is_symlink()


def test_cache_written_when_safe_and_ignored_for_git(project: Path, canon: Run):
    (project / "src").mkdir()
    (project / "src" / "m.py").write_text(BAD)
    assert canon(["check", "src"]).exit_code == 1
    cache = project / ".canon-cache"
    assert (cache / ".gitignore").read_text() == "*\n"
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 1
    assert not list(cache.rglob("*canon-tmp"))


def test_runner_cache_in_any_named_folder_is_read_back(tmp_path: Path):
    # a caller's own cache folder (the benchmark's, an editor's) works like `.canon-cache`
    from canon.checks.catalog import CHECK_IDS
    from canon.checks.files import RunRequest, run

    source = tmp_path / "m.py"
    source.write_text(BAD)
    request = RunRequest(
        paths=(source,), check_ids=tuple(sorted(CHECK_IDS)), jobs=1, cache_dir=tmp_path / "mine"
    )
    first, second = run(request), run(request)
    assert (first.cached, second.cached) == (0, 1)
    assert [f.check for f in second.files[0].findings] == [f.check for f in first.files[0].findings]
    assert (tmp_path / "mine" / ".gitignore").read_text() == "*\n"
    assert not (tmp_path / ".canon-cache").exists()
