"""Instruction variants: the same standard, written in full, condensed, in part, or to a budget.

The evals compare models under different variants; `canon compile --variant` writes them.

- `full`: the document as written.
- `condensed`: rules only, each in its short wording where one is given; no examples, prose,
  code or lists that are not rules.
- `keep:ID[,ID...]` / `drop:ID[,ID...]`: keep or drop sections by id (or title).
- `budget:N`: the condensed document holding the highest-priority rules (then document order)
  that fit N tokens, estimated as one token per four characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from re import compile as regex
from typing import TYPE_CHECKING, Literal

from canon.compiler.markdown import render_body
from canon.compiler.rendering import render_target
from canon.compiler.targets import DEFAULT_TARGET, get_target
from canon.compiler.targets.base import Context
from canon.errors import InputError
from canon.standards.model import RuleItem
from canon.tokens import estimate_tokens

if TYPE_CHECKING:
    from canon.standards.model import Section, Standard

__all__ = [
    "VariantSpec",
    "apply_variant",
    "parse_variant",
    "render_standard",
    "render_text",
]

type VariantKind = Literal["full", "condensed", "keep", "drop", "budget"]

_CONFIGURATION_SUFFIXES = (".yml", ".yaml", ".json", ".toml")

_SPEC = regex(r"^(full|condensed)$|^(keep|drop):(.+)$|^budget:([0-9]+)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class VariantSpec:
    """Which variant of a standard to write.

    Attributes:
        kind: `full`, `condensed`, `keep`, `drop` or `budget`.
        sections: Section ids (or titles) to keep or drop.
        tokens: The budget, for `budget`.
    """

    kind: VariantKind = "full"
    sections: tuple[str, ...] = ()
    tokens: int = 0

    def __str__(self) -> str:
        """Spell the variant as `--variant` takes it.

        Returns:
            The spelling.
        """
        if self.kind in ("keep", "drop"):
            return f"{self.kind}:{','.join(self.sections)}"
        return f"budget:{self.tokens}" if self.kind == "budget" else self.kind


def parse_variant(text: str) -> VariantSpec:
    """Read a variant as `--variant` spells it.

    Args:
        text: `full`, `condensed`, `keep:ID,...`, `drop:ID,...` or `budget:N`.

    Returns:
        The variant.

    Raises:
        InputError: The spelling is not one of those.
    """
    match = _SPEC.match(text.strip())
    if match is None:
        message = f"unknown variant {text!r} (full, condensed, keep:ID,..., drop:ID,..., budget:N)"
        raise InputError(message)
    whole, kind, names, tokens = match.groups()
    if whole == "full":
        return VariantSpec(kind="full")
    if whole == "condensed":
        return VariantSpec(kind="condensed")
    if tokens is not None:
        return VariantSpec(kind="budget", tokens=int(tokens))
    sections = tuple(name.strip() for name in names.split(",") if name.strip())
    return VariantSpec(kind="keep" if kind == "keep" else "drop", sections=sections)


def apply_variant(standard: Standard, spec: VariantSpec | str) -> Standard:
    """Make a variant of a standard.

    Args:
        standard: The standard as written.
        spec: The variant (or its spelling).

    Returns:
        The standard the variant describes.

    Raises:
        InputError: A section named by `keep` or `drop` does not exist.
    """
    if isinstance(spec, str):
        spec = parse_variant(spec)
    match spec.kind:
        case "full":
            return standard
        case "condensed":
            return _condensed(standard, None)
        case "keep" | "drop":
            return _selected(standard, spec)
        case "budget":
            return _budget(standard, spec.tokens)


def render_standard(standard: Standard, target: str = DEFAULT_TARGET) -> dict[str, str]:
    """Render one standard for one target, in memory (what the file would hold).

    Args:
        standard: The standard (a variant of it, typically).
        target: The target's name.

    Returns:
        Each file the target would write, by path, with its content.
    """
    context = Context(targets=frozenset({target}), allow_oversize=True)
    rendering = render_target(get_target(target), [standard], context)
    return {str(output.path): output.content for output in rendering.outputs}


def render_text(standard: Standard, target: str = DEFAULT_TARGET) -> str:
    """Render one standard for one target as one text, as an assistant would read it.

    Args:
        standard: The standard (a variant of it, typically).
        target: The target's name.

    Returns:
        The file's content; a target that writes several files (a split, a config file
        beside the instructions) gives their instruction texts (every file but YAML, JSON and
        TOML configuration) in path order, joined by a blank line.
    """
    files = render_standard(standard, target)
    texts = [
        content
        for path, content in sorted(files.items())
        if not path.endswith(_CONFIGURATION_SUFFIXES)
    ]
    return "\n".join(texts or list(files.values()))


def _matches(section: Section, names: tuple[str, ...]) -> bool:
    return section.id in names or section.title in names


def _selected(standard: Standard, spec: VariantSpec) -> Standard:
    known = {section.id for section in standard.sections} | {
        section.title for section in standard.sections
    }
    missing = [name for name in spec.sections if name not in known]
    if missing:
        raise InputError(f"variant {spec}: no section {missing[0]!r} in {standard.meta.id}")
    keep = spec.kind == "keep"
    sections = tuple(
        section for section in standard.sections if _matches(section, spec.sections) == keep
    )
    return standard.model_copy(update={"sections": sections})


def _condensed(standard: Standard, chosen: set[str] | None) -> Standard:
    """Rules only, short wording, flattened; `chosen` limits which rule ids are kept."""
    sections: list[Section] = []
    for section in standard.sections:
        rules = [rule for rule in section.rules() if chosen is None or rule.id in chosen]
        if not rules:
            continue
        blocks = tuple(
            RuleItem(rule=rule.model_copy(update={"text": rule.short or rule.text}))
            for rule in rules
        )
        layout = {"space_before": None, "space_after_heading": None}
        sections.append(section.model_copy(update={"blocks": blocks, **layout}))
    meta = standard.meta.model_copy(update={"intro": (), "source": None})
    return standard.model_copy(update={"meta": meta, "sections": tuple(sections)})


def _budget(standard: Standard, tokens: int) -> Standard:
    ranked = sorted(enumerate(standard.rules()), key=lambda pair: (-pair[1].priority, pair[0]))
    chosen: set[str] = set()
    for _, rule in ranked:
        trial = _condensed(standard, chosen | {rule.id})
        if estimate_tokens(render_body(trial.meta.title, trial.sections)) <= tokens:
            chosen.add(rule.id)
    return _condensed(standard, chosen)
