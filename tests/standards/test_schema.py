"""`canon schema` gives editors a JSON Schema that accepts canon's files and rejects mistakes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jsonschema import Draft202012Validator
from orjson import loads
from pytest import mark
from yaml import safe_load

from tests.conftest import REPO

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tests.conftest import Run


def _schema(canon: Run, arguments: Sequence[str]) -> dict[str, object]:
    result = canon(["schema", *arguments])
    assert result.exit_code == 0
    return loads(result.stdout)


def test_schema_accepts_every_bundled_yaml_file(canon: Run) -> None:
    validator = Draft202012Validator(_schema(canon, []))
    files = sorted((REPO / "instructions").rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        errors = list(validator.iter_errors(safe_load(path.read_text())))
        assert errors == [], f"{path}: {errors[0].message}"


@mark.parametrize(
    ("kind", "document", "expected"),
    [
        (
            "section",
            {"sections": [{"title": "T", "blocks": [{"rule": {"id": "a.b", "txt": "x"}}]}]},
            ("$.sections[0].blocks[0]", "oneOf"),
        ),
        (
            "section",
            {"sections": [{"title": "T", "level": 9}]},
            ("$.sections[0].level", "maximum"),
        ),
        ("standard", {"id": "Not An Id"}, ("$.id", "pattern")),
        (
            "manifest",
            {"standards": ["python"], "outt": "."},
            ("$", "additionalProperties"),
        ),
    ],
    ids=["misspelt-rule-key", "bad-level", "bad-standard-id", "misspelt-manifest-key"],
)
def test_schema_rejects_malformed_documents(
    canon: Run, kind: str, document: object, expected: tuple[str, str]
) -> None:
    validator = Draft202012Validator(_schema(canon, [kind]))
    errors = [(error.json_path, error.validator) for error in validator.iter_errors(document)]
    assert errors == [expected]


def test_schema_unknown_kind_exits_2(canon: Run) -> None:
    result = canon(["schema", "nope"])
    assert result.exit_code == 2
    assert (
        result.stderr == "canon: unknown schema 'nope' (known: all, section, standard, manifest)\n"
    )


def test_schema_json_text_matches_json_module_byte_for_byte() -> None:
    from json import dumps  # canon: ignore[performance.orjson] the reference _json_text must match

    from canon.standards.schema import _json_text

    document = {
        "z": ["café — “quoted”", "emoji \U0001f600 \U0001d518"],
        "a": {"y": None, "b": [1, True]},
        "e": {},
    }
    assert _json_text(document) == dumps(document, indent=2, sort_keys=True) + "\n"
