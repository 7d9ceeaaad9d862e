"""Choose and render the instruction text an assistant configuration gives the model.

The assistant reads the instruction files its format defines, and only those whose globs
match the file being edited. This module renders each standard for the configuration's target
and variant, keeps the files that apply to a task's `path`, and joins them verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha256
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from canon.standards.model import Standard

__all__ = [
    "InstructionSpec",
    "Instructions",
    "applies_to_path",
    "check_variant",
    "render_instructions",
    "variant_standard",
]

# The files of a rendering an assistant reads as instructions (not its configuration files).
_INSTRUCTION_SUFFIXES = (".md", ".mdc", ".rules")


@dataclass(frozen=True, slots=True, kw_only=True)
class InstructionSpec:
    """What instructions a configuration gives.

    Attributes:
        variant: `none`, or a variant of `canon.compiler.variants`: `full`, `condensed`,
            `keep:ID,...`, `drop:ID,...`, `budget:N`.
        target: The assistant format the instructions are delivered in.
        leave_out: Section ids or titles left out (for lift measurements).
    """

    variant: str = "full"
    target: str = "copilot"
    leave_out: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """A short name for reports: `none`, `copilot:full`, `copilot:full-without:async`.

        Returns:
            The label.
        """
        if self.variant == "none":
            return "none"
        label = f"{self.target}:{self.variant}"
        return label + "".join(f"-without:{name}" for name in self.leave_out)


@dataclass(frozen=True, slots=True, kw_only=True)
class Instructions:
    """The instruction text given for one task, and what it was made of."""

    text: str
    files: tuple[str, ...]
    sha256: str


def applies_to_path(globs: Iterable[str], path: str) -> bool:
    """Tell whether a file falls under a standard's globs, as the assistant matches them.

    Args:
        globs: The standard's `applies_to`; empty means every file.
        path: The file being written, relative to the repository root.

    Returns:
        True when any glob matches (or there are none).
    """
    globs = tuple(globs)
    if not globs:
        return True
    candidate = PurePosixPath(path)
    return any(_glob_match(candidate, glob) for glob in globs)


def _glob_match(path: PurePosixPath, glob: str) -> bool:
    if path.full_match(glob):
        return True
    # `**/` also matches files at the root, as assistants match it.
    return glob.startswith("**/") and path.full_match(glob[3:])


def render_instructions(
    standards: Sequence[Standard], spec: InstructionSpec, path: str
) -> Instructions:
    """Render the instruction text for one file being written.

    Args:
        standards: Every standard of the project.
        spec: The configuration's instructions.
        path: The file the task writes.

    Returns:
        The text (empty for `none`), the instruction files it came from, and its SHA-256.

    Raises:
        InputError: The target or variant is unknown, or a left-out section does not exist.
    """
    if spec.variant == "none":
        return Instructions(text="", files=(), sha256=_sha256(""))
    from canon.compiler.variants import render_standard

    texts: list[str] = []
    files: list[str] = []
    for standard in standards:
        if not applies_to_path(standard.meta.applies_to, path):
            continue
        rendered = render_standard(variant_standard(standard, spec), spec.target)
        for name, content in sorted(rendered.items()):
            if name.endswith(_INSTRUCTION_SUFFIXES):
                texts.append(content)
                files.append(name)
    text = "\n".join(texts)
    return Instructions(text=text, files=tuple(files), sha256=_sha256(text))


def _sha256(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()


def variant_standard(standard: Standard, spec: InstructionSpec) -> Standard:
    """Derive the standard a configuration renders: sections left out, then the variant.

    Args:
        standard: The full standard.
        spec: The variant and the sections to leave out.

    Returns:
        The derived standard.

    Raises:
        InputError: The variant is unknown or a left-out section does not exist.
    """
    from canon.compiler.variants import VariantSpec, apply_variant

    if spec.leave_out:
        standard = apply_variant(standard, VariantSpec(kind="drop", sections=spec.leave_out))
    return apply_variant(standard, spec.variant)


def check_variant(variant: str) -> None:
    """Refuse a variant the compiler does not know.

    Args:
        variant: `none`, `full`, `condensed`, `keep:ID,...`, `drop:ID,...` or `budget:N`.

    Raises:
        InputError: The spelling is unknown.
    """
    if variant == "none":
        return
    from canon.compiler.variants import parse_variant

    parse_variant(variant)
