"""Rules and checks together: which rule names which check, and the words users type.

Findings shown to users name the rule of the standard (the first rule, in document order,
whose `check:` names the check); `--select`, `--ignore` and suppressions accept a rule id or a
check id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from canon.checks.catalog import CHECK_IDS, CHECKS, SPECIAL_CHECKS
from canon.errors import InputError
from canon.standards.bundled import bundled_standard
from canon.standards.loader import load_manifest, load_standard

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from canon.standards.model import Rule, Standard

__all__ = ["BUNDLED_STANDARD", "RuleBook", "find_standards", "load_rulebook"]

BUNDLED_STANDARD = bundled_standard()
_MANIFEST = Path("instructions") / "canon.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleBook:
    """The rules of the standards in use, indexed for the checks.

    Attributes:
        rules: Every rule, in document order.
        sections: The section title of each rule id.
        primary: The primary rule id of each check id that a rule names.
    """

    rules: tuple[Rule, ...] = ()
    sections: Mapping[str, str] = field(default_factory=dict)
    primary: Mapping[str, str] = field(default_factory=dict)

    def rule_id(self, check_id: str) -> str:
        """The id users see for a check: its primary rule, else the check id itself.

        Args:
            check_id: A check id (or a special one such as `syntax`).

        Returns:
            The rule id or the check id.
        """
        return self.primary.get(check_id, check_id)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, if any.

        Args:
            rule_id: A rule id.

        Returns:
            The rule, or None.
        """
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def check_ids(self, words: Iterable[str], *, option: str) -> frozenset[str]:
        """Turn rule ids and check ids into check ids.

        Args:
            words: What the user typed; each may hold several ids separated by commas.
            option: Where they typed it, for the error message.

        Returns:
            The check ids.

        Raises:
            InputError: A word is neither a known rule id (of a checked rule) nor a check id.
        """
        found: set[str] = set()
        for word in (part.strip() for words_ in words for part in words_.split(",")):
            if not word:
                continue
            if word in CHECK_IDS or word in SPECIAL_CHECKS:
                found.add(word)
                continue
            rule = self.rule(word)
            if rule is None or not rule.check:
                raise InputError(f"{option}: {word!r} is neither a checked rule id nor a check id")
            found.add(rule.check)
        return frozenset(found)


def find_standards(start: Path) -> tuple[Path, ...]:
    """The standard folders in use: the nearest project's manifest, else the bundled one.

    Args:
        start: Where to look for `instructions/canon.yaml` from, upwards.

    Returns:
        Standard folders (empty when neither exists).
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        manifest_path = folder / _MANIFEST
        if manifest_path.is_file():
            manifest = load_manifest(manifest_path)
            return tuple(manifest_path.parent / name for name in manifest.standards)
    return (BUNDLED_STANDARD,) if BUNDLED_STANDARD.is_dir() else ()


def load_rulebook(folders: Iterable[Path]) -> RuleBook:
    """Load standards and index their rules.

    Args:
        folders: Standard folders.

    Returns:
        The rule book.

    Raises:
        InputError: A standard is malformed or names an unknown check.
    """
    rules: list[Rule] = []
    sections: dict[str, str] = {}
    for folder in folders:
        standard = load_standard(folder, known_checks=CHECK_IDS)
        rules.extend(standard.rules())
        sections.update(_sections(standard))
    primary: dict[str, str] = {}
    for rule in rules:
        if rule.check:
            primary.setdefault(rule.check, rule.id)
    return RuleBook(rules=tuple(rules), sections=sections, primary=primary)


def _sections(standard: Standard) -> dict[str, str]:
    return {rule.id: section.title for section in standard.sections for rule in section.rules()}


def check_summary(check_id: str) -> str:
    """One sentence on what a check flags.

    Args:
        check_id: A check id or special id.

    Returns:
        The summary.
    """
    if check_id in CHECKS:
        return CHECKS[check_id].summary
    return SPECIAL_CHECKS.get(check_id, "")
