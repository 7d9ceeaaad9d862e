# path: src/media/thumbnails.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=compliant pathlib=compliant structlog=compliant
# expect: builtin-generics=compliant abc-imports=compliant no-any=compliant raise-from=compliant
# expect: bare-except=compliant f-strings=compliant type-checking-imports=compliant comprehensions=compliant
# expect: union-operator=compliant
# expect: class-length=compliant
# expect: domain-hierarchy=compliant
"""Generate thumbnails for uploaded images without blocking the event loop."""

from __future__ import annotations

from asyncio import Semaphore, TaskGroup, to_thread
from typing import TYPE_CHECKING

from PIL import Image, UnidentifiedImageError
from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["ThumbnailError", "make_thumbnail", "make_thumbnails"]

log = get_logger(__name__)

SIZES = (128, 512)


class ThumbnailError(ValueError):
    """The file is not an image Pillow can read."""


def _resize(source: Path, target: Path, size: int) -> Path:
    with Image.open(source) as image:
        image.thumbnail((size, size))
        image.save(target, format="WEBP", quality=82)
    return target


async def make_thumbnail(source: Path, out_dir: Path, size: int) -> Path:
    """Write one WebP thumbnail.

    Args:
        source: The uploaded image.
        out_dir: Where thumbnails go.
        size: The longest side, in pixels.

    Returns:
        The thumbnail's path.

    Raises:
        ThumbnailError: If the source is not a readable image.
    """
    target = out_dir / f"{source.stem}-{size}.webp"
    try:
        return await to_thread(lambda: _resize(source, target, size))
    except UnidentifiedImageError as exc:
        raise ThumbnailError(f"{source.name} is not an image") from exc


async def make_thumbnails(sources: Sequence[Path], out_dir: Path, *, workers: int = 4) -> list[Path]:
    """Write every thumbnail size for many images.

    Args:
        sources: The uploaded images.
        out_dir: Where thumbnails go; created if missing.
        workers: The most images resized at once.

    Returns:
        The thumbnails' paths.
    """
    await to_thread(out_dir.mkdir, parents=True, exist_ok=True)
    gate = Semaphore(workers)

    async def one(source: Path, size: int) -> Path | None:
        async with gate:
            try:
                return await make_thumbnail(source, out_dir, size)
            except ThumbnailError as exc:
                log.warning("thumbnail_skipped", source=str(source), error=str(exc))
                return None

    async with TaskGroup() as group:
        tasks = [group.create_task(one(source, size)) for source in sources for size in SIZES]
    return [path for task in tasks if (path := task.result()) is not None]
