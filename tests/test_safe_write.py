"""The one writer: atomic sets, no symlink followed, mode, links and special files respected."""

from __future__ import annotations

from os import mkfifo, umask
from pathlib import PurePosixPath
from stat import S_IMODE, S_ISFIFO
from subprocess import Popen
from sys import executable

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import raises

from canon.errors import InputError
from canon.safe_write import delete_files, write_file, write_files

P = PurePosixPath


def test_writes_a_set_and_makes_folders(tmp_path):
    write_files(tmp_path, {P("a/b/c.md"): b"one\n", P("top.md"): b"two"})
    assert (tmp_path / "a/b/c.md").read_bytes() == b"one\n"
    assert (tmp_path / "top.md").read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b", "c.md", "top.md"]


def test_a_folder_in_the_way_writes_nothing_at_all(tmp_path):
    (tmp_path / "second.md").mkdir()
    (tmp_path / "first.md").write_text("old")
    with raises(InputError, match="a folder stands where a file goes") as caught:
        write_files(tmp_path, {P("first.md"): b"new", P("new/x.md"): b"x", P("second.md"): b"y"})
    assert str(caught.value.position.path).endswith("second.md")
    assert (tmp_path / "first.md").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.md", "second.md"]


def test_a_symlinked_destination_is_refused_and_its_target_untouched(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    root = tmp_path / "root"
    root.mkdir()
    (root / "out.md").symlink_to(outside)
    with raises(InputError, match="refusing to write through a symlink"):
        write_files(root, {P("out.md"): b"evil"})
    assert outside.read_text() == "precious"
    assert (root / "out.md").is_symlink()


def test_a_symlinked_folder_on_the_way_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    (root / "cache").symlink_to(elsewhere, target_is_directory=True)
    with raises(InputError, match="refusing to write through a symlink"):
        write_files(root, {P("cache/.gitignore"): b"*\n"})
    assert list(elsewhere.iterdir()) == []


def test_a_file_where_a_folder_goes_is_refused(tmp_path):
    (tmp_path / "docs").write_text("a file")
    with raises(InputError, match="a file stands where a folder goes"):
        write_files(tmp_path, {P("docs/page.md"): b"x"})
    assert (tmp_path / "docs").read_text() == "a file"


def test_paths_leaving_the_root_are_refused(tmp_path):
    for bad in ("../x.md", "/etc/x.md", "a/../../x.md"):
        with raises(InputError, match="refusing to write outside"):
            write_files(tmp_path / "root", {P(bad): b"x"})


def test_a_fifo_is_never_replaced(tmp_path):
    mkfifo(tmp_path / "pipe.md")
    with raises(InputError, match="refusing to replace a special file"):
        write_files(tmp_path, {P("pipe.md"): b"x"})
    assert S_ISFIFO((tmp_path / "pipe.md").lstat().st_mode)


def test_mode_is_kept_and_a_new_file_follows_the_umask(tmp_path):
    script = tmp_path / "run.py"
    script.write_text("old")
    script.chmod(0o755)
    readonly = tmp_path / "ro.py"
    readonly.write_text("old")
    readonly.chmod(0o444)
    write_files(tmp_path, {P("run.py"): b"new", P("ro.py"): b"new", P("fresh.py"): b"new"})
    assert S_IMODE(script.stat().st_mode) == 0o755
    assert S_IMODE(readonly.stat().st_mode) == 0o444
    mask = umask(0)
    umask(mask)
    assert S_IMODE((tmp_path / "fresh.py").stat().st_mode) == 0o666 & ~mask


def test_a_hard_linked_file_is_rewritten_in_place(tmp_path):
    original = tmp_path / "a.py"
    original.write_text("old")
    (tmp_path / "b.py").hardlink_to(original)
    write_file(original, b"new")
    assert (tmp_path / "b.py").read_bytes() == b"new"
    assert original.stat().st_ino == (tmp_path / "b.py").stat().st_ino


def test_no_temporary_file_is_left_behind(tmp_path):
    write_files(tmp_path, {P("x.md"): b"1"})
    write_files(tmp_path, {P("x.md"): b"2"})
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]


def test_delete_skips_missing_and_refuses_symlinks(tmp_path):
    (tmp_path / "gone.md").write_text("x")
    (tmp_path / "link.md").symlink_to(tmp_path / "gone.md")
    with raises(InputError, match="symlink"):
        delete_files(tmp_path, [P("gone.md"), P("link.md")])
    assert (tmp_path / "gone.md").exists()
    delete_files(tmp_path, [P("gone.md"), P("never.md")])
    assert not (tmp_path / "gone.md").exists()


@settings(max_examples=60, deadline=None)
@given(
    content=st.binary(max_size=2048),
    mode=st.sampled_from([0o600, 0o640, 0o644, 0o664, 0o700, 0o755, 0o444]),
)
def test_any_content_and_mode_survive(tmp_path_factory, content, mode):
    folder = tmp_path_factory.mktemp("w")
    target = folder / "f.bin"
    target.write_bytes(b"previous")
    target.chmod(mode)
    write_file(target, content)
    assert target.read_bytes() == content
    assert S_IMODE(target.stat().st_mode) == mode


_RACER = """
import sys
from pathlib import Path, PurePosixPath
from canon.safe_write import write_files
root, label = Path(sys.argv[1]), sys.argv[2]
for round in range(40):
    write_files(root, {PurePosixPath(f"f{i}.md"): f"{label} {round}\\n".encode() for i in range(8)})
"""


def test_two_concurrent_writers_leave_whole_files(tmp_path):
    racers = [
        Popen([executable, "-c", _RACER, str(tmp_path), label]) for label in ("left", "right")
    ]
    assert [racer.wait(timeout=60) for racer in racers] == [0, 0]
    for index in range(8):
        text = (tmp_path / f"f{index}.md").read_text()
        assert text in {"left 39\n", "right 39\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"f{i}.md" for i in range(8)]
