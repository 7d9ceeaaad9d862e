"""`canon check` and `canon rules` through the real CLI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jsonschema import Draft4Validator
from orjson import loads
from pytest import fixture, mark
from typer.testing import CliRunner

from canon.checks.validation_figures import VALIDATION
from canon.cli import app

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pytest import MonkeyPatch

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BAD = "from typing import Optional\n\n\ndef f(x: Optional[int]) -> None:\n    pass\n"
CLEAN = '''"""Clean."""

__all__ = ["f"]


def f(x: int | None) -> None:
    """Do nothing.

    Args:
        x: Ignored.
    """
'''


@fixture
def project(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "bad.py").write_text(BAD, encoding="utf-8")
    (tmp_path / "pkg" / "clean.py").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def canon(arguments: Sequence[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def test_check_text_findings_exit_1_with_rule_ids_and_summary(project: Path):
    code, out, err = canon(["check", "pkg", "--select", "union-operator", "-j", "1"])
    assert code == 1
    assert out == "pkg/bad.py:4:10: typing.union-operator [*] `Optional[X]`; write `X | None`\n"
    assert "2 files checked" in err


def test_check_clean_exit_0(project: Path):
    code, out, err = canon(["check", "pkg/clean.py", "-j", "1"])
    assert (code, out) == (0, "")
    assert "All clean: 1 file checked" in err


def test_check_missing_path_exit_2_one_line(project: Path):
    code, _, err = canon(["check", "nowhere"])
    assert code == 2
    assert err == "canon: nowhere: no such file or folder\n"


@mark.parametrize("args", [["--select", "no-such-rule"], ["--format", "xml"], ["-j", "0"]])
def test_check_bad_option_exit_2(project: Path, args: list[str]):
    code, _, err = canon(["check", "pkg", *args])
    assert code == 2
    assert err.startswith("canon: ")


def test_check_json_document_shape(project: Path):
    code, out, _ = canon(["check", "pkg", "--format", "json", "--select", "typing.union-operator"])
    document = loads(out)
    assert code == 1
    assert document["files"] == 2
    (finding,) = document["findings"]
    assert finding == {
        "rule": "typing.union-operator",
        "check": "union-operator",
        "path": "pkg/bad.py",
        "line": 4,
        "column": 10,
        "end_line": 4,
        "end_column": 23,
        "message": "`Optional[X]`; write `X | None`",
        "fixable": True,
    }
    assert document["rules"]["typing.union-operator"] == {"opportunities": 2, "violations": 1}


def test_check_sarif_valid_against_2_1_0_schema(project: Path):
    (project / "pkg" / "broken.py").write_text("def f(:\n", encoding="utf-8")
    code, out, _ = canon(["check", "pkg", "--format", "sarif"])
    log = loads(out)
    schema = loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert code == 1
    assert {"typing.union-operator", "syntax"} <= {r["ruleId"] for r in results}
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"


@mark.parametrize("word", ["typing.union-operator", "union-operator"])
def test_check_ignore_by_rule_or_check_id(project: Path, word: str):
    code, out, _ = canon(
        ["check", "pkg/bad.py", "--select", "union-operator,bare-except", "--ignore", word]
    )
    assert (code, out) == (0, "")
    # ignoring everything selected checks nothing: an error, never "All clean"
    code, out, err = canon(["check", "pkg/bad.py", "--select", "union-operator", "--ignore", word])
    assert (code, out, err) == (
        2,
        "",
        "canon: --ignore leaves no check to run: nothing would be checked\n",
    )


def test_check_select_accepts_comma_separated_ids_as_ruff_does(project: Path):
    (project / "pkg" / "bare.py").write_text("try:\n    pass\nexcept:\n    pass\n")
    code, out, _ = canon(["check", "pkg", "--select", "union-operator,deprecated.bare-except"])
    assert code == 1
    assert "typing.union-operator" in out
    assert "deprecated.bare-except" in out
    assert "docs.public-api" not in out


@mark.parametrize(
    "word", ["typing.union-operator", "union-operator", "docs.public-api, union-operator"]
)
def test_check_suppression_comment_by_rule_or_check_id(project: Path, word: str):
    source = BAD.replace("-> None:", f"-> None:  # canon: ignore[{word}]")
    (project / "pkg" / "bad.py").write_text(source, encoding="utf-8")
    code, out, _ = canon(["check", "pkg/bad.py", "--select", "union-operator"])
    assert (code, out) == (0, "")


def test_check_suppression_other_rule_keeps_finding(project: Path):
    source = BAD.replace("-> None:", "-> None:  # canon: ignore[no-any]")
    (project / "pkg" / "bad.py").write_text(source, encoding="utf-8")
    code, _, _ = canon(["check", "pkg/bad.py", "--select", "union-operator"])
    assert code == 1


def test_check_pyproject_thresholds_and_per_file_ignores(project: Path):
    (project / "pyproject.toml").write_text(
        '[tool.canon]\nselect = ["parameter-count", "union-operator"]\nparameters = 1\n'
        '[tool.canon.per-file-ignores]\n"pkg/clean.py" = ["union-operator"]\n',
        encoding="utf-8",
    )
    (project / "pkg" / "clean.py").write_text(
        "def g(a: int, b: int) -> None:\n    x: Optional[int] = None\n", encoding="utf-8"
    )
    code, out, _ = canon(["check", "pkg/clean.py"])
    assert code == 1
    assert out.splitlines() == [
        "pkg/clean.py:1:5: functions.max-parameters `g` takes 2 parameters (limit 1); "
        "group them in a dataclass"
    ]


def test_check_pyproject_unknown_key_exit_2(project: Path):
    (project / "pyproject.toml").write_text("[tool.canon]\nselekt = []\n", encoding="utf-8")
    code, _, err = canon(["check", "pkg"])
    assert code == 2
    assert "pyproject.toml: [tool.canon]: unknown key(s) selekt" in err


def test_check_statistics_counts_per_rule(project: Path):
    code, out, _ = canon(["check", "pkg", "--statistics", "--select", "union-operator"])
    assert code == 1
    assert out.split()[:3] == ["1", "typing.union-operator", "[*]"]


def test_check_cache_second_run_from_cache_same_output(project: Path):
    first = canon(["check", "pkg", "-j", "1"])
    second = canon(["check", "pkg", "-j", "1"])
    assert first[:2] == second[:2]
    assert "(2 from cache)" in second[2]
    assert (project / ".canon-cache").is_dir()
    third = canon(["check", "pkg", "-j", "1", "--no-cache"])
    assert "from cache" not in third[2]


def test_check_jobs_two_same_output_as_one(project: Path):
    padding = "".join(f"value_{i}: int = {i}\n" for i in range(1500))  # enough code for workers
    for index in range(4):
        (project / "pkg" / f"more{index}.py").write_text(BAD + padding, encoding="utf-8")
    one = canon(["check", "pkg", "-j", "1", "--no-cache", "--format", "json"])
    two = canon(["check", "pkg", "-j", "2", "--no-cache", "--format", "json"])
    assert one[:2] == two[:2]
    found = [(item["path"], item["line"], item["check"]) for item in loads(two[1])["findings"]]
    union = [(path, line) for path, line, check in found if check == "union-operator"]
    assert union == [(f"pkg/{name}.py", 4) for name in ("bad", "more0", "more1", "more2", "more3")]


def test_check_unreadable_file_reported_run_goes_on(project: Path):
    (project / "pkg" / "latin.py").write_bytes(b"x = '\xe9'\n")
    code, out, _ = canon(["check", "pkg", "--select", "union-operator"])
    assert code == 1
    assert "pkg/latin.py:1:1: unreadable cannot read the file" in out
    assert "pkg/bad.py:4:10" in out


def test_check_hidden_folders_skipped_named_files_checked(project: Path):
    (project / "pkg" / ".venv").mkdir()
    (project / "pkg" / ".venv" / "x.py").write_text(BAD, encoding="utf-8")
    _, out, _ = canon(["check", "pkg", "--select", "union-operator"])
    assert ".venv" not in out
    _, out, _ = canon(["check", "pkg/.venv/x.py", "--select", "union-operator"])
    assert ".venv/x.py:4:10" in out


def test_check_fix_rewrites_and_rechecks_clean(project: Path):
    code, out, err = canon(["check", "pkg/bad.py", "--select", "union-operator", "--fix"])
    assert (code, out) == (0, "")
    assert "fixed 1 file(s)" in err
    assert (project / "pkg" / "bad.py").read_text(encoding="utf-8") == (
        "\n\ndef f(x: int | None) -> None:\n    pass\n"
    )


def test_check_diff_writes_nothing_exit_1(project: Path):
    code, out, _ = canon(["check", "pkg/bad.py", "--select", "union-operator", "--diff"])
    assert code == 1
    assert "-def f(x: Optional[int]) -> None:" in out
    assert "+def f(x: int | None) -> None:" in out
    assert (project / "pkg" / "bad.py").read_text(encoding="utf-8") == BAD


def test_rules_json_lists_every_rule_with_fields(project: Path):
    code, out, _ = canon(["rules", "--format", "json"])
    rows = loads(out)
    assert code == 0
    row = next(r for r in rows if r["id"] == "typing.union-operator")
    assert row["check"] == "union-operator"
    assert row["equivalents"] == {"ruff": ["UP007", "UP045"]}
    assert {"id", "section", "check", "heuristic", "validation", "equivalents"} <= set(row)


def test_rules_json_publishes_validation_figures_per_check(project: Path):
    rows = loads(canon(["rules", "--format", "json"])[1])
    row = next(r for r in rows if r["id"] == "typing.union-operator")
    figures = VALIDATION["union-operator"]
    assert row["validation"] == {
        "precision": figures.precision,
        "recall": figures.recall,
        "files": figures.files,
        "violations": figures.violations,
    }
    assert set(row["validation"]) == {"precision", "recall", "files", "violations"}
    assert next(r for r in rows if r["id"] == "tooling.uv")["validation"] is None


def test_rules_explain_one_rule_like_ruff(project: Path):
    code, out, _ = canon(["rules", "typing.union-operator"])
    assert code == 0
    for heading in ("## What it does", "## Why", "## Example", "Use instead:"):
        assert heading in out


def test_rules_restatements_name_the_rule_they_restate(project: Path):
    rows = {row["id"]: row for row in loads(canon(["rules", "--format", "json"])[1])}
    assert rows["deprecated.optional"]["restates"] == "typing.union-operator"
    assert rows["deprecated.union"]["restates"] == "typing.union-operator"
    assert rows["typing.union-operator"]["restates"] is None
    restated = sorted(rule for rule, row in rows.items() if row["restates"])
    assert len(restated) == 24  # rules that share a check with an earlier rule
    _, out, _ = canon(["rules", "deprecated.optional"])
    assert "Restates `typing.union-operator` (same check): scored once" in out
    _, out, _ = canon(["rules", "typing.union-operator"])
    assert "Restated by `deprecated.optional`, `deprecated.union`: one concern" in out


def test_rules_unknown_rule_exit_2(project: Path):
    code, _, err = canon(["rules", "nope.nothing"])
    assert code == 2
    assert "unknown rule 'nope.nothing'" in err


def test_check_quiet_prints_findings_only(project: Path):
    code, out, err = canon(["check", "pkg/bad.py", "--select", "union-operator", "--quiet"])
    assert code == 1
    assert out.startswith("pkg/bad.py:4:10:")
    assert err == ""
