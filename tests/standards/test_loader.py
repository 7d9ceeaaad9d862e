"""Every mistake a user can make in the YAML ends in one placed line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path
from re import fullmatch
from typing import TYPE_CHECKING

from pytest import mark, raises

from canon.errors import InputError
from canon.standards.loader import load_standard
from tests.conftest import DEMO_SECTIONS, tree

if TYPE_CHECKING:
    from pytest import MonkeyPatch

    from tests.conftest import Run

SECTIONS = Path("instructions/demo/10-typing.yaml")


def _break(project: Path, old: str, new: str) -> None:
    path = project / SECTIONS
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _assert_one_line_error(result, pattern: str) -> None:
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fullmatch(r"canon: " + pattern, lines[0]), lines[0]
    assert "Traceback" not in result.stderr


@mark.parametrize(
    ("old", "new", "pattern"),
    [
        (
            'text: "Use',
            'txt: "Use',
            r".*10-typing.yaml:7:11: unknown key 'txt' \(did you mean 'text'\?\)",
        ),
        (
            "level: 3",
            "level: 9",
            r".*10-typing.yaml:20:12: sections\.1\.level: .*less than or equal to 6",
        ),
        (
            "- rule: {id: style.short",
            "- rul: {id: style.short",
            r".*10-typing.yaml:22:9: .*needs one of the keys.*",
        ),
        (
            "id: typing.union",
            "id: Typing Union",
            r".*10-typing.yaml:6:15: .*'Typing Union' is not a valid id.*",
        ),
        (
            'text: "Keep functions short."',
            "text: [a, b]",
            r".*10-typing.yaml:22:39: .*text: input should be a valid string",
        ),
        (
            "    blocks:\n      - rule:\n          id: typing.union",
            "    blocks:\n      - rule:\n          idx: typing.union",
            r".*10-typing.yaml:6:11: unknown key 'idx' \(did you mean 'id'\?\)",
        ),
        (
            "  - title: Style\n",
            "  - title: Style\n    title: Again\n",
            r".*10-typing.yaml:20:5: duplicate key 'title' \(first at line 19\)",
        ),
        (
            '      - hr: "---"\n',
            '      - hr: "---"\n\t- hr: x\n',
            r".*10-typing.yaml:19:1: tab character: YAML indents with spaces only",
        ),
        (
            "sections:\n",
            "sections: [\n",
            r".*10-typing.yaml:2:3: invalid YAML: did not find expected node content",
        ),
        (
            "id: style.short",
            "id: typing.union",
            r".*10-typing.yaml:22:20: duplicate rule id 'typing.union' "
            r"\(first at .*10-typing.yaml:6:15\)",
        ),
        (
            "          examples:\n            good",
            "          examplez:\n            good",
            r".*10-typing.yaml:9:11: unknown key 'examplez' \(did you mean 'examples'\?\)",
        ),
    ],
    ids=[
        "misspelt-key",
        "out-of-range",
        "unknown-block",
        "bad-rule-id",
        "wrong-type",
        "misspelt-id",
        "duplicate-yaml-key",
        "tab",
        "invalid-yaml",
        "duplicate-rule-id",
        "misspelt-examples",
    ],
)
def test_compile_malformed_section_exits_2_with_position_and_writes_nothing(
    project: Path, canon: Run, old: str, new: str, pattern: str
) -> None:
    _break(project, old, new)
    before = tree(project)
    result = canon(["compile"])
    _assert_one_line_error(result, pattern)
    assert tree(project) == before


@mark.parametrize(
    ("content", "pattern"),
    [
        (b"", r".*10-typing.yaml:1:1: empty file: expected a YAML mapping"),
        (b"# only a comment\n", r".*10-typing.yaml:1:1: empty file: expected a YAML mapping"),
        (b"sections:\n  - title: caf\xe9\n", r".*10-typing.yaml:2:15: not UTF-8 \(byte 0xe9\)"),
        (b"- just\n- a list\n", r".*10-typing.yaml:1:1: expected a YAML mapping at the top level"),
        (b"sections:\n  - level: 2\n", r".*10-typing.yaml:2:5: missing required key 'title'"),
    ],
    ids=["empty", "only-comment", "not-utf8", "not-a-mapping", "missing-field"],
)
def test_compile_unreadable_section_file_exits_2_with_position(
    project: Path, canon: Run, content: bytes, pattern: str
) -> None:
    (project / SECTIONS).write_bytes(content)
    before = tree(project)
    result = canon(["compile"])
    _assert_one_line_error(result, pattern)
    assert tree(project) == before


def test_compile_checked_rule_without_examples_exits_2(project: Path, canon: Run) -> None:
    _break(project, '            bad: ["def f(x: Optional[int]) -> None: ..."]\n', "")
    result = canon(["compile"])
    _assert_one_line_error(
        result,
        r".*10-typing.yaml:10:13: rule 'typing.union' has a check, "
        r"so it needs a good and a bad example",
    )


def test_compile_output_outside_project_exits_2(project: Path, canon: Run) -> None:
    (project / "instructions/canon.yaml").write_text("standards: [demo]\nout: ../elsewhere\n")
    result = canon(["compile"])
    _assert_one_line_error(
        result, r".*canon.yaml:2:6: output path '../elsewhere' is outside the project"
    )
    assert not (project.parent / "elsewhere").exists()


def test_compile_manifest_names_missing_standard_exits_2(project: Path, canon: Run) -> None:
    (project / "instructions/canon.yaml").write_text("standards:\n  - demo\n  - nowhere\n")
    result = canon(["compile"])
    _assert_one_line_error(result, r".*canon.yaml:3:5: no standard folder instructions/nowhere")


def test_compile_manifest_unknown_target_exits_2(project: Path, canon: Run) -> None:
    (project / "instructions/canon.yaml").write_text("standards: [demo]\ntargets: [copilto]\n")
    result = canon(["compile"])
    _assert_one_line_error(result, r"unknown target 'copilto' \(known: .*copilot.*\)")


def test_compile_without_manifest_exits_2(
    tmp_path: Path, canon: Run, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = canon(["compile"])
    _assert_one_line_error(result, r"no instructions/canon.yaml here or in any parent folder.*")


def test_load_standard_missing_meta_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(DEMO_SECTIONS)
    with raises(InputError, match=r"no standard\.yaml in the standard's folder"):
        load_standard(tmp_path)


def test_load_standard_keeps_document_order_across_files(project: Path) -> None:
    folder = project / "instructions/demo"
    (folder / "05-first.yaml").write_text("sections:\n  - title: First\n")
    (folder / "99-last.yaml").write_text("sections:\n  - title: Last\n")
    standard = load_standard(folder)
    assert [section.title for section in standard.sections] == ["First", "Typing", "Style", "Last"]
    assert [rule.id for rule in standard.rules()] == ["typing.union", "style.short"]
