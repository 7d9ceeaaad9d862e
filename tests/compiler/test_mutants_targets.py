"""Conversions exactly: extra frontmatter keys, combined files, their notes (surviving mutants)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import fixture

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

SOURCE = """\
---
applyTo: "src/**"
description: "Things"
excludeAgent: code-review
tags:
  - a
  - b
enabled: true
note: "has: colon"
---

# API

- Keep it short.
"""


@fixture
def imported(canon: Run, tmp_path: Path) -> Path:
    (tmp_path / "api.instructions.md").write_text(SOURCE)
    (tmp_path / "TWO.md").write_text("# Two\n\n- Second rule.\n")
    out = tmp_path / "std"
    for name in ("api.instructions.md", "TWO.md"):
        assert canon(["import", str(tmp_path / name), "--out", str(out)]).exit_code == 0
    return out


def test_extra_keys_are_rewritten_for_the_format_they_came_from(
    canon: Run, imported: Path, tmp_path: Path
):
    result = canon(
        ["compile", "-q", str(imported / "api"), "-t", "copilot", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0
    written = tmp_path / "o" / ".github" / "instructions" / "api.instructions.md"
    assert written.read_text() == (
        '---\napplyTo: "src/**"\ndescription: "Things"\nexcludeAgent: code-review\n'
        'tags:\n  - "a"\n  - "b"\nenabled: true\nnote: "has: colon"\n---\n\n'
        "# API\n\n- Keep it short.\n"
    )


def test_extra_keys_stay_out_of_another_format(canon: Run, imported: Path, tmp_path: Path):
    result = canon(
        ["compile", "-q", str(imported / "api"), "-t", "cursor", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0
    assert (tmp_path / "o" / ".cursor" / "rules" / "api.mdc").read_text() == (
        "---\ndescription: Things\nglobs: src/**\nalwaysApply: false\n---\n\n"
        "# API\n\n- Keep it short.\n"
    )


def test_combined_file_holds_every_standard_with_its_notes(
    canon: Run, imported: Path, tmp_path: Path
):
    standards = [str(imported / "api"), str(imported / "two")]
    out = str(tmp_path / "o")
    result = canon(["compile", "-q", *standards, "-t", "agents-md", "--out", out])
    assert result.exit_code == 0
    assert (tmp_path / "o" / "AGENTS.md").read_text() == (
        "# API\n\n**Applies only to files matching** `src/**`.\n\n- Keep it short.\n\n"
        "# Two\n\n- Second rule.\n"
    )
    meta = imported / "api" / "standard.yaml"
    assert result.stderr == (
        f"canon: warning: {meta}:5:1: agents-md has no description key: AGENTS.md leaves out "
        "the description of api ('Things')\n"
        f"canon: warning: {meta}:3:1: agents-md cannot limit a file to some paths; AGENTS.md "
        "says in a line that api applies only to src/**\n"
    )
