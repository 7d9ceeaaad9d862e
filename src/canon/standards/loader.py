"""Load standards and the manifest from YAML, with every error placed at file:line:col."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.errors import InputError, Position
from canon.standards.model import (
    Manifest,
    SectionFile,
    Standard,
    StandardMeta,
    walk_rules,
)
from canon.standards.validation import validate_located
from canon.standards.yamlpos import read_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from canon.standards.model import (
        Block,
        RuleItem,
    )
    from canon.standards.yamlpos import Located, YamlPath

__all__ = ["META_FILE", "load_manifest", "load_standard", "section_files"]

META_FILE = "standard.yaml"


def load_manifest(path: Path) -> Manifest:
    """Load `instructions/canon.yaml`.

    Args:
        path: The manifest file.

    Returns:
        The manifest.

    Raises:
        InputError: The file is missing or malformed.
    """
    return validate_located(read_yaml(path), Manifest)


def section_files(folder: Path) -> list[Path]:
    """The YAML files of a standard's folder that hold sections, in document order.

    Args:
        folder: The standard's folder.

    Returns:
        Every `*.yaml` file but `standard.yaml`, sorted by name.
    """
    return sorted(
        (path for path in folder.glob("*.yaml") if path.name != META_FILE),
        key=lambda path: path.name,
    )


def load_standard(folder: Path, *, known_checks: frozenset[str] | None = None) -> Standard:
    """Load a standard from its folder: `standard.yaml` and its section files.

    Args:
        folder: The standard's folder.
        known_checks: The check ids that exist; None to accept any id (a promise).

    Returns:
        The standard, with the position of every rule in `origins`.

    Raises:
        InputError: A file is malformed, a rule id is repeated, a checked rule has no examples,
            or a rule names an unknown check.
    """
    if not folder.is_dir():
        raise InputError("not a folder holding a standard", Position(path=folder))
    meta_path = folder / META_FILE
    if not meta_path.is_file():
        raise InputError(f"no {META_FILE} in the standard's folder", Position(path=folder))
    meta_doc = read_yaml(meta_path)
    meta = validate_located(meta_doc, StandardMeta)
    sections = []
    origins: dict[str, str] = {"standard": str(meta_doc.position(()))}
    for key in ("quote_globs", "applies_to", "description"):
        origins[f"standard.{key}"] = str(meta_doc.position((key,), key=True))
    # rule ids are told apart from each other only (a rule may be called `standard`), and the
    # intro's rules (before the first section) are rules like any other
    rules: dict[str, str] = {}
    _collect_rules(meta.intro, ("intro",), meta_doc, rules, known_checks)
    for path in section_files(folder):
        document = read_yaml(path)
        section_file = validate_located(document, SectionFile)
        for index, section in enumerate(section_file.sections):
            loc = ("sections", index, "blocks")
            _collect_rules(section.blocks, loc, document, rules, known_checks)
        sections.extend(section_file.sections)
    return Standard(meta=meta, sections=tuple(sections), origins=rules | origins)


def _collect_rules(
    blocks: Iterable[Block],
    at: YamlPath,
    document: Located,
    origins: dict[str, str],
    known_checks: frozenset[str] | None,
) -> None:
    for loc, item in walk_rules(blocks, at):
        rule = item.rule
        where = document.position((*loc, "rule", "id"))
        if rule.id in origins:
            message = f"duplicate rule id {rule.id!r} (first at {origins[rule.id]})"
            raise InputError(message, where)
        origins[rule.id] = str(where)
        _check_rule(item, loc, document, known_checks)


def _check_rule(
    item: RuleItem, loc: YamlPath, document: Located, known_checks: frozenset[str] | None
) -> None:
    rule = item.rule
    for tool in rule.equivalence:
        if tool not in rule.equivalents:
            where = document.position((*loc, "rule", "equivalence", tool))
            message = f"rule {rule.id!r} states how it relates to {tool}, which has no equivalents"
            raise InputError(message, where)
    if not rule.check:
        return
    if known_checks is not None and rule.check not in known_checks:
        where = document.position((*loc, "rule", "check"))
        raise InputError(f"rule {rule.id!r} names unknown check {rule.check!r}", where)
    if not rule.examples.good or not rule.examples.bad:
        where = document.position((*loc, "rule", "examples"))
        message = f"rule {rule.id!r} has a check, so it needs a good and a bad example"
        raise InputError(message, where)
