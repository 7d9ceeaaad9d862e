"""`canon rules`: list the rules with their checks, or explain one as ruff does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.checks.catalog import CHECKS
from canon.checks.jsontext import json_text
from canon.checks.rulebook import check_summary
from canon.checks.validation_figures import VALIDATION
from canon.errors import InputError

if TYPE_CHECKING:
    from canon.checks.rulebook import RuleBook
    from canon.standards.model import Rule

__all__ = ["explain_rule", "explanation", "list_rules", "validation_data", "validation_line"]

_NO_CHECK = "No machine check: a rule for people and assistants."


def _row(rule: Rule, book: RuleBook) -> dict[str, object]:
    info = CHECKS.get(rule.check)
    return {
        "id": rule.id,
        "section": book.sections.get(rule.id, ""),
        "check": rule.check or None,
        "heuristic": bool(info and info.heuristic),
        "fixable": bool(info and info.fixable),
        "validation": validation_data(rule.check),
        "equivalents": {tool: list(codes) for tool, codes in rule.equivalents.items()},
        "equivalence": dict(rule.equivalence),
        "restates": _restates(rule, book),
        "text": rule.text,
    }


def _restates(rule: Rule, book: RuleBook) -> str | None:
    """The rule this one restates: the first rule naming the same check, when it is another."""
    primary = book.primary.get(rule.check) if rule.check else None
    return primary if primary != rule.id else None


_RELATIONS = {
    "same": "flags the same things",
    "broader": "this rule asks more than these codes",
    "narrower": "this rule flags less than these codes",
}


def _relation(rule: Rule, tool: str) -> str:
    relation = rule.equivalence.get(tool)
    return f" ({relation}: {_RELATIONS[relation]})" if relation else ""


def _concern_lines(rule: Rule, book: RuleBook) -> list[str]:
    restates = _restates(rule, book)
    if restates:
        return [f"Restates `{restates}` (same check): scored once, as that rule's concern.", ""]
    others = [item.id for item in book.rules if item.check == rule.check and item.id != rule.id]
    if rule.check and others:
        named = ", ".join(f"`{other}`" for other in others)
        return [f"Restated by {named}: one concern, scored once, under this rule.", ""]
    return []


def validation_data(check_id: str) -> dict[str, float | int | None] | None:
    """A check's figures on the labelled validation corpus, as JSON data.

    Args:
        check_id: A check id, or empty for a rule without a check.

    Returns:
        `{precision, recall, files, violations}`, or None when no corpus file concerns it.
    """
    figures = VALIDATION.get(check_id)
    if figures is None:
        return None
    return {
        "precision": figures.precision,
        "recall": figures.recall,
        "files": figures.files,
        "violations": figures.violations,
    }


def validation_line(check_id: str) -> str:
    """A check's figures on the labelled validation corpus, as one sentence.

    Args:
        check_id: A check id.

    Returns:
        The sentence, or empty when no corpus file concerns the check.
    """
    figures = VALIDATION.get(check_id)
    if figures is None:
        return ""
    return (
        f"Precision {_share(figures.precision)}, recall {_share(figures.recall)} on the "
        f"labelled validation corpus ({figures.files} file(s) where the rule applies, "
        f"{figures.violations} breaking it)."
    )


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def list_rules(book: RuleBook, *, output_format: str) -> str:
    """Every rule, in document order.

    Args:
        book: The rules.
        output_format: `text` or `json`.

    Returns:
        A table (text) or a JSON array of `{id, section, check, heuristic, equivalents...}`.

    Raises:
        InputError: An unknown format.
    """
    rows = [_row(rule, book) for rule in book.rules]
    if output_format == "json":
        return json_text(rows)
    if output_format != "text":
        raise InputError("--format must be text or json")
    width = max((len(rule.id) for rule in book.rules), default=10)
    lines = []
    for row in rows:
        check = row["check"] or "-"
        flags = ("h" if row["heuristic"] else " ") + ("*" if row["fixable"] else " ")
        lines.append(f"{row['id']:<{width}}  {check:<30} {flags}  {row['section']}")
    return "".join(f"{line}\n" for line in lines)


def explain_rule(book: RuleBook, rule_id: str, *, output_format: str) -> str:
    """Explain one rule: what its check flags, why, an example, and what to write instead.

    Args:
        book: The rules.
        rule_id: A rule id (or a check id, explained through its primary rule).
        output_format: `text` or `json`.

    Returns:
        Markdown-ish text, or the rule as JSON.

    Raises:
        InputError: No rule or check has this id.
    """
    rule = book.rule(rule_id) or book.rule(book.primary.get(rule_id, ""))
    if rule is None:
        raise InputError(f"unknown rule {rule_id!r} (see `canon rules`)")
    if output_format == "json":
        row = _row(rule, book) | {
            "examples": {"good": rule.examples.good, "bad": rule.examples.bad}
        }
        return json_text(row)
    return "\n".join(explanation(rule, book))


def explanation(rule: Rule, book: RuleBook) -> list[str]:
    """A rule's explanation, as Markdown lines: what its check does, why, where it applies.

    Args:
        rule: The rule.
        book: The rules, for the rule's section.

    Returns:
        The lines, without line ends.
    """
    info = CHECKS.get(rule.check)
    parts = [f"# {rule.id}", ""]
    if rule.check:
        flags = [f"check `{rule.check}`"]
        flags += ["heuristic"] if info and info.heuristic else []
        flags += ["fixable with `--fix`"] if info and info.fixable else []
        parts += [f"({', '.join(flags)}; section: {book.sections.get(rule.id, '')})", ""]
        parts += _concern_lines(rule, book)
    does = check_summary(rule.check) if rule.check else _NO_CHECK
    parts += ["## What it does", does, "", "## Why", rule.text, ""]
    if info and info.opportunity:
        parts += ["## Where it applies", info.opportunity, ""]
    if info and info.heuristic and info.caveat:
        parts += ["## Known limits", info.caveat, ""]
    if measured := validation_line(rule.check):
        parts += ["## Measured", measured, ""]
    for bad in rule.examples.bad[:1]:
        parts += ["## Example", "```python", bad.rstrip(), "```", ""]
    for good in rule.examples.good[:1]:
        parts += ["Use instead:", "```python", good.rstrip(), "```", ""]
    if rule.equivalents:
        same = "; ".join(
            f"{tool}: {', '.join(codes)}{_relation(rule, tool)}"
            for tool, codes in rule.equivalents.items()
        )
        parts += ["## Equivalents", same, ""]
    return parts
