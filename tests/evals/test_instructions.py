from __future__ import annotations

from pathlib import Path

from pytest import fixture, mark

from canon.evals.instructions import InstructionSpec, applies_to_path, render_instructions
from canon.evals.project import EvalProject

ROOT = Path(__file__).resolve().parents[2]


@fixture(scope="module")
def project() -> EvalProject:
    return EvalProject(root=ROOT)


@mark.parametrize(
    ("globs", "path", "expected"),
    [
        (("**/*.py",), "src/app/x.py", True),
        (("**/*.py",), "x.py", True),
        (("src/**/*.py",), "tests/test_x.py", False),
        (("**/*.ts",), "src/app/x.py", False),
        ((), "anything.txt", True),
    ],
)
def test_applies_to_path_globs_as_assistants_match(
    globs: tuple[str, ...], path: str, expected: bool
) -> None:
    assert applies_to_path(globs, path) is expected


def test_render_instructions_none_is_empty(project: EvalProject) -> None:
    rendered = render_instructions(project.standards, InstructionSpec(variant="none"), "a.py")
    assert (rendered.text, rendered.files) == ("", ())


def test_render_instructions_full_is_the_compiled_file_verbatim(project: EvalProject) -> None:
    rendered = render_instructions(project.standards, InstructionSpec(), "src/app/a.py")
    seed = Path("/work/shared/seed/python.instructions.md")
    assert rendered.files == (".github/instructions/python.instructions.md",)
    assert 'f"{variable=}"' in rendered.text
    if seed.is_file():
        assert rendered.text == seed.read_text(encoding="utf-8")


def test_render_instructions_non_matching_path_gets_nothing(project: EvalProject) -> None:
    rendered = render_instructions(project.standards, InstructionSpec(), "web/app.ts")
    assert rendered.text == ""


def test_render_instructions_condensed_is_shorter(project: EvalProject) -> None:
    full = render_instructions(project.standards, InstructionSpec(), "a.py")
    condensed = render_instructions(project.standards, InstructionSpec(variant="condensed"), "a.py")
    assert 0 < len(condensed.text) < len(full.text)
    assert condensed.sha256 != full.sha256
