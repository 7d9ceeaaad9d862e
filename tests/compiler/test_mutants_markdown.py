"""The Markdown renderer's defaults and edge cases, exactly (surviving mutants)."""

from __future__ import annotations

from pytest import raises

from canon.compiler.markdown import render_block, render_body
from canon.standards.model import Code, CodeBlock, ListItem, Paragraph, Rule, RuleItem, Section

RULE = RuleItem(rule=Rule(id="a.b", text="Keep it short."))
SECTION = Section(title="Style", blocks=(Paragraph(paragraph="Why it matters."), RULE))


def test_render_body_defaults_loose_lists_and_one_newline():
    assert render_body("Guide", [SECTION]) == (
        "# Guide\n\n## Style\n\nWhy it matters.\n\n- Keep it short.\n"
    )


def test_render_body_tight_lists_and_another_ending():
    listed = Section(title="Style", blocks=(RULE,))
    assert render_body("Guide", [listed], tight_lists=True, ending="\r\n") == (
        "# Guide\n\n## Style\n- Keep it short.\r\n"
    )


def test_render_body_without_title_or_anything_is_empty():
    assert render_body("", []) == ""
    assert (
        render_body("", [Section(title="Only", blocks=(RULE,))]) == "## Only\n\n- Keep it short.\n"
    )


def test_section_spacing_overrides_the_default():
    spaced = Section(title="S", blocks=(RULE,), space_after_heading="\n", tight=False)
    assert render_body("", [spaced]) == "## S\n- Keep it short.\n"
    before = Section(title="S", blocks=(Paragraph(paragraph="P", space_before="\n\n\n"), RULE))
    assert render_body("", [before]) == "## S\n\n\nP\n\n- Keep it short.\n"


def test_code_block_gets_its_closing_newline():
    code = Code(code=CodeBlock(text="x = 1", lang="python"))
    assert render_block(code) == "```python\nx = 1\n```"
    kept = Code(code=CodeBlock(text="x = 1\n", lang="python", fence="~~~"))
    assert render_block(kept) == "~~~python\nx = 1\n~~~"
    empty = Code(code=CodeBlock(text=""))
    assert render_block(empty) == "```\n```"


def test_unknown_block_is_named():
    with raises(TypeError, match=r"^unknown block str$"):
        render_block("not a block")  # type: ignore[arg-type]
    assert render_block(ListItem(item="plain")) == "- plain"
