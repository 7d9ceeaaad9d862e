"""canon agrees with ruff on the rules both implement: same verdict on every example."""

from __future__ import annotations

from pathlib import Path
from shutil import copyfile, which
from subprocess import run
from sys import base_prefix, version_info

from orjson import loads
from pytest import mark

from canon.checks import check_source

from .conftest import checked_rules

# Checks whose rule means exactly what these ruff codes mean (others differ on purpose:
# ruff's SIM105 suggests `suppress(CancelledError)`, PTH123 flags `open()`, and so on;
# type-statement flags every alias spelling, ruff's UP040 only the `TypeAlias` annotation).
AGREEING = {
    "union-operator": ("UP007", "UP045"),
    "builtin-generics": ("UP006", "UP035"),
    "pep695-generics": ("UP046", "UP047"),
    "bare-except": ("E722",),
    "wildcard-import": ("F403",),
    "raise-from": ("B904",),
    "abc-imports": ("UP035",),
}


def _examples() -> list[tuple[str, str, str, str]]:
    return [
        (rule.id, rule.check, kind, code)
        for rule in checked_rules()
        if rule.check in AGREEING
        for kind, snippets in (("good", rule.examples.good), ("bad", rule.examples.bad))
        for code in snippets
    ]


@mark.skipif(which("ruff") is None, reason="ruff is not installed")
def test_ruff_agreement_examples_same_verdict(tmp_path: Path):
    examples = _examples()
    codes = sorted({code for codes in AGREEING.values() for code in codes})
    for index, (_, _, _, code) in enumerate(examples):
        (tmp_path / f"example_{index}.py").write_text(code, encoding="utf-8")
    completed = run(
        ["ruff", "check", "--isolated", "--target-version", "py313", "--select", ",".join(codes),
         "--output-format", "json", "--exit-zero", str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    by_file: dict[str, set[str]] = {}
    for item in loads(completed.stdout):
        by_file.setdefault(Path(item["filename"]).name, set()).add(item["code"])
    disagreements = []
    for index, (rule_id, check_id, kind, code) in enumerate(examples):
        ruff_flags = bool(by_file.get(f"example_{index}.py", set()) & set(AGREEING[check_id]))
        canon_flags = (
            check_source(code, select=frozenset({check_id})).tally[check_id].violations > 0
        )
        if ruff_flags != canon_flags:
            disagreements.append(f"{rule_id} {kind}: ruff={ruff_flags} canon={canon_flags}")
    assert not disagreements
    assert len(examples) >= 10


STDLIB = Path(base_prefix) / "lib" / f"python{version_info[0]}.{version_info[1]}"
EXACT = {"E722": "bare-except", "F403": "wildcard-import", "UP007": "union-operator",
         "UP045": "union-operator", "UP040": "type-statement", "B904": "raise-from"}  # fmt: skip
# Checks that flag what ruff flags and more (a superset of its lines).
WIDER = {"raise-from", "type-statement"}


@mark.slow
@mark.skipif(which("ruff") is None, reason="ruff is not installed")
def test_ruff_agreement_stdlib_same_lines_flagged(tmp_path: Path):
    for source in STDLIB.glob("*.py"):
        copyfile(source, tmp_path / source.name)
    completed = run(
        ["ruff", "check", "--isolated", "--target-version", "py313", "--select", ",".join(EXACT),
         "--output-format", "json", "--exit-zero", str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    ruff = {
        (EXACT[item["code"]], Path(item["filename"]).name, item["location"]["row"])
        for item in loads(completed.stdout)
    }
    canon = set()
    for path in sorted(tmp_path.glob("*.py")):
        result = check_source(path.read_text(encoding="utf-8"), select=frozenset(EXACT.values()))
        canon.update((finding.check, path.name, finding.line) for finding in result.findings)
    for check_id in sorted(set(EXACT.values()) - WIDER):
        assert {k for k in ruff if k[0] == check_id} == {k for k in canon if k[0] == check_id}
    ruff_alias = {k for k in ruff if k[0] == "type-statement"}
    assert ruff_alias <= {k for k in canon if k[0] == "type-statement"}
    ruff_raise = {k for k in ruff if k[0] == "raise-from"}
    canon_raise = {k for k in canon if k[0] == "raise-from"}
    assert ruff_raise <= canon_raise
    assert len(canon_raise - ruff_raise) <= max(2, len(ruff_raise) // 50)
