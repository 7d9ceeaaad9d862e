"""Validation errors placed exactly, however deep the bad value sits (surviving mutants)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

RULE = "sections:\n  - title: T\n    blocks:\n      - rule:\n          id: a.b\n          text: x\n"


@mark.parametrize(
    ("sections", "refusal"),
    [
        (
            "sections:\n  - title: T\n    zzzzqq: 1\n    blocks: []\n",
            "3:5: unknown key 'zzzzqq' (expected one of: blocks, id, level, space_after_heading, "
            "space_before, tight, title)",
        ),
        (
            RULE + "          equivalents:\n            ruff: 3\n",
            "8:19: sections.0.blocks.0.rule.equivalents.ruff: input should be a valid tuple",
        ),
        (
            RULE + '          equivalents: {ruff: [E1], "ruff2": [E2, 3]}\n',
            "7:51: sections.0.blocks.0.rule.equivalents.ruff2.1: input should be a valid string",
        ),
        (
            RULE + "          examples:\n            good: [1, [2]]\n",
            "8:20: sections.0.blocks.0.rule.examples.good.0: input should be a valid string",
        ),
        (
            RULE + "          check: union-operator\n          examples: {good: [x], bda: [y]}\n",
            "8:33: unknown key 'bda' (did you mean 'bad'?)",
        ),
        ("- 1\n- 2\n", "1:1: expected a YAML mapping at the top level"),
    ],
)
def test_bad_section_file_is_one_placed_line(
    canon: Run, tmp_path: Path, sections: str, refusal: str
):
    standard = tmp_path / "s"
    standard.mkdir()
    (standard / "standard.yaml").write_text("id: demo\ntitle: Demo\n")
    (standard / "10-x.yaml").write_text(sections)
    result = canon(["compile", str(standard), "--out", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"canon: {standard / '10-x.yaml'}:{refusal}\n",
    )
    assert not (tmp_path / "out").exists()
