"""Variants exactly: spellings, the condensed text, the budget's boundary, multi-file targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import fixture, mark

from canon.compiler.variants import apply_variant, parse_variant, render_standard, render_text
from canon.standards.loader import load_standard

if TYPE_CHECKING:
    from pathlib import Path

    from canon.standards.model import Standard

META = """\
id: demo
title: Demo Standard
intro:
  - paragraph: "An introduction that condensed variants leave out."
"""
SECTIONS = """\
sections:
  - title: Typing
    id: typing
    blocks:
      - paragraph: "Prose that condensed variants drop."
      - rule:
          id: typing.union
          text: "Use `X | None`, never `Optional[X]`, in every annotation you write."
          short: "Use `X | None`."
          priority: 2
      - rule:
          id: typing.builtins
          text: "Use builtin generics such as `list[int]`."
  - title: Style
    id: style
    blocks:
      - rule:
          id: style.short
          text: "Keep functions short."
"""
ONE_RULE = "# Demo Standard\n\n## Typing\n\n- Use `X | None`.\n"  # 46 characters: 12 tokens


@fixture
def standard(tmp_path: Path) -> Standard:
    (tmp_path / "standard.yaml").write_text(META)
    (tmp_path / "10-rules.yaml").write_text(SECTIONS)
    return load_standard(tmp_path)


@mark.parametrize(
    ("spelling", "canonical"),
    [
        ("full", "full"),
        ("condensed", "condensed"),
        ("keep: typing , style", "keep:typing,style"),
        ("drop:Style", "drop:Style"),
        ("budget:120", "budget:120"),
    ],
)
def test_variant_spellings_read_back(spelling: str, canonical: str):
    assert str(parse_variant(spelling)) == canonical


def test_condensed_keeps_rules_only_in_their_short_words(standard: Standard):
    assert render_text(apply_variant(standard, "condensed")) == (
        "# Demo Standard\n\n## Typing\n\n- Use `X | None`.\n"
        "- Use builtin generics such as `list[int]`.\n\n## Style\n\n- Keep functions short.\n"
    )


def test_budget_at_and_below_the_first_rule_cost(standard: Standard):
    assert len(ONE_RULE) == 46
    assert render_text(apply_variant(standard, "budget:12")) == ONE_RULE
    assert render_text(apply_variant(standard, "budget:11")) == "# Demo Standard\n"


def test_keep_and_drop_by_id_or_title(standard: Standard):
    kept = render_text(apply_variant(standard, "keep:style"))
    dropped = render_text(apply_variant(standard, "drop:Typing"))
    assert kept == dropped
    assert kept.endswith("## Style\n\n- Keep functions short.\n")
    assert "Typing" not in kept


def test_render_text_leaves_configuration_files_out(standard: Standard):
    assert sorted(render_standard(standard, "aider")) == [".aider.conf.yml", "CONVENTIONS.md"]
    assert render_text(standard, "aider") == render_standard(standard, "aider")["CONVENTIONS.md"]


def test_render_standard_measures_an_oversize_file_without_refusing(tmp_path: Path):
    (tmp_path / "standard.yaml").write_text("id: big\ntitle: Big\n")
    rules = "".join(
        f'      - rule:\n          id: big.r{index}\n          text: "{"word " * 60}"\n'
        for index in range(60)
    )
    (tmp_path / "10-big.yaml").write_text(f"sections:\n  - title: All\n    blocks:\n{rules}")
    files = render_standard(load_standard(tmp_path), "windsurf")
    assert sum(len(text) for text in files.values()) > 12_000
