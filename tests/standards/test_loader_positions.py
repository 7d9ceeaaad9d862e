"""Loader errors, nested ones included: the exact one line `canon: path:line:col: what`, exit 2.

Each case writes the standard `demo` (and its section files) of a fresh project, runs
`canon compile` and expects exactly one line on stderr, exit code 2 and nothing written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark

from tests.conftest import tree

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

META = "id: demo\ntitle: Demo\n"
SECTIONS = "instructions/demo/10-typing.yaml"

GRANDCHILD = """\
sections:
  - title: A
    blocks:
      - rule:
          id: a.top
          text: Top rule.
        children:
          - rule:
              id: a.child
              text: Child rule.
            children:
              - rule: {id: a.top, text: Grandchild repeats the top.}
"""
SIBLINGS_UNDER_ITEM = """\
sections:
  - title: A
    blocks:
      - item: Not a rule
        children:
          - rule: {id: a.x, text: X.}
          - rule: {id: a.x, text: X again.}
"""
TOP_LEVEL = "sections:\n  - title: A\n    blocks:\n      - rule: {id: a.x, text: X.}\n"
NESTED_IN_OTHER_FILE = """\
sections:
  - title: B
    blocks:
      - item: Group
        children:
          - rule: {id: a.x, text: X elsewhere.}
"""
INTRO_RULE = "intro:\n  - rule: {id: a.x, text: In the intro.}\n"
NESTED_TYPO = """\
sections:
  - title: A
    blocks:
      - item: Group
        children:
          - rule: {id: a.x, txt: X.}
"""
DEEP_WRONG_TYPE = """\
sections:
  - title: A
    blocks:
      - item: Other
        children:
          - item: Sub
            children:
              - paragraph: [not, text]
"""
CHILD_WITHOUT_EXAMPLES = """\
sections:
  - title: A
    blocks:
      - rule: {id: a.top, text: Top.}
        children:
          - rule:
              id: a.child
              text: Child.
              check: union-operator
"""

CASES = {
    "grandchild-repeats-top": (
        {SECTIONS: GRANDCHILD},
        "instructions/demo/10-typing.yaml:12:28: duplicate rule id 'a.top' "
        "(first at instructions/demo/10-typing.yaml:5:15)",
    ),
    "siblings-under-item": (
        {SECTIONS: SIBLINGS_UNDER_ITEM},
        "instructions/demo/10-typing.yaml:7:24: duplicate rule id 'a.x' "
        "(first at instructions/demo/10-typing.yaml:6:24)",
    ),
    "nested-in-other-file": (
        {SECTIONS: TOP_LEVEL, "instructions/demo/20-more.yaml": NESTED_IN_OTHER_FILE},
        "instructions/demo/20-more.yaml:6:24: duplicate rule id 'a.x' "
        "(first at instructions/demo/10-typing.yaml:4:20)",
    ),
    "section-repeats-intro": (
        {"instructions/demo/standard.yaml": META + INTRO_RULE, SECTIONS: TOP_LEVEL},
        "instructions/demo/10-typing.yaml:4:20: duplicate rule id 'a.x' "
        "(first at instructions/demo/standard.yaml:4:16)",
    ),
    "intro-repeats-intro": (
        {
            "instructions/demo/standard.yaml": META
            + INTRO_RULE
            + "  - rule: {id: a.x, text: Again.}\n"
        },
        "instructions/demo/standard.yaml:5:16: duplicate rule id 'a.x' "
        "(first at instructions/demo/standard.yaml:4:16)",
    ),
    "intro-unknown-check": (
        {
            "instructions/demo/standard.yaml": META
            + "intro:\n  - rule: {id: a.y, text: Y., check: nope-check}\n"
        },
        "instructions/demo/standard.yaml:4:38: rule 'a.y' names unknown check 'nope-check'",
    ),
    "nested-misspelt-key": (
        {SECTIONS: NESTED_TYPO},
        "instructions/demo/10-typing.yaml:6:29: unknown key 'txt' (did you mean 'text'?)",
    ),
    "deep-wrong-type": (
        {SECTIONS: DEEP_WRONG_TYPE},
        "instructions/demo/10-typing.yaml:8:28: "
        "sections.0.blocks.0.children.0.children.0.paragraph: input should be a valid string",
    ),
    "child-check-without-examples": (
        {SECTIONS: CHILD_WITHOUT_EXAMPLES},
        "instructions/demo/10-typing.yaml:7:15: rule 'a.child' has a check, "
        "so it needs a good and a bad example",
    ),
    "equivalence-without-equivalents": (
        {
            SECTIONS: "sections:\n  - title: A\n    blocks:\n      - rule:\n"
            "          id: a.x\n          text: X.\n          equivalents: {pylint: [C0103]}\n"
            "          equivalence: {ruff: same}\n"
        },
        "instructions/demo/10-typing.yaml:8:31: rule 'a.x' states how it relates to ruff, "
        "which has no equivalents",
    ),
    "equivalence-unknown-relation": (
        {
            SECTIONS: "sections:\n  - title: A\n    blocks:\n      - rule:\n"
            "          id: a.x\n          text: X.\n          equivalents: {ruff: [E722]}\n"
            "          equivalence: {ruff: similar}\n"
        },
        "instructions/demo/10-typing.yaml:8:31: sections.0.blocks.0.rule.equivalence.ruff: "
        "input should be 'same', 'broader' or 'narrower'",
    ),
    "meta-misspelt-key": (
        {"instructions/demo/standard.yaml": META + "appliesto: ['*.py']\n"},
        "instructions/demo/standard.yaml:3:1: unknown key 'appliesto' (did you mean 'applies_to'?)",
    ),
    "meta-bad-id": (
        {"instructions/demo/standard.yaml": "id: Demo Std\ntitle: Demo\n"},
        "instructions/demo/standard.yaml:1:5: id: 'Demo Std' is not a valid id "
        "(lowercase letters and digits, in words joined by '.', '-' or '_')",
    ),
    "manifest-misspelt-key": (
        {"instructions/canon.yaml": "standards: [demo]\ntarget: [copilot]\n"},
        "instructions/canon.yaml:2:1: unknown key 'target' (did you mean 'targets'?)",
    ),
    "manifest-invalid-yaml": (
        {"instructions/canon.yaml": "standards: [demo\n"},
        "instructions/canon.yaml:2:1: invalid YAML: did not find expected ',' or ']'",
    ),
}


def _write(project: Path, files: dict[str, str]) -> None:
    (project / "instructions/demo/standard.yaml").write_text(META)
    for name, text in files.items():
        (project / name).write_text(text)


@mark.parametrize("case", sorted(CASES))
def test_compile_refuses_with_the_exact_position(project: Path, canon: Run, case: str) -> None:
    files, message = CASES[case]
    _write(project, files)
    before = tree(project)
    result = canon(["compile"])
    assert (result.exit_code, result.stderr) == (2, f"canon: {message}\n")
    assert result.stdout == ""
    assert tree(project) == before


@mark.parametrize("rule_id", ["standard", "standard.applies_to"])
def test_rule_may_share_a_name_with_the_standards_own_keys(
    project: Path, canon: Run, rule_id: str
) -> None:
    _write(project, {SECTIONS: TOP_LEVEL.replace("a.x", rule_id)})
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    assert (project / ".github/copilot-instructions.md").read_text() == "# Demo\n\n## A\n\n- X.\n"
