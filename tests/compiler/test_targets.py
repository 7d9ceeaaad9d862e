"""Every target through the real CLI: places, shapes, scoping, limits, determinism."""

from __future__ import annotations

from pathlib import Path
from re import fullmatch
from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture, mark

from tests.conftest import REPO, tree

if TYPE_CHECKING:
    from pytest import TempPathFactory

    from tests.conftest import Run

PYTHON = REPO / "instructions" / "python"

EXPECTED_PATHS = {
    ".aider.conf.yml",
    ".amazonq/rules/python.md",
    ".claude/rules/python.md",
    ".clinerules/python.md",
    ".continue/rules/python.md",
    ".cursor/rules/python.mdc",
    ".github/instructions/python.instructions.md",
    ".junie/guidelines.md",
    ".kiro/steering/python.md",
    ".roo/rules/python.md",
    ".rules",
    ".windsurf/rules/python-01.md",
    ".windsurf/rules/python-02.md",
    ".windsurf/rules/python-03.md",
    "AGENTS.md",
    "CONVENTIONS.md",
    "GEMINI.md",
}


@fixture(scope="module")
def compiled_all(tmp_path_factory: TempPathFactory) -> dict[str, str]:
    from typer.testing import CliRunner

    from canon.cli import app

    out = tmp_path_factory.mktemp("all")
    result = CliRunner().invoke(app, ["compile", str(PYTHON), "--target", "all", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return {name: data.decode() for name, data in tree(out).items()}


def _frontmatter(text: str) -> list[str]:
    assert text.startswith("---\n")
    return text[4:].split("\n---\n", 1)[0].splitlines()


def test_compile_target_all_writes_every_format_in_its_place(compiled_all: dict[str, str]):
    assert set(compiled_all) == EXPECTED_PATHS


def test_compile_target_all_copilot_is_the_seed(compiled_all: dict[str, str]):
    seed = Path("/work/shared/seed/python.instructions.md")
    expected = (REPO / ".github/instructions/python.instructions.md").read_text()
    assert compiled_all[".github/instructions/python.instructions.md"] == expected
    if seed.exists():
        assert expected == seed.read_text()


@mark.parametrize(
    ("path", "lines"),
    [
        (
            ".cursor/rules/python.mdc",
            [
                "description: Project Coding Standards for Python Files",
                "globs: **/*.py",
                "alwaysApply: false",
            ],
        ),
        (".claude/rules/python.md", ["paths:", '  - "**/*.py"']),
        (".clinerules/python.md", ["paths:", '  - "**/*.py"']),
        (".kiro/steering/python.md", ["inclusion: fileMatch", 'fileMatchPattern: "**/*.py"']),
        (".windsurf/rules/python-01.md", ["trigger: glob", "globs: **/*.py"]),
        (
            ".continue/rules/python.md",
            [
                'name: "Project Coding Standards for Python Files"',
                "globs:",
                '  - "**/*.py"',
                "alwaysApply: false",
            ],
        ),
    ],
)
def test_compile_scoped_formats_carry_globs_in_frontmatter(
    compiled_all: dict[str, str], path: str, lines: list[str]
):
    assert _frontmatter(compiled_all[path]) == lines


@mark.parametrize(
    "path",
    ["AGENTS.md", ".rules", "CONVENTIONS.md", ".junie/guidelines.md", ".roo/rules/python.md"],
)
def test_compile_unscoped_formats_say_which_files_in_a_line(
    compiled_all: dict[str, str], path: str
):
    text = compiled_all[path]
    assert not text.startswith("---")
    assert "**Applies only to files matching** `**/*.py`." in text.split("\n## ", 1)[0]


def test_compile_gemini_imports_agents_md_when_both_written(compiled_all: dict[str, str]):
    assert compiled_all["GEMINI.md"] == "@AGENTS.md\n"
    assert compiled_all[".aider.conf.yml"].endswith("read:\n  - CONVENTIONS.md\n")


def test_compile_windsurf_parts_stay_under_limit_and_keep_every_rule(compiled_all: dict[str, str]):
    parts = [compiled_all[f".windsurf/rules/python-0{index}.md"] for index in (1, 2, 3)]
    assert all(len(part) <= 12_000 for part in parts)
    whole = compiled_all[".github/instructions/python.instructions.md"]
    bullets = [line for line in whole.splitlines() if line.startswith("- ")]
    joined = "\n".join(parts)
    assert all(bullet in joined for bullet in bullets)


def test_compile_warns_about_each_fallback_on_stderr(canon: Run, tmp_path: Path):
    result = canon(["compile", str(PYTHON), "-t", "agents-md", "-t", "zed", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "agents-md cannot limit a file to some paths" in result.stderr
    assert "zed cannot limit a file to some paths" in result.stderr


def test_compile_output_independent_of_target_order(canon: Run, tmp_path: Path):
    names = ["zed", "claude", "agents-md", "windsurf", "copilot", "gemini"]
    first, second = tmp_path / "a", tmp_path / "b"
    forward = [arg for name in names for arg in ("-t", name)]
    reverse = [arg for name in reversed(names) for arg in ("-t", name)]
    assert canon(["compile", str(PYTHON), *forward, "--out", str(first)]).exit_code == 0
    assert canon(["compile", str(PYTHON), *reverse, "--out", str(second)]).exit_code == 0
    assert tree(first) == tree(second)


def _standard(folder: Path, meta: str, sections: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(meta)
    (folder / "10-rules.yaml").write_text(sections)
    return folder


def test_compile_claude_imports_agents_md_for_unscoped_standard(canon: Run, tmp_path: Path):
    std = _standard(
        tmp_path / "team",
        "id: team\ntitle: Team\n",
        "sections:\n  - title: Rules\n    blocks:\n      - rule: {id: a, text: Be kind.}\n",
    )
    out = tmp_path / "out"
    assert (
        canon(["compile", str(std), "-t", "claude", "-t", "agents-md", "--out", str(out)]).exit_code
        == 0
    )
    assert (out / "CLAUDE.md").read_text() == "@AGENTS.md\n"
    assert (out / "AGENTS.md").read_text() == "# Team\n\n## Rules\n\n- Be kind.\n"
    alone = tmp_path / "alone"
    assert canon(["compile", str(std), "-t", "claude", "--out", str(alone)]).exit_code == 0
    assert (alone / "CLAUDE.md").read_text() == "# Team\n\n## Rules\n\n- Be kind.\n"


def test_compile_assistants_and_not_for_select_rules_and_standards(canon: Run, tmp_path: Path):
    std = _standard(
        tmp_path / "team",
        "id: team\nnot_for: [zed]\n",
        "sections:\n  - title: Rules\n    blocks:\n"
        "      - rule: {id: a, text: For all.}\n"
        "      - rule: {id: b, text: Cursor only., assistants: [cursor]}\n"
        "      - rule: {id: c, text: Not cursor., not_for: [cursor]}\n",
    )
    out = tmp_path / "out"
    result = canon(
        ["compile", str(std), "-t", "cursor", "-t", "copilot", "-t", "zed", "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    cursor = (out / ".cursor/rules/team.mdc").read_text()
    copilot = (out / ".github/copilot-instructions.md").read_text()
    assert "Cursor only." in cursor and "Not cursor." not in cursor
    assert "Cursor only." not in copilot and "Not cursor." in copilot
    assert not (out / ".rules").exists()
    assert "alwaysApply: true" in cursor


def test_compile_rule_globs_written_inline_with_warning(canon: Run, tmp_path: Path):
    std = _standard(
        tmp_path / "team",
        "id: team\n",
        "sections:\n  - title: Rules\n    blocks:\n"
        "      - rule: {id: a, text: Test names., applies_to: ['tests/**']}\n",
    )
    result = canon(["compile", str(std), "-t", "agents-md", "--out", str(tmp_path / "out")])
    assert "rule a is scoped inline" in result.stderr
    assert (
        "- Test names. (only in files matching `tests/**`)"
        in (tmp_path / "out/AGENTS.md").read_text()
    )


def test_compile_oversize_unsplittable_fails_with_size_and_limit(canon: Run, tmp_path: Path):
    big = "x" * 13_000
    std = _standard(
        tmp_path / "big",
        "id: big\n",
        f"sections:\n  - title: One\n    blocks:\n      - paragraph: {big}\n",
    )
    out = tmp_path / "out"
    result = canon(["compile", str(std), "-t", "windsurf", "--out", str(out)])
    assert result.exit_code == 2
    assert ".windsurf/rules/big.md is 13," in result.stderr
    assert "limit of 12,000" in result.stderr
    assert not out.exists() or not any(out.rglob("*.md"))
    allowed = canon(["compile", str(std), "-t", "windsurf", "--allow-oversize", "--out", str(out)])
    assert allowed.exit_code == 0
    assert "allowed by --allow-oversize" in allowed.stderr


def test_compile_unknown_target_is_one_line_error(canon: Run, tmp_path: Path):
    result = canon(["compile", str(PYTHON), "-t", "nope", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("canon: unknown target 'nope'")
    assert result.stderr.count("\n") == 1


def test_targets_json_lists_every_target_with_facts(canon: Run):
    result = canon(["targets", "--format", "json"])
    assert result.exit_code == 0
    document = loads(result.stdout)
    names = [entry["name"] for entry in document]
    assert names == sorted(names)
    assert names == [
        "agents-md",
        "aider",
        "amazonq",
        "claude",
        "cline",
        "continue",
        "copilot",
        "cursor",
        "gemini",
        "junie",
        "kiro",
        "roo",
        "windsurf",
        "zed",
    ]
    windsurf = next(entry for entry in document if entry["name"] == "windsurf")
    assert windsurf["size_limit"] == 12_000
    assert windsurf["paths"] == [".windsurf/rules/{name}.md"]
    assert all(entry["doc_url"].startswith("https://") for entry in document)
    assert all(fullmatch(r"20\d\d-[01]\d-[0-3]\d", entry["checked"]) for entry in document)


def test_targets_text_lists_names(canon: Run):
    result = canon(["targets"])
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "agents-md  AGENTS.md\n"
        "           no limit; no scoping (a line says which files); https://agents.md\n"
    )
    assert (
        "windsurf   .windsurf/rules/{name}.md\n"
        "           12,000 chars; trigger: glob with globs:; "
        "https://docs.windsurf.com/windsurf/cascade/memories\n"
    ) in result.stdout


def test_compile_copilot_repository_file_warns_past_code_review_limit(canon: Run, tmp_path: Path):
    long_text = "y" * 4_100
    std = _standard(
        tmp_path / "wide",
        "id: wide\n",
        f"sections:\n  - title: One\n    blocks:\n      - paragraph: {long_text}\n",
    )
    result = canon(["compile", str(std), "-t", "copilot", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "Copilot code review reads only the first 4,000" in result.stderr


def test_compile_manifest_target_all_means_the_manifest_targets(canon: Run, project: Path):
    manifest = project / "instructions" / "canon.yaml"
    manifest.write_text("standards: [demo]\ntargets: [cursor, agents-md]\n")
    result = canon(["compile", "--target", "all"])
    assert result.exit_code == 0, result.stderr
    assert (project / ".cursor/rules/demo.mdc").is_file()
    assert (project / "AGENTS.md").is_file()
    assert not (project / ".github").exists()
    refused = canon(["compile", "--target", "zed"])
    assert refused.exit_code == 2
    assert "target 'zed' is not in the manifest" in refused.stderr


def test_compile_manifest_all_targets_then_check_is_clean(canon: Run, project: Path):
    manifest = project / "instructions" / "canon.yaml"
    manifest.write_text("standards: [demo]\ntargets: [all]\n")
    assert canon(["compile"]).exit_code == 0
    check = canon(["compile", "--check"])
    assert check.exit_code == 0, check.stdout
    manifest.write_text("standards: [demo]\ntargets: [copilot]\n")
    stale = canon(["compile", "--check"])
    assert stale.exit_code == 1
    assert "orphaned: .windsurf/rules/demo.md" in stale.stderr


def test_compile_rule_globs_get_their_own_scoped_file_where_possible(canon: Run, tmp_path: Path):
    std = _standard(
        tmp_path / "team",
        "id: team\ntitle: Team\n",
        "sections:\n  - title: Rules\n    blocks:\n"
        "      - rule: {id: a, text: Everywhere.}\n"
        "      - rule: {id: b, text: Test names., applies_to: ['tests/**/*.py']}\n",
    )
    out = tmp_path / "out"
    result = canon(
        ["compile", str(std), "-t", "copilot", "-t", "cursor", "-t", "agents-md", "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    scoped = (out / ".github/instructions/team-tests-py.instructions.md").read_text()
    assert scoped == '---\napplyTo: "tests/**/*.py"\n---\n\n# Team\n\n## Rules\n\n- Test names.\n'
    assert "Test names." not in (out / ".github/copilot-instructions.md").read_text()
    assert "globs: tests/**/*.py\n" in (out / ".cursor/rules/team-tests-py.mdc").read_text()
    agents = (out / "AGENTS.md").read_text()
    assert "- Test names. (only in files matching `tests/**/*.py`)" in agents
    assert "holds b (only tests/**/*.py)" in result.stderr


def test_compile_frontmatter_keys_are_the_ones_each_target_declares(compiled_all):
    from canon.compiler.targets import get_target

    owners = {
        ".github/": "copilot",
        ".claude/": "claude",
        ".cursor/": "cursor",
        ".windsurf/": "windsurf",
        ".continue/": "continue",
        ".kiro/": "kiro",
        ".clinerules/": "cline",
    }
    checked = 0
    for path, text in compiled_all.items():
        owner = next((name for prefix, name in owners.items() if path.startswith(prefix)), None)
        if owner is None:
            assert not text.startswith("---\n"), path
            continue
        keys = [line.split(":")[0] for line in _frontmatter(text) if not line.startswith(" ")]
        assert keys and set(keys) <= set(get_target(owner).info.frontmatter), path
        checked += 1
    assert checked == 9


@mark.parametrize(("name", "shown"), [("copilot", "Copilot"), ("agents-md", "AgentsMd")])
def test_target_repr_names_class_and_target(name: str, shown: str) -> None:
    from canon.compiler.targets import get_target

    assert repr(get_target(name)) == f"{shown}({name=})"
