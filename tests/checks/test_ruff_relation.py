"""Each rule's stated relation to its ruff codes holds, file by file, on real code.

A rule says whether its check flags the `same` things as its ruff codes (file-level F1 >= 0.90
between the files canon flags and the files ruff flags), is `broader` (it asks more: it flags
at least 95% of the files ruff flags) or `narrower` (at least 95% of the files it flags, ruff
flags too). Judged on the labelled validation corpus here, on the standard library (slow).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from shutil import copyfile, which
from subprocess import run
from sys import base_prefix, version_info
from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture, mark, param

from canon.checks import check_source
from canon.checks.validation import load_corpus
from canon.standards.bundled import bundled_standard
from canon.standards.loader import load_standard

if TYPE_CHECKING:
    from collections.abc import Iterable

STDLIB = Path(base_prefix) / "lib" / f"python{version_info[0]}.{version_info[1]}"
# Settings the codes need to mean what the standard means (Google docstrings; parents only).
RUFF_SETTINGS = (
    "--config", "lint.pydocstyle.convention = 'google'",
    "--config", "lint.flake8-tidy-imports.ban-relative-imports = 'parents'",
)  # fmt: skip
MINIMUM_FILES = 3
# Rules whose stated relation does not hold yet on the corpus, with what differs. Strict
# expected failures: the test fails when one starts to hold, and its entry must go (issue 12).
NOT_HOLDING = {
    "functions.keyword-only": "FBT001 flags boolean parameters the check leaves to its 4-count",
    "errors.structured-logging": "G004 flags f-strings in structlog calls, which pass the check",
    "errors.contextlib-suppress": "SIM105 wants suppress(CancelledError), which the standard bans",
    "async.no-blocking-calls": "ASYNC codes and the check know different blocking calls",
    "async.async-file-io": "ASYNC230 flags open() the check leaves to async-blocking's list",
    "docs.sections": "DOC201/DOC501 (preview) judge Returns/Raises more strictly",
    "imports.type-checking": "the check judges every file; ruff's TC codes, without strict mode,"
    " only some",
    "security.no-hardcoded-secrets": "S105/S106 flag test fixtures' fake passwords",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """A rule's stated relation to its ruff codes."""

    rule: str
    check: str
    codes: frozenset[str]
    relation: str


def _relations() -> list[Relation]:
    return [
        Relation(
            rule=rule.id,
            check=rule.check,
            codes=frozenset(rule.equivalents["ruff"]),
            relation=rule.equivalence["ruff"],
        )
        for rule in load_standard(bundled_standard()).rules()
        if rule.check and "ruff" in rule.equivalence
    ]


RELATIONS = _relations()


def _ruff(folder: Path, codes: Iterable[str]) -> dict[str, set[str]]:
    """The ruff codes flagged in each file of a folder, by file name."""
    completed = run(
        ["ruff", "check", "--isolated", "--preview", "--target-version", "py313",
         *RUFF_SETTINGS, "--select", ",".join(sorted(codes)), "--output-format", "json",
         "--exit-zero", "--no-cache", str(folder)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    by_file: dict[str, set[str]] = {}
    for item in loads(completed.stdout):
        by_file.setdefault(Path(item["filename"]).name, set()).add(item["code"])
    return by_file


@dataclass(frozen=True, slots=True, kw_only=True)
class Flags:
    """The files each tool flags, per check (canon) and per code (ruff)."""

    canon: dict[str, set[str]]
    ruff: dict[str, set[str]]
    files: int

    def agreement(self, relation: Relation) -> tuple[float, float, float, int]:
        """Precision and recall of canon's files against ruff's, their F1, and ruff's count."""
        ours = self.canon.get(relation.check, set())
        theirs = {name for name, codes in self.ruff.items() if codes & relation.codes}
        both = len(ours & theirs)
        precision = both / len(ours) if ours else 1.0
        recall = both / len(theirs) if theirs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, len(theirs | ours)


def _flags(folder: Path, sources: dict[str, tuple[str, str]]) -> Flags:
    """Check each file (name -> (path canon is told, source)) with canon and with ruff."""
    canon: dict[str, set[str]] = {}
    for name, (path, source) in sources.items():
        for finding in check_source(source, path=path).findings:
            canon.setdefault(finding.check, set()).add(name)
    codes = {code for relation in RELATIONS for code in relation.codes}
    return Flags(canon=canon, ruff=_ruff(folder, codes), files=len(sources))


def _holds(relation: Relation, flags: Flags) -> str | None:
    precision, recall, f1, flagged = flags.agreement(relation)
    if flagged < MINIMUM_FILES:
        return None  # too few files flagged by either tool to judge
    figures = f"P={precision:.2f} R={recall:.2f} F1={f1:.2f} over {flagged} file(s)"
    bar = {"same": f1 >= 0.90, "broader": recall >= 0.95, "narrower": precision >= 0.95}
    return None if bar[relation.relation] else f"{relation.rule} ({relation.relation}): {figures}"


@fixture(scope="module")
def corpus_flags(tmp_path_factory) -> Flags:
    folder = tmp_path_factory.mktemp("corpus")
    sources = {}
    for index, labelled in enumerate(load_corpus()):
        name = f"f{index:03}_{labelled.file.name}"
        (folder / name).write_text(labelled.source, encoding="utf-8")
        sources[name] = (labelled.path, labelled.source)
    return _flags(folder, sources)


def test_every_checked_rule_with_ruff_codes_states_a_relation() -> None:
    assert len(RELATIONS) >= 30
    assert {relation.relation for relation in RELATIONS} <= {"same", "broader", "narrower"}


@mark.skipif(which("ruff") is None, reason="ruff is not installed")
@mark.parametrize(
    "relation",
    [
        param(relation, marks=mark.xfail(strict=True, reason=NOT_HOLDING[relation.rule]))
        if relation.rule in NOT_HOLDING
        else relation
        for relation in RELATIONS
    ],
    ids=[relation.rule for relation in RELATIONS],
)
def test_relation_holds_on_the_validation_corpus(relation: Relation, corpus_flags: Flags) -> None:
    assert _holds(relation, corpus_flags) is None


@mark.slow
@mark.skipif(which("ruff") is None, reason="ruff is not installed")
def test_relations_hold_on_the_standard_library(tmp_path: Path) -> None:
    sources = {}
    for source in sorted(STDLIB.glob("*.py")):
        copyfile(source, tmp_path / source.name)
        text = source.read_text(encoding="utf-8", errors="replace")
        sources[source.name] = (f"src/stdlib/{source.name}", text)
    flags = _flags(tmp_path, sources)
    failures = [message for relation in RELATIONS if (message := _holds(relation, flags))]
    assert failures == []
