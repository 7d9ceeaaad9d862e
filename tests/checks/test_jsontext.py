"""`json_text`: orjson output byte for byte as `json.dumps(indent=2)` wrote it."""

from __future__ import annotations

from json import dumps  # canon: ignore[performance.orjson] the reference json_text must match

from pytest import mark

from canon.checks.jsontext import json_text

DOCUMENTS = [
    {"rules": {"b": [1, 2], "a": {"x": None}}, "ok": True, "ratio": 0.1, "empty": [], "e": {}},
    ["café", "naïve — “quoted”", "emoji 😀 and \U0001d518", "tab\tnewline\n", 'quote " back \\'],
    {"nested": [{"deep": [[1.5, -2, 1e100]]}], "ünïcode-key": "value"},
    [],
    "plain",
]


@mark.parametrize("document", DOCUMENTS)
def test_json_text_same_bytes_as_json_dumps(document: object):
    assert json_text(document) == dumps(document, indent=2) + "\n"
    assert json_text(document).isascii()
