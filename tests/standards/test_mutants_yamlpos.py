"""Reading YAML with positions: every refusal's exact line, and positions' fallbacks."""

from __future__ import annotations

from os import mkfifo
from typing import TYPE_CHECKING

from pytest import mark, raises

from canon.errors import InputError
from canon.standards.yamlpos import MAX_DEPTH, read_text, read_yaml

if TYPE_CHECKING:
    from pathlib import Path


def _refusal(action, folder: Path) -> str:
    with raises(InputError) as caught:
        action()
    return str(caught.value).replace(str(folder), "D")


def test_read_text_refusals(tmp_path: Path):
    (tmp_path / "latin.yaml").write_bytes(b"a: 1\nb: caf\xe9\n")
    mkfifo(tmp_path / "pipe.yaml")
    assert [
        _refusal(lambda: read_text(tmp_path / "missing.yaml"), tmp_path),
        _refusal(lambda: read_text(tmp_path), tmp_path),
        _refusal(lambda: read_text(tmp_path / "latin.yaml"), tmp_path),
        _refusal(lambda: read_text(tmp_path / "pipe.yaml"), tmp_path),
    ] == [
        "D/missing.yaml: no such file",
        "D: is a folder, not a file",
        "D/latin.yaml:2:7: not UTF-8 (byte 0xe9)",
        "D/pipe.yaml: not a regular file; refused",
    ]


@mark.parametrize(
    ("text", "refusal"),
    [
        (
            "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
            "1:68: nested deeper than 64 levels",
        ),
        ("? [a, b]\n: c\n", "1:3: a mapping key must be a plain value"),
        ("a:\n\tb: 1\n", "2:1: tab character: YAML indents with spaces only"),
    ],
)
def test_read_yaml_refusals_are_placed(tmp_path: Path, text: str, refusal: str):
    (tmp_path / "x.yaml").write_text(text)
    assert _refusal(lambda: read_yaml(tmp_path / "x.yaml"), tmp_path) == f"D/x.yaml:{refusal}"


def test_read_yaml_at_the_depth_limit_reads(tmp_path: Path):
    (tmp_path / "x.yaml").write_text("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    data = read_yaml(tmp_path / "x.yaml").data["a"]
    for _ in range(MAX_DEPTH - 1):  # 64 lists, one in the other
        (data,) = data
    assert data == []


def test_positions_fall_back_to_the_nearest_ancestor_then_the_file(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  b: 1\n")
    located = read_yaml(path)
    assert [
        str(located.position(("a", "b"))),
        str(located.position(("a", "b"), key=True)),
        str(located.position(("a", "missing"))),
        str(located.position(("missing",))),
    ] == [f"{path}:2:6", f"{path}:2:3", f"{path}:2:3", f"{path}:1:1"]
