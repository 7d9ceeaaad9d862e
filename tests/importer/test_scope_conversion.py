"""Adopted files convert faithfully: scope and description survive a change of assistant.

Each scoped file of the import corpus is imported, compiled for every assistant that scopes
files, and the written frontmatter is read back: the globs are the source's, and so is the
description wherever the format has a key for it (elsewhere a warning names what was left out).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pytest import fixture, mark
from typer.testing import CliRunner

from canon.cli import app
from canon.compiler.frontmatter import meta_fields, parse_fields, split_frontmatter
from canon.compiler.targets import get_target

if TYPE_CHECKING:
    from pytest import TempPathFactory

    from tests.conftest import Run

CORPUS = Path(__file__).parent / "corpus"

# what the source files say (globs, description), read by eye from their frontmatter
SOURCES = {
    "copilot/dataverse-python.instructions.md": (("**",), ""),
    "copilot/go.instructions.md": (
        ("**/*.go", "**/go.mod", "**/go.sum"),
        "Instructions for writing Go code following idiomatic Go practices and community standards",
    ),
    "copilot/langchain-python.instructions.md": (
        ("**/*.py",),
        "Instructions for using LangChain with Python",
    ),
    "copilot/markdown-gfm.instructions.md": (
        ("**/*.md",),
        "Markdown formatting for GitHub-flavored markdown (GFM) files",
    ),
    "copilot/object-calisthenics.instructions.md": (
        ("**/*.{cs,ts,java}",),
        "Enforces Object Calisthenics principles for business domain code to ensure clean, "
        "maintainable, and robust code",
    ),
    "copilot/playwright-python.instructions.md": (
        ("**",),
        "Playwright Python AI test generation instructions based on official documentation.",
    ),
    "copilot/python-mcp-server.instructions.md": (
        ("**/*.py", "**/pyproject.toml", "**/requirements.txt"),
        "Instructions for building Model Context Protocol (MCP) servers using the Python SDK",
    ),
    "copilot/terraform.instructions.md": (("**/*.tf",), "Terraform Conventions and Guidelines"),
    "cursor/9crusher__mcp-server-kalshi__.cursor__rules__python.mdc": (
        ("*.py",),
        "Use when writing python",
    ),
    "cursor/BetterTyped__hyper-fetch__.cursor__rules__testing.mdc": (
        ("**/__tests__/**/*.ts",),
        "Testing conventions -- no as any, proper typing",
    ),
    "cursor/DCC-BS__rag-backend__.cursor__rules__python.mdc": (("*.py",), ""),
}
SCOPED_TARGETS = ("copilot", "cursor", "windsurf", "continue", "kiro", "claude", "cline")


@fixture(scope="module")
def imported(tmp_path_factory: TempPathFactory) -> dict[str, Path]:
    """Each source imported once: its standard folder."""
    folders = {}
    for name in SOURCES:
        out = tmp_path_factory.mktemp("imported")
        result = CliRunner().invoke(app, ["import", str(CORPUS / name), "--out", str(out)])
        assert result.exit_code == 0, result.stderr
        (folders[name],) = [path for path in out.iterdir() if path.is_dir()]
    return folders


@mark.parametrize("target", SCOPED_TARGETS)
@mark.parametrize("name", SOURCES)
def test_conversion_keeps_globs_and_says_what_it_drops(
    canon: Run, imported: dict[str, Path], tmp_path: Path, name: str, target: str
):
    globs, description = SOURCES[name]
    info = get_target(target).info
    result = canon(["compile", str(imported[name]), "-t", target, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    written = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    assert written
    for path in written:
        front, _ = split_frontmatter(path.read_text(encoding="utf-8"))
        assert front is not None, path
        meta = meta_fields(info.glob_key, front.fields)
        assert meta.applies_to == globs, path
        # Cursor writes the title when there is no description (see the test below)
        if "description" in info.frontmatter and (description or target != "cursor"):
            assert meta.description == description, path
    dropped = [line for line in result.stderr.splitlines() if "has no description key" in line]
    keeps = "description" in info.frontmatter
    assert len(dropped) == (0 if keeps or not description else len(written))


def test_cursor_gets_the_description_or_the_title(canon: Run, imported, tmp_path: Path):
    name = "copilot/dataverse-python.instructions.md"  # no description: Cursor gets the title
    result = canon(["compile", str(imported[name]), "-t", "cursor", "--out", str(tmp_path)])
    assert result.exit_code == 0
    text = (tmp_path / ".cursor/rules/dataverse-python.mdc").read_text(encoding="utf-8")
    assert text.startswith(
        "---\ndescription: Dataverse SDK for Python — Getting Started\nglobs: **\n"
        "alwaysApply: false\n---\n"
    )


def test_kiro_warns_with_the_description_it_leaves_out(canon: Run, imported, tmp_path: Path):
    name = "cursor/9crusher__mcp-server-kalshi__.cursor__rules__python.mdc"
    result = canon(["compile", "-q", str(imported[name]), "-t", "kiro", "--out", str(tmp_path)])
    folder = imported[name]
    assert result.stderr == (
        f"canon: warning: {folder / 'standard.yaml'}:4:1: kiro has no description key: "
        ".kiro/steering/9crusher-mcp-server-kalshi-cursor-rules-python.md leaves out the "
        "description of 9crusher-mcp-server-kalshi-cursor-rules-python "
        "('Use when writing python')\n"
    )


LISTED = """\
---
description: >-
  Service layer rules:
  keep handlers thin
globs:
- 'src/**/*.ts'
- "tests/**/*.ts"
alwaysApply: false
---

# Services

- Keep handlers thin.
"""


def test_cursor_block_list_globs_stay_scoped_for_copilot_and_cursor(canon: Run, tmp_path: Path):
    source = tmp_path / "services.mdc"
    source.write_text(LISTED, encoding="utf-8")
    out = tmp_path / "imported"
    assert canon(["import", str(source), "--out", str(out)]).exit_code == 0
    folder = out / "services"
    copilot = canon(["compile", str(folder), "-t", "copilot", "--out", str(tmp_path / "c")])
    assert copilot.exit_code == 0, copilot.stderr
    written = tmp_path / "c/.github/instructions/services.instructions.md"
    assert [path.name for path in (tmp_path / "c").rglob("*.md")] == [written.name]
    assert written.read_text(encoding="utf-8").startswith(
        '---\napplyTo: "src/**/*.ts,tests/**/*.ts"\n'
        'description: "Service layer rules: keep handlers thin"\n---\n'
    )
    windsurf = canon(["compile", str(folder), "-t", "windsurf", "--out", str(tmp_path / "w")])
    assert windsurf.exit_code == 0
    rule = (tmp_path / "w/.windsurf/rules/services.md").read_text(encoding="utf-8")
    assert rule.startswith("---\ntrigger: glob\nglobs: src/**/*.ts,tests/**/*.ts\n")
    # back to Cursor: the file it came from, byte for byte
    cursor = canon(["compile", str(folder), "--out", str(tmp_path / "back")])
    assert cursor.exit_code == 0
    assert (tmp_path / "back/services.mdc").read_text(encoding="utf-8") == LISTED


def test_cursor_quotes_a_description_yaml_would_misread(canon: Run, tmp_path: Path):
    source = tmp_path / "api.instructions.md"
    source.write_text(
        "---\napplyTo: 'api/**'\ndescription: 'API: handlers # and routes'\n---\n\n# API\n",
        encoding="utf-8",
    )
    out = tmp_path / "imported"
    assert canon(["import", str(source), "--out", str(out)]).exit_code == 0
    result = canon(["compile", str(out / "api"), "-t", "cursor", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    text = (tmp_path / "o/.cursor/rules/api.mdc").read_text(encoding="utf-8")
    assert text.startswith('---\ndescription: "API: handlers # and routes"\nglobs: api/**\n')


@mark.parametrize(
    ("inner", "expected"),
    [
        ("globs:\n- '*.ts'\n- \"*.tsx\"\n", {"globs": ("*.ts", "*.tsx")}),
        ("globs:\n    - a\n    - b\n", {"globs": ("a", "b")}),
        ('globs: ["a", b]\n', {"globs": ("a", "b")}),
        ("description: |\n  one\n  # two\n\nx: 1\n", {"description": "one\n# two\n", "x": "1"}),
        ("description: |-\n  one\n  two\n", {"description": "one\ntwo"}),
        ("description: |+\n  one\n\n\nx: 1\n", {"description": "one\n\n\n", "x": "1"}),
        ("description: >\n  one\n  two\n\n  three\n", {"description": "one two\nthree\n"}),
        ("description: a long\n  wrapped line\n", {"description": "a long wrapped line"}),
        ("description: 'a quoted\n  one'\n", {"description": "a quoted one"}),
        ("# a comment\ndescription:\n  below the key\n", {"description": "below the key"}),
        ("a: b\nnot a key\n", None),
        ("a: x\n- item\n", None),
        ("a: 1\na: 2\n", None),
    ],
)
def test_frontmatter_value_forms(inner: str, expected: dict | None):
    assert parse_fields(inner) == expected
