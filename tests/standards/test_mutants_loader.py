"""The loader's errors and origins, exactly: what mutation testing found no test for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import fixture, raises

from canon.errors import InputError
from canon.standards.loader import load_standard

if TYPE_CHECKING:
    from pathlib import Path

META = (
    'id: demo\ntitle: Demo\ndescription: Things\napplies_to: ["src/**/*.py"]\nquote_globs: false\n'
)
SECTIONS = """\
sections:
  - title: Typing
    id: typing
    blocks:
      - rule:
          id: typing.union
          text: "Use X | None."
          check: union-operator
          examples:
            good: ["x: int | None = None"]
            bad: ["x: Optional[int] = None"]
"""


@fixture
def standard(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "standard.yaml").write_text(META)
    (folder / "10-typing.yaml").write_text(SECTIONS)
    return folder


def test_origins_place_every_rule_and_standard_key(standard: Path):
    loaded = load_standard(standard, known_checks=frozenset({"union-operator"}))
    meta, sections = standard / "standard.yaml", standard / "10-typing.yaml"
    assert loaded.origins == {
        "typing.union": f"{sections}:6:15",
        "standard": f"{meta}:1:1",
        "standard.quote_globs": f"{meta}:5:1",
        "standard.applies_to": f"{meta}:4:1",
        "standard.description": f"{meta}:3:1",
    }


def test_unknown_check_in_a_section_file_is_placed(standard: Path):
    with raises(InputError) as caught:
        load_standard(standard, known_checks=frozenset({"another"}))
    assert str(caught.value) == (
        f"{standard / '10-typing.yaml'}:8:18: rule 'typing.union' names unknown check "
        "'union-operator'"
    )


def test_a_file_is_not_a_standard(standard: Path):
    with raises(InputError) as caught:
        load_standard(standard / "standard.yaml")
    assert str(caught.value) == f"{standard / 'standard.yaml'}: not a folder holding a standard"


def test_a_folder_without_its_meta_file(tmp_path: Path):
    with raises(InputError) as caught:
        load_standard(tmp_path)
    assert str(caught.value) == f"{tmp_path}: no standard.yaml in the standard's folder"
