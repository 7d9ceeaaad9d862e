"""Exact positions, levels, tallies, job splits and thresholds, as a user reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture, mark

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from tests.conftest import Run

MULTI_LINE = (
    "from typing import Optional\n\n\ndef f(\n    x: Optional[\n        int\n    ],\n"
    ") -> None:\n    pass\n"
)
BROKEN = "def broken(:\n    pass\n"


@fixture
def here(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.py").write_text(MULTI_LINE)
    (tmp_path / "bad.py").write_text(BROKEN)
    return tmp_path


def _check(canon: Run, arguments: list[str]):
    return canon(["check", "--no-cache", "--select", "union-operator", *arguments])


def test_json_positions_of_a_multi_line_finding_and_a_syntax_error(canon: Run, here: Path):
    document = loads(_check(canon, ["--format", "json", "m.py", "bad.py"]).stdout)
    places = [
        (
            item["path"],
            item["check"],
            item["line"],
            item["column"],
            item["end_line"],
            item["end_column"],
        )
        for item in document["findings"]
    ]
    # `Optional[` starts at 5:8; its `]` is 7:5, so the span ends before 7:6
    assert places == [
        ("bad.py", "syntax", 1, 12, 1, 13),
        ("m.py", "union-operator", 5, 8, 7, 6),
    ]


def test_sarif_levels_and_regions(canon: Run, here: Path):
    run = loads(_check(canon, ["--format", "sarif", "m.py", "bad.py"]).stdout)["runs"][0]
    results = [
        (
            item["ruleId"],
            item["level"],
            item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            item["locations"][0]["physicalLocation"]["region"],
        )
        for item in run["results"]
    ]
    assert results == [
        (
            "syntax",
            "error",
            "bad.py",
            {"startLine": 1, "startColumn": 12, "endLine": 1, "endColumn": 13},
        ),
        (
            "typing.union-operator",
            "warning",
            "m.py",
            {"startLine": 5, "startColumn": 8, "endLine": 7, "endColumn": 6},
        ),
    ]
    levels = {
        rule["id"]: rule["defaultConfiguration"]["level"] for rule in run["tool"]["driver"]["rules"]
    }
    assert levels == {"syntax": "error", "typing.union-operator": "warning"}


def test_suppressed_findings_leave_the_tally_and_the_exit_code(canon: Run, here: Path):
    (here / "m.py").write_text(
        "from typing import Optional\n\n"
        "a: Optional[int] = None  # canon: ignore\n"
        "b: Optional[int] = None  # canon: ignore[typing.union-operator]\n"
    )
    result = _check(canon, ["--format", "json", "m.py"])
    document = loads(result.stdout)
    assert (result.exit_code, document["findings"]) == (0, [])
    assert document["rules"]["typing.union-operator"] == {"opportunities": 2, "violations": 0}
    text = _check(canon, ["m.py"])
    assert (text.exit_code, text.stdout, text.stderr) == (
        0,
        "",
        "canon: All clean: 1 file checked.\n",
    )


# enough code per file that the run starts worker processes
PADDING = "".join(f"value_{index}: int = {index}\n" for index in range(1500))


@mark.parametrize("count", [5, 7])
@mark.parametrize("jobs", ["2", "3"])
def test_jobs_check_every_file_of_an_odd_count(canon: Run, here: Path, count: int, jobs: str):
    (here / "bad.py").unlink()
    (here / "m.py").unlink()
    for index in range(count):
        # file i has its finding on line 3 + i
        head = "from typing import Optional\n\n" + "\n" * index
        (here / f"f{index}.py").write_text(head + "x: Optional[int] = None\n" + PADDING)
    document = loads(_check(canon, ["--format", "json", "-j", jobs, "."]).stdout)
    found = [(item["path"], item["line"]) for item in document["findings"]]
    assert found == [(f"f{index}.py", 3 + index) for index in range(count)]
    assert document["files"] == count


def _assignments(indent: str, lines: int) -> str:
    return "".join(f"{indent}value_{index} = {index}\n" for index in range(lines))


def _function(lines: int) -> str:
    body = "".join(f"    value_{index} = {index}\n" for index in range(lines - 2))
    return f"def f() -> int:\n{body}    return 0\n"


@mark.parametrize(
    ("check", "source", "flagged"),
    [
        ("function-length", _function(30), []),
        (
            "function-length",
            _function(31),
            ["1:5 function `f` has 31 lines without its docstring (limit 30); split it"],
        ),
        ("parameter-count", "def f(a, b, c, d, e) -> None: ...\n", []),
        (
            "parameter-count",
            "def f(a, b, c, d, e, g) -> None: ...\n",
            ["1:5 `f` takes 6 parameters (limit 5); group them in a dataclass"],
        ),
        ("parameter-count", "class C:\n    def m(self, a, b, c, d, e) -> None: ...\n", []),
        ("module-length", _assignments("", 500), []),
        (
            "module-length",
            _assignments("", 501),
            ["1:1 module has 501 lines (limit 500); split it"],
        ),
        ("class-length", "class C:\n" + _assignments("    ", 199), []),
        (
            "class-length",
            "class C:\n" + _assignments("    ", 200),
            ["1:7 class `C` has 201 lines (limit 200); split it"],
        ),
    ],
)
def test_thresholds_at_and_beside_their_limit(
    canon: Run, here: Path, check: str, source: str, flagged: list[str]
):
    (here / "t.py").write_text(source)
    document = loads(
        canon(["check", "--no-cache", "--select", check, "--format", "json", "t.py"]).stdout
    )
    found = [f"{item['line']}:{item['column']} {item['message']}" for item in document["findings"]]
    assert found == flagged


ONE_OF_EACH = (
    '"""Two findings of one rule, one of another."""\n\n'
    "from typing import Optional\n\n"
    '__all__ = ["f"]\n\n\n'
    "def f(x: Optional[int], y: Optional[str]) -> str:\n"
    '    """Format.\n\n    Args:\n        x: A number.\n        y: A name.\n\n'
    '    Returns:\n        Both.\n    """\n'
    '    return "%s %s" % (x, y)\n'
)


def test_summary_line_singular_plural_and_cache(canon: Run, here: Path):
    (here / "one.py").write_text("from typing import Optional\n\nx: Optional[int] = None\n")
    first = canon(["check", "--select", "union-operator", "one.py"])
    assert first.stderr.splitlines()[-1] == (
        "canon: Found 1 finding; 1 file checked. 1 fixable with `--fix`."
    )
    again = canon(["check", "--select", "union-operator", "one.py"])
    assert again.stderr.splitlines()[-1] == (
        "canon: Found 1 finding; 1 file checked (1 from cache). 1 fixable with `--fix`."
    )
    two = canon(["check", "--no-cache", "--select", "union-operator", "one.py", "m.py"])
    assert two.stderr.splitlines()[-1] == (
        "canon: Found 2 findings; 2 files checked. 2 fixable with `--fix`."
    )


def test_statistics_most_frequent_first_with_fixable_marks(canon: Run, here: Path):
    (here / "s.py").write_text(ONE_OF_EACH)
    arguments = ["check", "--no-cache", "--statistics", "--select", "union-operator,f-strings"]
    result = canon([*arguments, "s.py"])
    assert result.stdout == (
        "     2  typing.union-operator                    [*] "
        "`Optional[X]`/`Union[A, B]` instead of `X | None`/`A | B`.\n"
        "     1  deprecated.string-formatting             [*] "
        "`%` formatting or `.format()` on a literal instead of an f-string.\n"
    )


def test_sarif_rule_descriptor_and_run_exact(canon: Run, here: Path):
    run = loads(_check(canon, ["--format", "sarif", "m.py"]).stdout)["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == ("canon", "https://github.com/canon/canon")
    (rule,) = driver["rules"]
    text = (
        "Use **union operator `|`** instead of `Union`: `str | None` not `Optional[str]` "
        "or `Union[str, None]`."
    )
    assert rule == {
        "id": "typing.union-operator",
        "name": "union-operator",
        "shortDescription": {"text": "`Optional[X]`/`Union[A, B]` instead of `X | None`/`A | B`."},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"check": "union-operator", "heuristic": False},
    }
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": here.resolve().as_uri() + "/"}}


def test_sarif_file_outside_the_root_is_a_file_uri(canon: Run, here: Path):
    outside = here.parent / f"{here.name}-outside"
    outside.mkdir()
    (outside / "m.py").write_text(MULTI_LINE)
    run = loads(_check(canon, ["--format", "sarif", str(outside / "m.py")]).stdout)["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (outside / "m.py").resolve().as_uri()}


def test_indented_and_commented_nodes_start_at_their_first_token():
    from canon.checks import check_source

    code = (
        "def load() -> None:\n"
        "    try:\n"
        "        run()\n"
        "    # whatever happens\n"
        "    except:\n"
        "        pass\n"
    )
    result = check_source(code, select=frozenset({"bare-except"}))
    # the handler's span starts at `except`, past the comment line and indentation before it
    assert [(f.line, f.column) for f in result.findings] == [(5, 5)]
