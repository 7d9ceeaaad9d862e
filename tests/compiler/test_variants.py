"""Variants of the bundled standard, through the Python API and `canon compile --variant`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import fixture, mark, raises

from canon.compiler.variants import (
    VariantSpec,
    apply_variant,
    parse_variant,
    render_standard,
    render_text,
)
from canon.errors import InputError
from canon.standards.loader import load_standard
from canon.standards.model import Code, Paragraph, Rule, RuleItem, Section, Standard, StandardMeta
from canon.tokens import estimate_tokens
from tests.conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

PYTHON = REPO / "instructions" / "python"


@fixture(scope="module")
def standard():
    return load_standard(PYTHON)


def test_variant_full_is_the_standard_unchanged(standard):
    assert apply_variant(standard, "full") is standard


def test_variant_condensed_keeps_only_rules_in_short_wording(standard):
    condensed = apply_variant(standard, "condensed")
    blocks = [block for section in condensed.sections for block in section.blocks]
    assert blocks and all(isinstance(block, RuleItem) and not block.children for block in blocks)
    assert not any(isinstance(block, Code | Paragraph) for block in blocks)
    assert len(condensed.rules()) == len(standard.rules())
    by_id = {rule.id: rule for rule in standard.rules()}
    for rule in condensed.rules():
        assert rule.text == (by_id[rule.id].short or by_id[rule.id].text)
    full = render_standard(standard)[".github/instructions/python.instructions.md"]
    short = render_standard(condensed)[".github/instructions/python.instructions.md"]
    assert len(short) < len(full) * 0.75


def test_variant_sections_keep_and_drop_by_id(standard):
    first = standard.sections[0].id
    kept = apply_variant(standard, f"keep:{first}")
    assert [section.id for section in kept.sections] == [first]
    dropped = apply_variant(standard, f"drop:{first}")
    assert first not in [section.id for section in dropped.sections]
    assert len(dropped.sections) == len(standard.sections) - 1


def test_variant_unknown_section_is_an_input_error(standard):
    with raises(InputError, match="no section 'nope'"):
        apply_variant(standard, "drop:nope")


@mark.parametrize("tokens", [200, 800, 3000])
def test_variant_budget_fits_tokens_and_prefers_priority(standard, tokens):
    budget = apply_variant(standard, VariantSpec(kind="budget", tokens=tokens))
    text = render_standard(budget, "agents-md")["AGENTS.md"]
    assert estimate_tokens(text) <= tokens + 20  # the scope line agents-md adds
    assert 0 < len(budget.rules()) < len(standard.rules())


def test_variant_budget_takes_higher_priority_first():
    rules = [
        RuleItem(
            rule=Rule(
                id=f"r{index}", text=f"Rule number {index} says something.", priority=index % 3
            )
        )
        for index in range(12)
    ]
    small = Standard(
        meta=StandardMeta(id="s", title="S"),
        sections=(Section(title="Rules", blocks=tuple(rules)),),
    )
    chosen = apply_variant(small, "budget:40").rules()
    assert chosen and all(rule.priority == 2 for rule in chosen)
    assert [rule.id for rule in chosen] == sorted(
        (rule.id for rule in chosen), key=lambda name: int(name[1:])
    )


@mark.parametrize("text", ["", "half", "budget:x", "keep:"])
def test_parse_variant_rejects_bad_spelling(text):
    with raises(InputError, match="unknown variant"):
        parse_variant(text)


def test_compile_variant_condensed_through_cli(canon: Run, tmp_path: Path):
    result = canon(["compile", str(PYTHON), "--variant", "condensed", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / ".github/instructions/python.instructions.md").read_text()
    assert "```" not in text
    assert text.startswith("---\napplyTo: **/*.py\n---\n")


def test_compile_variant_bad_is_one_line_error(canon: Run, tmp_path: Path):
    result = canon(["compile", str(PYTHON), "--variant", "tiny", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("canon: unknown variant 'tiny'")


def test_render_text_gives_one_text_per_target(standard):
    copilot = render_text(standard)
    assert copilot == (REPO / ".github/instructions/python.instructions.md").read_text()
    windsurf = render_text(standard, "windsurf")
    assert windsurf.count("trigger: glob") == 3
    assert render_text(standard, "aider").startswith("# Project Coding Standards")
