"""Size limits on the final files: whole files on the boundary, split parts, oversize parts.

Windsurf is the one target with a documented limit (12,000 characters a file). Its file for an
unscoped standard `big` titled "Big" is the 35-character head `---`, `trigger: always_on`,
`---`, a blank line, `# Big` and a blank line, then each level-2 section as `## T`, a blank
line and its paragraph, sections separated by a blank line. Paragraph lengths below are chosen
so the file lands exactly on, under or over the limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture, mark

from tests.conftest import tree

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from tests.conftest import Run

LIMIT = 12_000
HEAD = "---\ntrigger: always_on\n---\n\n# Big\n\n"
DOC_URL = "https://docs.windsurf.com/windsurf/cascade/memories"


def _section(title: str, size: int, level: int = 2) -> str:
    return f"{'#' * level} {title}\n\n{title.lower()[0] * size}\n"


def _file(sections: list[str]) -> str:
    return HEAD + "\n".join(sections)


type Spec = tuple[str, int] | tuple[str, int, int]


def _yaml(sections: list[Spec]) -> str:
    lines = ["sections:\n"]
    for title, size, *level in sections:
        lines.append(f"  - title: {title}\n")
        if level:
            lines.append(f"    level: {level[0]}\n")
        lines.append(f"    blocks:\n      - paragraph: {title.lower()[0] * size}\n")
    return "".join(lines)


@fixture
def big(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    """A project whose manifest compiles the standard `big` for Windsurf, as the working folder."""
    folder = tmp_path / "instructions" / "big"
    folder.mkdir(parents=True)
    (tmp_path / "instructions" / "canon.yaml").write_text("standards: [big]\ntargets: [windsurf]\n")
    (folder / "standard.yaml").write_text("id: big\ntitle: Big\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _sections(project: Path, sections: list[Spec]) -> None:
    (project / "instructions/big/10-sections.yaml").write_text(_yaml(sections))


def _written(project: Path) -> dict[str, str]:
    rules = project / ".windsurf/rules"
    return {path.name: path.read_text() for path in sorted(rules.iterdir())}


def test_windsurf_is_the_only_target_with_a_size_limit(canon: Run) -> None:
    result = canon(["targets", "--format", "json"])
    assert result.exit_code == 0
    limits = {entry["name"]: entry["size_limit"] for entry in loads(result.stdout)}
    assert {name: limit for name, limit in limits.items() if limit is not None} == {
        "windsurf": LIMIT
    }


@mark.parametrize("last", [3_941, 3_942], ids=["one-under", "exactly-at"])
def test_file_at_or_under_the_limit_is_one_file(big: Path, canon: Run, last: int) -> None:
    _sections(big, [("A", 4_000), ("B", 4_000), ("C", last)])
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    expected = _file([_section("A", 4_000), _section("B", 4_000), _section("C", last)])
    assert len(expected) == LIMIT - 3_942 + last
    assert _written(big) == {"big.md": expected}
    assert "split" not in result.stderr


def test_file_one_over_the_limit_splits_by_section(big: Path, canon: Run) -> None:
    _sections(big, [("A", 4_000), ("B", 4_000), ("C", 3_943)])
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    first = _file([_section("A", 4_000), _section("B", 4_000)])
    second = _file([_section("C", 3_943)])
    assert _written(big) == {"big-01.md": first, "big-02.md": second}
    assert [len(first), len(second)] == [8_050, 3_985]
    assert result.stderr == (
        "canon: warning: windsurf: big is split into 2 files to stay under 12,000 characters "
        "per file\n"
        "canon: wrote .windsurf/rules/big-01.md\n"
        "canon: wrote .windsurf/rules/big-02.md\n"
        "canon: wrote instructions/canon.lock\n"
        "canon: 3 written, 0 unchanged, 0 deleted\n"
    )
    assert canon(["compile", "--check"]).exit_code == 0


@mark.parametrize(
    ("first_size", "expected", "longest"),
    [
        (5_950, {"big-01.md": ("A", "B"), "big-02.md": ("C",)}, LIMIT),
        (5_951, {"big-01.md": ("A",), "big-02.md": ("B", "C")}, 6_150),
    ],
    ids=["part-exactly-at-limit", "part-one-over"],
)
def test_split_parts_fill_up_to_the_limit_exactly(
    big: Path,
    canon: Run,
    first_size: int,
    expected: dict[str, tuple[str, ...]],
    longest: int,
) -> None:
    sizes = {"A": first_size, "B": 6_000, "C": 100}
    _sections(big, list(sizes.items()))
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    written = _written(big)
    assert written == {
        name: _file([_section(title, sizes[title]) for title in titles])
        for name, titles in expected.items()
    }
    assert max(len(text) for text in written.values()) == longest


def test_oversized_chapter_splits_into_its_sections(big: Path, canon: Run) -> None:
    _sections(big, [("X", 100), ("Xa", 7_000, 3), ("Xb", 7_000, 3), ("Y", 200)])
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    x_section, y_section = _section("X", 100), _section("Y", 200)
    xa_section, xb_section = _section("Xa", 7_000, 3), _section("Xb", 7_000, 3)
    assert _written(big) == {
        "big-01.md": _file([x_section, xa_section]),
        "big-02.md": _file([xb_section, y_section]),
    }


OVER = (
    "canon: .windsurf/rules/big-02.md is 12,042 characters, over Windsurf's limit of 12,000 "
    f"({DOC_URL})"
)


@mark.parametrize("check", [False, True], ids=["compile", "check"])
def test_split_part_over_the_limit_fails_writing_nothing(
    big: Path, canon: Run, check: bool
) -> None:
    _sections(big, [("A", 1_000)])
    assert canon(["compile"]).exit_code == 0
    _sections(big, [("A", 1_000), ("B", 12_000)])
    before = tree(big)
    result = canon(["compile", "--check"] if check else ["compile"])
    assert result.exit_code == 2
    assert result.stderr == OVER + "; shorten it or pass --allow-oversize\n"
    assert result.stdout == ""
    assert tree(big) == before


def test_split_part_over_the_limit_written_with_allow_oversize(big: Path, canon: Run) -> None:
    _sections(big, [("A", 1_000), ("B", 12_000)])
    result = canon(["compile", "--allow-oversize"])
    assert result.exit_code == 0, result.stderr
    second = _file([_section("B", 12_000)])
    assert _written(big) == {"big-01.md": _file([_section("A", 1_000)]), "big-02.md": second}
    assert len(second) == 12_042
    assert result.stderr.splitlines()[:2] == [
        OVER.replace("canon: ", "canon: warning: ", 1) + " (allowed by --allow-oversize)",
        "canon: warning: windsurf: big is split into 2 files to stay under 12,000 characters "
        "per file",
    ]


def test_one_section_over_the_limit_names_the_whole_file(
    canon: Run, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "standard.yaml").write_text("id: big\ntitle: Big\n")
    (folder / "10-sections.yaml").write_text(_yaml([("A", 11_959)]))
    monkeypatch.chdir(tmp_path)
    result = canon(["compile", "big", "-t", "windsurf", "--out", "out"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"canon: .windsurf/rules/big.md is 12,001 characters, over Windsurf's limit of 12,000 "
        f"({DOC_URL}); shorten it or pass --allow-oversize\n"
    )
    assert not (tmp_path / "out").exists()
