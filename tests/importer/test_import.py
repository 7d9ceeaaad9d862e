"""`canon import` then `canon compile`: real and quirky files come back byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pytest import mark
from yaml import safe_load

from canon.compiler.frontmatter import split_frontmatter, split_globs
from canon.importer.service import import_text
from canon.standards.loader import load_standard
from tests.conftest import tree

if TYPE_CHECKING:
    from pytest import MonkeyPatch

    from tests.conftest import Run

CORPUS = Path(__file__).parent / "corpus"
CORPUS_FILES = sorted(
    path for path in CORPUS.rglob("*") if path.is_file() and path.name != "SOURCES.md"
)


def _round_trip(canon: Run, source: Path, work: Path) -> tuple[bytes, Path]:
    imported = work / "imported"
    result = canon(["import", str(source), "--out", str(imported)])
    assert result.exit_code == 0, result.stderr
    (folder,) = [path for path in imported.iterdir() if path.is_dir()]
    out = work / "out"
    compiled = canon(["compile", str(folder), "--out", str(out)])
    assert compiled.exit_code == 0, compiled.stderr
    assert list(tree(out)) == [source.name]
    return (out / source.name).read_bytes(), folder


def test_corpus_has_fifteen_files():
    assert len(CORPUS_FILES) == 15


# the format each corpus file is read as, from its name (folders flattened with `__`)
CORPUS_FORMATS = {
    "Cyber-Syntax__my-unicorn__AGENTS.md": "agents-md",
    "NOAA-GSL__wxvx__AGENTS.md": "agents-md",
    "AlexTraveylan__fastauth__CLAUDE.md": "claude",
    "kiat__codeAssist__CLAUDE.md": "claude",
    "dataverse-python.instructions.md": "copilot",
    "go.instructions.md": "copilot",
    "langchain-python.instructions.md": "copilot",
    "markdown-gfm.instructions.md": "copilot",
    "object-calisthenics.instructions.md": "copilot",
    "playwright-python.instructions.md": "copilot",
    "python-mcp-server.instructions.md": "copilot",
    "terraform.instructions.md": "copilot",
    "9crusher__mcp-server-kalshi__.cursor__rules__python.mdc": "cursor",
    "BetterTyped__hyper-fetch__.cursor__rules__testing.mdc": "cursor",
    "DCC-BS__rag-backend__.cursor__rules__python.mdc": "cursor",
}


@mark.parametrize("source", CORPUS_FILES, ids=lambda path: path.name)
def test_import_corpus_file_compiles_back_byte_for_byte(canon: Run, tmp_path: Path, source: Path):
    data, folder = _round_trip(canon, source, tmp_path)
    assert data == source.read_bytes()
    standard = load_standard(folder)
    assert standard.meta.source is not None
    assert standard.meta.source.format == CORPUS_FORMATS[source.name]
    if not source.name.startswith("9crusher"):  # its lists are indented: kept verbatim
        assert standard.rules(), "bullets become rules"


QUIRKS = {
    "trailing.instructions.md": (
        "---\napplyTo: '**/*.py'\n---\n# Title  \n\n"
        "- rule with trailing spaces  \n-\ttab after marker\n\t- tab-indented\n"
    ),
    "no-newline.md": "# Title\n\n- last rule without newline",
    "table.md": (
        "## Table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- a comment -->\n- after comment\n"
    ),
    "keys.instructions.md": (
        '---\napplyTo: **/*.py\nexcludeAgent: "code-review"\nx-custom: [a, b]\n---\n\nBody.\n'
    ),
    "brace.instructions.md": (
        "---\napplyTo: '**/*.{ts,tsx}, src/**'\ndescription: \"Braces\"\n---\n\n- Keep braces.\n"
    ),
    "unclosed.md": "# T\n\n- a rule\n\n```python\ndef f():\n\n    pass\n",
    "loose.md": (
        "# T\n\n- one\n\n- two\n\n\n- three\n   \n1. numbered\n2) other\n    - nested four\n"
    ),
    "setext.md": "Title\n=====\n\nSub\n---\n\ntext\n\n\n\n",
    "crlf.md": "# T\r\n\r\n- a\r\n- b\r\n",
    "empty.md": "",
    "only-frontmatter.mdc": "---\ndescription:\nglobs: *.py\nalwaysApply: false\n---\n",
    "weird-heading.md": (
        "#Not a heading\n##   spaced ##\n####### seven\n# second h1\n\n* star\n+ plus\n"
    ),
}


@mark.parametrize("name", sorted(QUIRKS))
def test_import_quirk_file_compiles_back_byte_for_byte(canon: Run, tmp_path: Path, name: str):
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(QUIRKS[name].encode())
    data, _ = _round_trip(canon, source, tmp_path)
    assert data == source.read_bytes()


def test_import_keeps_unknown_keys_and_brace_globs(tmp_path: Path):
    keys = import_text("keys.instructions.md", QUIRKS["keys.instructions.md"])
    meta = safe_load(keys.files["standard.yaml"])
    assert meta["applies_to"] == ["**/*.py"]
    assert meta["frontmatter"] == {"excludeAgent": "code-review", "x-custom": ["a", "b"]}
    brace = import_text("brace.instructions.md", QUIRKS["brace.instructions.md"])
    assert safe_load(brace.files["standard.yaml"])["applies_to"] == ["**/*.{ts,tsx}", "src/**"]


def test_split_globs_never_splits_inside_braces():
    assert split_globs("**/*.{ts,tsx},**/*.{js,jsx}") == ("**/*.{ts,tsx}", "**/*.{js,jsx}")
    assert split_globs(("a", " b ")) == ("a", "b")


def test_frontmatter_lenient_reads_unquoted_globs():
    found, body = split_frontmatter("---\nglobs: *.py\ndescription:\n---\n\n# B\n")
    assert found is not None and found.fields == {"globs": "*.py", "description": ""}
    assert body == "# B\n"


def test_import_bullets_become_rules_with_stable_ids(tmp_path: Path):
    text = (
        "# T\n\n## Style\n\n- Use ruff for linting.\n- Use ruff for linting.\n"
        "  - Nested rule here.\n"
    )
    first = import_text("style.md", text)
    second = import_text("style.md", text)
    assert first.files == second.files
    sections = safe_load(first.files["sections.yaml"])["sections"]
    assert sections[0]["title"] == "Style"
    ids = [block["rule"]["id"] for block in sections[0]["blocks"]]
    assert ids[0] == "use-ruff-for-linting"
    assert ids[1] == "use-ruff-for-linting-c24535"  # the first 6 hex digits of the text's SHA-1
    assert sections[0]["blocks"][1]["children"][0]["rule"]["id"] == "nested-rule-here"


def test_import_cursor_rule_compiled_for_copilot_gets_apply_to(canon: Run, tmp_path: Path):
    source = CORPUS / "cursor" / "BetterTyped__hyper-fetch__.cursor__rules__testing.mdc"
    imported = tmp_path / "imported"
    assert canon(["import", str(source), "--out", str(imported)]).exit_code == 0
    (folder,) = list(imported.iterdir())
    out = tmp_path / "out"
    result = canon(["compile", str(folder), "-t", "copilot", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    (written,) = list((out / ".github/instructions").iterdir())
    text = written.read_text()
    assert text.startswith('---\napplyTo: "**/__tests__/**/*.ts"\n')
    assert "# Testing Conventions" in text


def test_import_copilot_brace_glob_compiled_for_cursor_keeps_braces(canon: Run, tmp_path: Path):
    source = CORPUS / "copilot" / "object-calisthenics.instructions.md"
    imported = tmp_path / "imported"
    assert canon(["import", str(source), "--out", str(imported)]).exit_code == 0
    out = tmp_path / "out"
    assert (
        canon(
            [
                "compile",
                str(imported / "object-calisthenics"),
                "-t",
                "cursor",
                "-t",
                "claude",
                "--out",
                str(out),
            ]
        ).exit_code
        == 0
    )
    assert (
        "globs: **/*.{cs,ts,java}\n" in (out / ".cursor/rules/object-calisthenics.mdc").read_text()
    )
    assert '  - "**/*.{cs,ts,java}"' in (out / ".claude/rules/object-calisthenics.md").read_text()


def test_import_edited_globs_regenerate_frontmatter(canon: Run, tmp_path: Path):
    source = tmp_path / "in" / "brace.instructions.md"
    source.parent.mkdir()
    source.write_text(QUIRKS["brace.instructions.md"])
    imported = tmp_path / "imported"
    assert canon(["import", str(source), "--out", str(imported)]).exit_code == 0
    meta = imported / "brace" / "standard.yaml"
    meta.write_text(meta.read_text().replace("- src/**", "- lib/**"))
    out = tmp_path / "out"
    assert canon(["compile", str(imported / "brace"), "--out", str(out)]).exit_code == 0
    assert (
        (out / "brace.instructions.md")
        .read_text()
        .startswith('---\napplyTo: "**/*.{ts,tsx},lib/**"\ndescription: "Braces"\n---\n')
    )


def test_import_refuses_unrepresentable_file_writing_nothing(canon: Run, tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text("# Fine\n")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# Title\n\xff\xfe broken\n")
    out = tmp_path / "out"
    result = canon(["import", str(good), str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"canon: {bad.as_posix()}:2: not UTF-8 text; refused\n"
    assert not out.exists()


def test_import_refuses_when_the_round_trip_differs(
    canon: Run, tmp_path: Path, monkeypatch: MonkeyPatch
):
    from canon.compiler.original import render_original
    from canon.importer import service

    def lossy(standard):
        output = render_original(standard)
        return type(output)(
            path=output.path,
            content=output.content.rstrip("\n"),
            standard=output.standard,
            target=output.target,
        )

    monkeypatch.setattr(service, "render_original", lossy)
    source = tmp_path / "x.md"
    source.write_text("# T\n\n- a\n")
    out = tmp_path / "out"
    result = canon(["import", str(source), "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "x.md: cannot be imported so that it compiles back byte for byte; refused\n"
    )
    assert result.stderr.count("\n") == 1
    assert not out.exists()


@mark.parametrize("text", [" \n", "---\ndescription: x\n---\n \t", "\n\n"])
def test_import_whitespace_only_body_round_trips(text: str):
    imported = import_text("odd.mdc", text)
    assert imported.files


def test_import_two_files_same_name_get_separate_folders(canon: Run, tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "AGENTS.md").write_text("# A\n")
    (tmp_path / "b" / "AGENTS.md").write_text("# B\n")
    out = tmp_path / "o"
    result = canon(
        ["import", str(tmp_path / "a/AGENTS.md"), str(tmp_path / "b/AGENTS.md"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["agents", "agents-2"]
    compiled = tmp_path / "c"
    assert canon(["compile", str(out / "agents-2"), "--out", str(compiled)]).exit_code == 0
    assert (compiled / "AGENTS.md").read_text() == "# B\n"


def test_import_unknown_keys_survive_conversion_to_the_same_format(canon: Run, tmp_path: Path):
    source = tmp_path / "keys.instructions.md"
    source.write_text(QUIRKS["keys.instructions.md"])
    out = tmp_path / "o"
    assert canon(["import", str(source), "--out", str(out)]).exit_code == 0
    compiled = tmp_path / "c"
    result = canon(
        ["compile", str(out / "keys"), "-t", "copilot", "-t", "cursor", "--out", str(compiled)]
    )
    assert result.exit_code == 0, result.stderr
    copilot = (compiled / ".github/instructions/keys.instructions.md").read_text()
    assert copilot.startswith(
        '---\napplyTo: "**/*.py"\nexcludeAgent: code-review\nx-custom:\n  - "a"\n  - "b"\n---\n'
    )
    assert "excludeAgent" not in (compiled / ".cursor/rules/keys.mdc").read_text()


def test_import_crlf_file_keeps_structure_and_line_endings():
    imported = import_text("win.md", "# T\r\n\r\n## S\r\n\r\n- a\r\n- b\r\n")
    assert imported.structured
    sections = safe_load(imported.files["sections.yaml"])["sections"]
    assert [block["rule"]["text"] for block in sections[0]["blocks"]] == ["a", "b"]


def test_import_again_refused_then_forced_leaves_other_files_alone(canon: Run, tmp_path: Path):
    source = tmp_path / "doc.md"
    source.write_text("# T\n\n## S\n\n- a\n")
    out = tmp_path / "out"
    assert canon(["import", str(source), "--out", str(out)]).exit_code == 0
    assert sorted(path.name for path in (out / "doc").iterdir()) == [
        "sections.yaml",
        "standard.yaml",
    ]
    before = tree(out)
    source.write_text("Just a paragraph.\n")
    refused = canon(["import", str(source), "--out", str(out)])
    assert (refused.exit_code, refused.stderr) == (
        2,
        f"canon: {out / 'doc'}: a standard 'doc' exists here already; pass --force to replace "
        "the files import writes (others are left alone), or choose another --out\n",
    )
    assert tree(out) == before
    forced = canon(["import", str(source), "--out", str(out), "--force"])
    assert forced.exit_code == 0
    assert forced.stderr == (
        "canon: imported doc (markdown, rules and sections)\n"
        f"canon: replaced {out / 'doc/standard.yaml'}\n"
        f"canon: warning: {out / 'doc/sections.yaml'}: not written by this import; left alone, "
        "still in the standard\n"
        "canon: 1 written, 0 unchanged\n"
    )
    assert (out / "doc" / "sections.yaml").read_bytes() == before["doc/sections.yaml"]


_PIECES = (
    "# Title",
    "## Sec",
    "### Sub",
    "- item",
    "- item  ",
    "  - nested",
    "    - four",
    "1. one",
    "2) two",
    "* star",
    "",
    "",
    " ",
    "\t",
    "para text",
    "more text  ",
    "```python",
    "```",
    "~~~",
    "code line",
    "    indented code",
    "| a | b |",
    "|---|---|",
    "<!-- c -->",
    "> quote",
    "---",
    "Setext",
    "===",
    "-",
    "- ",
    "\ttabbed",
    "- [ ] task",
    "<div>",
)
_HEADERS = ("", "---\napplyTo: '**/*.py'\n---\n", "---\nglobs: *.py\nalwaysApply: false\n---\n\n")


def test_import_random_markdown_always_round_trips():
    from random import Random

    generator = Random(20261127)
    structured = 0
    for _ in range(150):
        lines = [generator.choice(_PIECES) for _ in range(generator.randint(0, 20))]
        body = "\n".join(lines) + generator.choice(["", "\n", "\n\n", " \n"])
        name = generator.choice(["x.instructions.md", "x.mdc", "AGENTS.md", "CLAUDE.md", "x.md"])
        imported = import_text(name, generator.choice(_HEADERS) + body)  # raises if it cannot
        structured += imported.structured
    assert structured >= 140


@mark.parametrize(
    ("relative", "text", "expected"),
    [
        (".claude/rules/py.md", '---\npaths:\n  - "src/**/*.py"\n---\n\n- Typed.\n', "claude"),
        (
            ".windsurf/rules/py.md",
            "---\ntrigger: glob\nglobs: src/**/*.py\n---\n\n- Typed.\n",
            "windsurf",
        ),
        (
            "o__r__.kiro__steering__py.md",
            "---\ninclusion: fileMatch\nfileMatchPattern: 'src/**/*.py'\n---\n- Typed.\n",
            "kiro",
        ),
    ],
)
def test_import_rule_folder_formats_read_their_globs(
    canon: Run, tmp_path: Path, relative: str, text: str, expected: str
):
    source = tmp_path / "repo" / relative
    source.parent.mkdir(parents=True)
    source.write_text(text)
    out = tmp_path / "o"
    assert canon(["import", str(source), "--out", str(out)]).exit_code == 0
    (folder,) = list(out.iterdir())
    standard = load_standard(folder)
    assert standard.meta.source is not None and standard.meta.source.format == expected
    assert standard.meta.applies_to == ("src/**/*.py",)
    data, _ = _round_trip(canon, source, tmp_path / "rt")
    assert data == text.encode()
    converted = tmp_path / "converted"
    assert canon(["compile", str(folder), "-t", "copilot", "--out", str(converted)]).exit_code == 0
    (written,) = list((converted / ".github/instructions").iterdir())
    assert written.read_text().startswith('---\napplyTo: "src/**/*.py"\n---\n')


def test_import_tab_and_four_space_nesting_become_nested_rules():
    text = (
        "## S\n\n- Parent:\n\t- Tab child\n- Other:\n    - Four-space child\n1. One\n   - Three\n"
    )
    imported = import_text("nest.md", text)
    blocks = safe_load(imported.files["sections.yaml"])["sections"][0]["blocks"]
    assert blocks[0]["indent"] == "\t"
    assert blocks[0]["children"][0]["rule"]["text"] == "Tab child"
    assert blocks[1]["indent"] == "    "
    assert blocks[1]["children"][0]["rule"]["text"] == "Four-space child"
    assert "indent" not in blocks[2]
    assert blocks[2]["children"][0]["rule"]["text"] == "Three"


def test_import_byte_order_mark_keeps_frontmatter_and_title():
    with_frontmatter = import_text("b.instructions.md", "\ufeff---\napplyTo: '**/*.go'\n---\n# T\n")
    assert safe_load(with_frontmatter.files["standard.yaml"])["applies_to"] == ["**/*.go"]
    plain = import_text("b.md", "\ufeff\n# Title\n\n- a\n")
    assert safe_load(plain.files["standard.yaml"])["title"] == "Title"


CORPUS_SHA256 = {
    "agents-md/Cyber-Syntax__my-unicorn__AGENTS.md": "f784b3a4765bfbc0",
    "agents-md/NOAA-GSL__wxvx__AGENTS.md": "8852068343b6a0b7",
    "claude-md/AlexTraveylan__fastauth__CLAUDE.md": "12508a85e2948d90",
    "claude-md/kiat__codeAssist__CLAUDE.md": "15d9fc052ed86211",
    "copilot/dataverse-python.instructions.md": "2b671b7e2e99083b",
    "copilot/go.instructions.md": "c73b7cece283d87e",
    "copilot/langchain-python.instructions.md": "62a8481b6d21f1c4",
    "copilot/markdown-gfm.instructions.md": "72dff55a1857da1b",
    "copilot/object-calisthenics.instructions.md": "6c90406954930e94",
    "copilot/playwright-python.instructions.md": "b26b8501da469360",
    "copilot/python-mcp-server.instructions.md": "55adf9aa3d8e7e5d",
    "copilot/terraform.instructions.md": "23cf9ba17bcd3836",
    "cursor/9crusher__mcp-server-kalshi__.cursor__rules__python.mdc": "116d15c5ece264d9",
    "cursor/BetterTyped__hyper-fetch__.cursor__rules__testing.mdc": "94fa4616d37ff713",
    "cursor/DCC-BS__rag-backend__.cursor__rules__python.mdc": "5bb7ca3ad9be653b",
}


def test_corpus_files_are_the_originals_byte_for_byte():
    """Formatters must never touch the fixtures (ruff formats Markdown code blocks)."""
    from hashlib import sha256

    found = {
        path.relative_to(CORPUS).as_posix(): sha256(path.read_bytes()).hexdigest()[:16]
        for path in CORPUS_FILES
    }
    assert found == CORPUS_SHA256
