"""`canon import` through the CLI: ids keep digits, line endings survive, exact structure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark
from yaml import safe_load

from tests.conftest import tree

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

PY313 = """\
---
applyTo: "**/*.py"
---

# Python 3.13 Style

Intro text.

## Versions

- Use Python 3.13 or newer.
- Target Python 3.13 or newer everywhere
  - Pin uv 0.5 in CI.

## Typing 2.0

1. Prefer `X | None`.

```python
x: int | None = None
```
"""

PY313_META = """\
id: py313
title: Python 3.13 Style
applies_to:
- '**/*.py'
intro:
- paragraph: Intro text.
source:
  format: copilot
  path: py313.instructions.md
  frontmatter: |+
    ---
    applyTo: "**/*.py"
    ---

quote_globs: true
"""

PY313_SECTIONS = """\
sections:
- title: Versions
  id: versions
  blocks:
  - rule:
      id: use-python-3-13-or-newer
      text: Use Python 3.13 or newer.
  - children:
    - rule:
        id: pin-uv-0-5-in-ci
        text: Pin uv 0.5 in CI.
    rule:
      id: target-python-3-13-or-newer-everywhere
      text: Target Python 3.13 or newer everywhere
- title: Typing 2.0
  id: typing-2-0
  blocks:
  - marker: '1.'
    rule:
      id: prefer-x-none
      text: Prefer `X | None`.
  - code:
      text: 'x: int | None = None

        '
      lang: python
"""


def _import(canon: Run, tmp_path: Path, name: str, data: bytes) -> tuple[str, Path]:
    source = tmp_path / "in" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    out = tmp_path / "std"
    result = canon(["import", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return result.stderr, out


def _compiled_back(canon: Run, folder: Path, out: Path) -> dict[str, bytes]:
    result = canon(["compile", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return tree(out)


def test_import_writes_the_exact_standard_and_compiles_back(canon: Run, tmp_path: Path) -> None:
    stderr, out = _import(canon, tmp_path, "py313.instructions.md", PY313.encode())
    assert stderr == (
        "canon: imported py313 (copilot, rules and sections)\ncanon: 2 written, 0 unchanged\n"
    )
    folder = out / "py313"
    assert tree(out) == {
        "py313/sections.yaml": PY313_SECTIONS.encode(),
        "py313/standard.yaml": PY313_META.encode(),
    }
    back = _compiled_back(canon, folder, tmp_path / "back")
    assert back == {"py313.instructions.md": PY313.encode()}


@mark.parametrize(
    ("bullet", "expected"),
    [
        ("Use Python 3.13 or newer.", "use-python-3-13-or-newer"),
        ("Follow PEP 8 for layout", "follow-pep-8-for-layout"),
        ("2FA for every admin account", "2fa-for-every-admin-account"),
        ("Indent with 4 spaces, never tabs", "indent-with-4-spaces-never-tabs"),
        ("Use SQLAlchemy 2.0 style queries", "use-sqlalchemy-2-0-style-queries"),
    ],
)
def test_rule_ids_keep_the_digits_of_their_text(
    canon: Run, tmp_path: Path, bullet: str, expected: str
) -> None:
    _, out = _import(canon, tmp_path, "ids.md", f"# T\n\n## Rules\n\n- {bullet}\n".encode())
    sections = safe_load((out / "ids" / "sections.yaml").read_text())["sections"]
    assert sections == [
        {"title": "Rules", "id": "rules", "blocks": [{"rule": {"id": expected, "text": bullet}}]}
    ]


def test_rules_differing_only_in_numbers_get_their_own_ids(canon: Run, tmp_path: Path) -> None:
    text = "## Python 3.12\n\n- Use Python 3.12.\n\n## Python 3.13\n\n- Use Python 3.13.\n"
    _, out = _import(canon, tmp_path, "versions.md", text.encode())
    sections = safe_load((out / "versions" / "sections.yaml").read_text())["sections"]
    assert [(section["id"], section["blocks"][0]["rule"]["id"]) for section in sections] == [
        ("python-3-12", "use-python-3-12"),
        ("python-3-13", "use-python-3-13"),
    ]


MIXED = {
    "crlf-then-lf.md": b"# T\r\n\r\n## S\r\n\r\n- a\r\n- b\n",
    "lf-with-one-crlf.md": b"# T\n\n## S\n\n- a\r\n- b\n- c\n",
    "crlf-frontmatter-lf-body.instructions.md": (
        b'---\r\napplyTo: "**/*.py"\r\n---\r\n\r\n# T\n\n- Use Python 3.13.\n'
    ),
    "lone-cr.md": b"# T\n\n- a\r- b\n",
    "crlf-without-final-newline.md": b"# T\r\n\r\n- a\n- b",
}


@mark.parametrize("name", sorted(MIXED))
def test_mixed_line_endings_are_imported_and_come_back_byte_for_byte(
    canon: Run, tmp_path: Path, name: str
) -> None:
    data = MIXED[name]
    stderr, out = _import(canon, tmp_path, name, data)
    (folder,) = list(out.iterdir())
    assert stderr.splitlines()[0].startswith(f"canon: imported {folder.name} (")
    assert _compiled_back(canon, folder, tmp_path / "back") == {name: data}


def test_crlf_file_keeps_its_structure_and_comes_back_with_crlf(canon: Run, tmp_path: Path) -> None:
    data = b"# W\r\n\r\n## S\r\n\r\n- Use Python 3.13 or newer.\r\n  - Nested 2.\r\n"
    stderr, out = _import(canon, tmp_path, "win.md", data)
    assert (
        stderr
        == "canon: imported win (markdown, rules and sections)\ncanon: 2 written, 0 unchanged\n"
    )
    meta = safe_load((out / "win" / "standard.yaml").read_text())
    assert meta == {
        "id": "win",
        "title": "W",
        "source": {"format": "markdown", "path": "win.md", "newline": "\r\n"},
        "quote_globs": True,
    }
    sections = safe_load((out / "win" / "sections.yaml").read_text())["sections"]
    assert sections == [
        {
            "title": "S",
            "id": "s",
            "blocks": [
                {
                    "rule": {"id": "use-python-3-13-or-newer", "text": "Use Python 3.13 or newer."},
                    "children": [{"rule": {"id": "nested-2", "text": "Nested 2."}}],
                }
            ],
        }
    ]
    assert _compiled_back(canon, out / "win", tmp_path / "back") == {"win.md": data}


def test_mixed_file_keeps_its_globs_when_converted(canon: Run, tmp_path: Path) -> None:
    name = "crlf-frontmatter-lf-body.instructions.md"
    _, out = _import(canon, tmp_path, name, MIXED[name])
    folder = out / "crlf-frontmatter-lf-body"
    meta = safe_load((folder / "standard.yaml").read_text())
    assert meta["applies_to"] == ["**/*.py"]
    assert meta["source"]["frontmatter"] == '---\r\napplyTo: "**/*.py"\r\n---\r\n\r\n'
    converted = tmp_path / "cursor"
    result = canon(["compile", str(folder), "-t", "cursor", "--out", str(converted)])
    assert result.exit_code == 0, result.stderr
    assert tree(converted) == {
        ".cursor/rules/crlf-frontmatter-lf-body.mdc": (
            b"---\ndescription: T\nglobs: **/*.py\nalwaysApply: false\n---\n\n"
            b"# T\n\n- Use Python 3.13.\n"
        )
    }


_LINES = (
    "# Title",
    "## Section 2",
    "- Use Python 3.13.",
    "  - nested",
    "1. one",
    "",
    "text",
    "```python",
    "x = 1",
    "```",
    "| a | b |",
)
_FRONTMATTER = (
    "",
    "---\napplyTo: '**/*.py'\n---\n",
    "---\nglobs: *.py\nalwaysApply: false\n---\n\n",
)


def test_random_mixed_endings_all_import_and_come_back(canon: Run, tmp_path: Path) -> None:
    from random import Random

    generator = Random(20261202)
    sources: dict[str, bytes] = {}
    for index in range(40):
        lines = [generator.choice(_LINES) for _ in range(generator.randint(1, 12))]
        head = generator.choice(_FRONTMATTER).split("\n")
        parts = [*head[:-1], *lines] if len(head) > 1 else lines
        text = "".join(f"{line}{generator.choice(['\n', '\r\n'])}" for line in parts)
        suffix = generator.choice([".instructions.md", ".mdc", ".md"])
        sources[f"f{index:02d}{suffix}"] = text.encode()
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in sources.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "std"
    names = [str(folder / name) for name in sources]
    result = canon(["import", *names, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    standards = sorted(str(path) for path in out.iterdir())
    back = tmp_path / "back"
    compiled = canon(["compile", *standards, "--out", str(back)])
    assert compiled.exit_code == 0, compiled.stderr
    assert tree(back) == sources
