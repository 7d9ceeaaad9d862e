# path: src/ops/cleanup.py
# expect: contextlib-suppress=violation comprehensions=violation pathlib=violation specific-imports=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=compliant
# expect: timezone-aware=compliant structlog=violation function-length=compliant parameter-count=compliant
# expect: module-length=compliant no-star-args=compliant bare-except=compliant builtin-generics=compliant
# expect: wildcard-import=compliant relative-imports=compliant f-strings=compliant
# expect: no-any=compliant
"""Delete temporary files and stale build folders."""

import logging
import os
import shutil
import time

log = logging.getLogger(__name__)

TMP_ROOTS = ["/tmp/app-uploads", "/tmp/app-exports"]
MAX_AGE_SECONDS = 7 * 24 * 3600


def old_files(root: str, max_age: float = MAX_AGE_SECONDS) -> list[str]:
    now = time.time()
    paths = [os.path.join(root, name) for name in os.listdir(root)]
    return list(filter(lambda path: now - os.path.getmtime(path) > max_age, paths))


def remove(path: str) -> bool:
    try:
        if os.path.isdir(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
        return True
    except FileNotFoundError:
        pass
    except PermissionError:
        log.warning("cannot remove %s: permission denied", path)
    return False


def cleanup(roots: list[str] = TMP_ROOTS) -> int:
    removed = 0
    for root in roots:
        try:
            candidates = old_files(root)
        except FileNotFoundError:
            continue
        removed += sum(map(lambda path: int(remove(path)), candidates))
    log.info("removed %d old files", removed)
    return removed


def empty_dirs(root: str) -> int:
    count = 0
    for folder, subfolders, files in os.walk(root, topdown=False):
        if not subfolders and not files and folder != root:
            try:
                os.rmdir(folder)
                count += 1
            except OSError:
                pass
    return count
