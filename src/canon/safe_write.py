"""The one way canon writes files: inside a root, atomically, never through a symlink.

Every writer of canon (compile, import, `--fix`, caches, reports, eval summaries) goes through
`write_files`. A set of files is checked in full before the first byte is written: each path
stays inside its root, no folder on the way and no destination is a symlink, a destination is a
regular file or absent, and a folder never stands where a file goes. Each file is then written
to a temporary file created exclusively, with an unpredictable name, in its destination folder,
flushed to disk, given the destination's mode, and renamed over it once every file of the set
is staged; on any failure the staged files and the folders made for them are removed again. A
file with hard links is rewritten in place, so every link keeps seeing it.

Folders are walked with descriptors opened `O_NOFOLLOW`, so a symlink swapped in after the
check is refused too. pathlib has no descriptor-relative calls, hence the `os` calls here: this
module is the one place canon needs them.
"""

from __future__ import annotations

from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from errno import ELOOP, ENOTDIR
from os import (
    O_CLOEXEC,
    O_CREAT,
    O_DIRECTORY,
    O_EXCL,
    O_NOFOLLOW,
    O_RDONLY,
    O_TRUNC,
    O_WRONLY,
    close,
    fchmod,
    fchown,
    fsync,
    getegid,
    geteuid,
    mkdir,
    rmdir,
    unlink,
)
from os import open as open_descriptor
from os import replace as rename_at
from os import stat as status_at
from os import write as write_descriptor
from pathlib import Path, PurePosixPath
from secrets import token_hex
from stat import S_IMODE, S_ISDIR, S_ISLNK, S_ISREG
from typing import TYPE_CHECKING

from canon.errors import InputError, Position

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence
    from os import (
        stat_result,
    )

__all__ = ["delete_files", "write_file", "write_files"]

_FOLDER_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
_CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
_NEW_FILE_MODE = 0o666  # narrowed by the umask, as for any new file


@dataclass(frozen=True, slots=True, kw_only=True)
class _Staged:
    """One file of a set, written beside its destination and waiting to be renamed."""

    folder: int
    name: str
    temporary: str | None
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class _Folders:
    """Descriptors of the folders a set of writes passes through, opened without following links.

    Attributes:
        root: The folder every path is relative to.
        opened: Each folder's descriptor, by its path relative to the root.
        created: Folders made for this set, in the order they were made.
    """

    root: Path
    opened: dict[PurePosixPath, int] = field(default_factory=dict)
    created: list[PurePosixPath] = field(default_factory=list)

    def open(self, relative: PurePosixPath, *, create: bool) -> int:
        """Open a folder below the root, one component at a time, never through a symlink.

        Args:
            relative: The folder, relative to the root.
            create: Whether to make missing folders.

        Returns:
            The folder's descriptor (owned by this object).

        Raises:
            InputError: A component is a symlink or a file, or cannot be opened or made.
        """
        if relative in self.opened:
            return self.opened[relative]
        if relative == PurePosixPath():
            descriptor = _open_root(self.root)
        else:
            parent = self.open(relative.parent, create=create)
            descriptor = self._open_child(parent, relative, create=create)
        self.opened[relative] = descriptor
        return descriptor

    def _open_child(self, parent: int, relative: PurePosixPath, *, create: bool) -> int:
        try:
            return open_descriptor(relative.name, _FOLDER_FLAGS, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                raise
        except OSError as exc:
            raise _folder_error(exc, self.root / relative) from None
        try:
            mkdir(relative.name, dir_fd=parent)  # canon: ignore[pathlib] descriptor-relative
            self.created.append(relative)
            return open_descriptor(relative.name, _FOLDER_FLAGS, dir_fd=parent)
        except OSError as exc:
            raise _folder_error(exc, self.root / relative) from None

    def remove_created(self) -> None:
        """Remove the folders made for this set, deepest first, where they are still empty."""
        for relative in reversed(self.created):
            with suppress(OSError):
                parent = self.opened[relative.parent]
                rmdir(relative.name, dir_fd=parent)  # canon: ignore[pathlib] descriptor-relative

    def close(self) -> None:
        """Close every descriptor opened."""
        for descriptor in self.opened.values():
            close(descriptor)
        self.opened.clear()


def _open_root(root: Path) -> int:
    try:
        return open_descriptor(root, _FOLDER_FLAGS)
    except OSError as exc:
        raise _folder_error(exc, root) from None


def _folder_error(exc: OSError, path: Path) -> InputError:
    if exc.errno == ELOOP:
        return InputError("refusing to write through a symlink", Position(path=path))
    if exc.errno == ENOTDIR:
        return InputError("a file stands where a folder goes", Position(path=path))
    return InputError(f"cannot open the folder: {exc.strerror}", Position(path=path))


def _checked(relative: PurePosixPath, root: Path) -> PurePosixPath:
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise InputError(f"refusing to write outside {root}: {relative}")
    return relative


def _inspect(root: Path, relative: PurePosixPath) -> stat_result | None:
    """Check a destination before anything is written: its folders and the file itself.

    Args:
        root: The folder the path is relative to.
        relative: The destination.

    Returns:
        The destination's status, or None when it does not exist yet.

    Raises:
        InputError: A folder on the way is a symlink or a file, or the destination is a
            symlink, a folder or a special file.
    """
    current = root
    for part in relative.parent.parts:
        current /= part
        status = _lstat(current)
        if status is None:
            return None
        if S_ISLNK(status.st_mode):
            raise InputError("refusing to write through a symlink", Position(path=current))
        if not S_ISDIR(status.st_mode):
            raise InputError("a file stands where a folder goes", Position(path=current))
    return _destination_status(root / relative)


def _destination_status(path: Path) -> stat_result | None:
    status = _lstat(path)
    if status is None:
        return None
    if S_ISLNK(status.st_mode):
        raise InputError("refusing to write through a symlink", Position(path=path))
    if S_ISDIR(status.st_mode):
        raise InputError("a folder stands where a file goes", Position(path=path))
    if not S_ISREG(status.st_mode):
        raise InputError("refusing to replace a special file", Position(path=path))
    return status


def _lstat(path: Path) -> stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", Position(path=path)) from None


def _stage(
    folders: _Folders, relative: PurePosixPath, data: bytes, *, durable: bool = True
) -> _Staged:
    """Write one file's bytes beside its destination (or mark a hard-linked one for in place).

    Args:
        folders: The open folders of this set.
        relative: The destination.
        data: The whole content.
        durable: Flush it to disk before it is renamed.

    Returns:
        What to rename (or rewrite) once every file is staged.

    Raises:
        OSError: The file could not be written.
    """
    folder = folders.open(relative.parent, create=True)
    current = _status_at(folder, relative.name)
    if current is not None and current.st_nlink > 1:
        return _Staged(folder=folder, name=relative.name, temporary=None, data=data)
    temporary = f".{relative.name}.{token_hex(8)}.canon-tmp"
    descriptor = open_descriptor(temporary, _CREATE_FLAGS, _NEW_FILE_MODE, dir_fd=folder)
    try:
        _write_all(descriptor, data)
        if current is not None:
            fchmod(descriptor, S_IMODE(current.st_mode))
            _keep_owner(descriptor, current)
        if durable:
            fsync(descriptor)
    except OSError:
        close(descriptor)
        with suppress(OSError):
            unlink(temporary, dir_fd=folder)  # canon: ignore[pathlib] descriptor-relative
        raise
    close(descriptor)
    return _Staged(folder=folder, name=relative.name, temporary=temporary, data=data)


def _status_at(folder: int, name: str) -> stat_result | None:
    try:
        status = status_at(name, dir_fd=folder, follow_symlinks=False)  # canon: ignore[pathlib] fd
    except FileNotFoundError:
        return None
    if S_ISLNK(status.st_mode):
        raise OSError(ELOOP, "refusing to write through a symlink", name)
    return status


def _keep_owner(descriptor: int, current: stat_result) -> None:
    if (current.st_uid, current.st_gid) != (geteuid(), getegid()):
        with suppress(PermissionError):
            fchown(descriptor, current.st_uid, current.st_gid)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[write_descriptor(descriptor, view) :]


def _commit(staged: _Staged) -> None:
    if staged.temporary is None:
        flags = O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC
        descriptor = open_descriptor(staged.name, flags, dir_fd=staged.folder)
        try:
            _write_all(descriptor, staged.data)
            fsync(descriptor)
        finally:
            close(descriptor)
        return
    rename_at(  # canon: ignore[pathlib] descriptor-relative, atomic
        staged.temporary, staged.name, src_dir_fd=staged.folder, dst_dir_fd=staged.folder
    )


def _discard(staged: Sequence[_Staged]) -> None:
    for item in staged:
        if item.temporary is not None:
            with suppress(OSError):
                unlink(item.temporary, dir_fd=item.folder)  # canon: ignore[pathlib] fd


@contextmanager
def _folders(root: Path) -> Iterator[_Folders]:
    folders = _Folders(root=root)
    try:
        yield folders
    finally:
        folders.close()


def write_files(root: Path, files: Mapping[PurePosixPath, bytes], *, durable: bool = True) -> None:
    """Write a set of files below `root`: all of them, or none.

    Args:
        root: The folder every path is relative to; it must exist.
        files: Each destination, relative to the root, with its whole content.
        durable: Flush every file and folder to disk (False for caches, which a crash may
            lose: they are still written atomically and never through a symlink).

    Raises:
        InputError: A path is unsafe (outside the root, through a symlink, onto a folder or a
            special file) or a file cannot be written; nothing was changed.
    """
    planned = {_checked(relative, root): data for relative, data in files.items()}
    for relative in planned:
        _inspect(root, relative)
    with _folders(root) as folders:
        staged: list[_Staged] = []
        try:
            for relative, data in planned.items():
                staged.append(_stage(folders, relative, data, durable=durable))
        except OSError as exc:
            _discard(staged)
            folders.remove_created()
            raise _write_error(exc, root, relative) from None
        except InputError:
            _discard(staged)
            folders.remove_created()
            raise
        for item in staged:
            _commit(item)
        for descriptor in {item.folder for item in staged} if durable else ():
            _sync_folder(descriptor)


def _write_error(exc: OSError, root: Path, relative: PurePosixPath) -> InputError:
    if exc.errno == ELOOP:
        return InputError("refusing to write through a symlink", Position(path=root / relative))
    return InputError(f"cannot write: {exc.strerror}", Position(path=root / relative))


def _sync_folder(descriptor: int) -> None:
    with suppress(OSError):
        fsync(descriptor)


def write_file(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Write one file atomically, keeping its mode, never through a symlink.

    Args:
        path: The destination.
        data: The whole content.
        root: The folder below which no symlink is followed (default: the file's folder).

    Raises:
        InputError: The destination is a symlink, a folder or a special file, or cannot be
            written; nothing was changed.
    """
    base = (root or path.parent).resolve()
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        relative = PurePosixPath(absolute.relative_to(base).as_posix())
    except ValueError:
        raise InputError(f"refusing to write outside {base}", Position(path=path)) from None
    write_files(base, {relative: data})


def delete_files(root: Path, paths: Sequence[PurePosixPath]) -> None:
    """Delete files below `root`, never through a symlink; missing files are skipped.

    Args:
        root: The folder every path is relative to.
        paths: The files, relative to the root.

    Raises:
        InputError: A path is unsafe or names a folder, a symlink or a special file.
    """
    checked = [_checked(relative, root) for relative in paths]
    present = [relative for relative in checked if _inspect(root, relative) is not None]
    with _folders(root) as folders:
        for relative in present:
            folder = folders.open(relative.parent, create=False)
            with suppress(FileNotFoundError):
                unlink(relative.name, dir_fd=folder)  # canon: ignore[pathlib] descriptor-relative
