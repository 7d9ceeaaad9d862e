"""Render standards with one target, whichever protocol it implements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.compiler.targets.base import Rendering

if TYPE_CHECKING:
    from canon.compiler.targets.base import Context, Target
    from canon.standards.model import Standard

__all__ = ["render_target"]


def render_target(target: Target, standards: list[Standard], context: Context) -> Rendering:
    """Render standards with one target; a plugin with only `render` gets one call each.

    Args:
        target: The target.
        standards: The standards.
        context: What else the compile writes.

    Returns:
        Every file and note.
    """
    render_all = getattr(target, "render_all", None)
    if render_all is not None:
        return render_all(standards, context)
    renderings = [target.render(standard) for standard in standards]
    return Rendering(
        outputs=tuple(output for rendering in renderings for output in rendering.outputs),
        notes=tuple(note for rendering in renderings for note in rendering.notes),
    )
