"""Measure the checks on the labelled validation corpus: precision, recall, opportunities.

The corpus (`tests/checks/validation/`, described by its README) holds realistic modules, each
opening with a header that says, per check, whether the file breaks the rule (`violation`),
meets it where its concern arises (`compliant`), or gives it no occasion (`na`, the default)::

    # path: src/shop/orders/service.py
    # expect: union-operator=violation raise-from=compliant

Each file is checked with every check under the path of its header; a check's finding in a file
labelled `violation` is a true positive, one in any other file a false positive, and a
`violation` file without its finding a false negative. `uv run python -m canon.checks.generate`
publishes the figures (`canon.checks.validation_figures`), which `canon rules` shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from re import compile as re_compile
from typing import TYPE_CHECKING

from canon.checks.catalog import CHECK_IDS
from canon.checks.model import ValidationFigures
from canon.checks.source import check_source
from canon.errors import InputError, Position

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "CORPUS",
    "CheckMeasure",
    "FileOutcome",
    "LabelledFile",
    "Verdict",
    "check_file",
    "load_corpus",
    "measure",
    "parse_labels",
    "tally_checks",
]

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "checks" / "validation"
_KEY = re_compile(r"#\s*(path|expect)\s*:(.*)")
_PAIR = re_compile(r"([a-z0-9-]+)=([a-z]+)")


class Verdict(StrEnum):
    """What a file's label says of one check."""

    VIOLATION = "violation"
    COMPLIANT = "compliant"
    NA = "na"


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelledFile:
    """One corpus file and its labels.

    Attributes:
        file: The corpus file.
        path: The path canon is told the code has (checks look at it).
        source: The file's text, header included.
        expected: The verdict of each check the header names; the others are `na`.
    """

    file: Path
    path: str
    source: str
    expected: Mapping[str, Verdict] = field(default_factory=dict)

    def verdict(self, check_id: str) -> Verdict:
        """What the header says of a check.

        Args:
            check_id: A check id.

        Returns:
            The labelled verdict, `na` when the header does not name the check.
        """
        return self.expected.get(check_id, Verdict.NA)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileOutcome:
    """What the checks made of one labelled file.

    Attributes:
        labelled: The file and its labels.
        found: The checks that reported at least one finding.
        applicable: The checks that counted at least one opportunity.
    """

    labelled: LabelledFile
    found: frozenset[str]
    applicable: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckMeasure:
    """One check's figures over the corpus, with the files behind its errors.

    Attributes:
        check: The check id.
        files: Files where the rule's concern arises (labelled `violation` or `compliant`).
        violations: Files labelled `violation`.
        true_positives: `violation` files where the check reported a finding.
        false_positives: Files not labelled `violation` where it reported one.
        false_negatives: `violation` files where it reported none.
        agreements: Files where "the concern arises" agrees with "the check counted an
            opportunity".
        total: Files in the corpus.
    """

    check: str
    files: int = 0
    violations: int = 0
    true_positives: tuple[str, ...] = ()
    false_positives: tuple[str, ...] = ()
    false_negatives: tuple[str, ...] = ()
    agreements: int = 0
    total: int = 0

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP), or None when the check reported nothing.

        Returns:
            The share of reported files that were labelled `violation`.
        """
        reported = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / reported if reported else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN), or None when no file is labelled `violation`.

        Returns:
            The share of `violation` files the check reported.
        """
        return len(self.true_positives) / self.violations if self.violations else None

    @property
    def opportunity_agreement(self) -> float | None:
        """The share of files where the labels and the check's tally agree on applicability.

        Returns:
            The share, or None for an empty corpus.
        """
        return self.agreements / self.total if self.total else None

    def published(self) -> ValidationFigures | None:
        """The figures `canon rules` shows, rounded; None when no file concerns the check.

        Returns:
            The figures, or None.
        """
        if not self.files and not self.false_positives:
            return None
        return ValidationFigures(
            precision=_rounded(self.precision),
            recall=_rounded(self.recall),
            files=self.files,
            violations=self.violations,
        )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def parse_labels(file: Path, source: str) -> LabelledFile:
    """Read a corpus file's header: its leading `# path:` and `# expect:` lines.

    Args:
        file: The corpus file, for the file name and error positions.
        source: Its text.

    Returns:
        The file with its labels.

    Raises:
        InputError: A header line is malformed, names an unknown check or a check twice, gives
            an unknown verdict, or the file has no `# expect:` line (or one below the header).
    """
    path = f"src/app/{file.name}"
    expected: dict[str, Verdict] = {}
    seen_expect = False
    in_header = True
    for number, line in enumerate(source.splitlines(), start=1):
        match = _KEY.fullmatch(line.strip())
        where = Position(path=file, line=number)
        if match is None:
            in_header = False
            continue
        if not in_header:
            raise InputError(f"`# {match[1]}:` below the header (the file's first lines)", where)
        key, value = match[1], match[2].strip()
        if key == "path":
            path = _header_path(value, where)
        else:
            seen_expect = True
            expected |= _pairs(value, expected, where)
    if not seen_expect:
        raise InputError("no `# expect:` line in the header", Position(path=file, line=1))
    return LabelledFile(file=file, path=path, source=source, expected=expected)


def _header_path(value: str, where: Position) -> str:
    if not value or " " in value or not value.endswith(".py"):
        raise InputError(f"`# path:` must name one .py path, not {value!r}", where)
    return value


def _pairs(value: str, known: Mapping[str, Verdict], where: Position) -> dict[str, Verdict]:
    """The `check-id=verdict` pairs of one `# expect:` line."""
    found: dict[str, Verdict] = {}
    if not value:
        raise InputError("`# expect:` names no check", where)
    for word in value.split():
        match = _PAIR.fullmatch(word)
        if match is None:
            raise InputError(f"{word!r} is not `check-id=verdict`", where)
        check, verdict = match[1], match[2]
        if check not in CHECK_IDS:
            raise InputError(f"unknown check id {check!r} (see `canon rules`)", where)
        if check in known or check in found:
            raise InputError(f"check {check!r} labelled twice", where)
        if verdict not in Verdict:
            raise InputError(f"unknown verdict {verdict!r} (violation, compliant or na)", where)
        found[check] = Verdict(verdict)
    return found


def load_corpus(folder: Path = CORPUS) -> tuple[LabelledFile, ...]:
    """Read and label every `.py` file below a folder.

    Args:
        folder: The corpus folder.

    Returns:
        The labelled files, sorted by path.

    Raises:
        InputError: A header is malformed (see `parse_labels`), or a file is unreadable.
    """
    files = sorted(path for path in folder.rglob("*.py") if path.is_file())
    labelled = []
    for file in files:
        try:
            source = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read: {exc}", Position(path=file)) from exc
        labelled.append(parse_labels(file, source))
    return tuple(labelled)


def check_file(labelled: LabelledFile) -> FileOutcome:
    """Run every check on one labelled file, under its header's path.

    Args:
        labelled: The file.

    Returns:
        The checks that reported findings and those that counted opportunities.
    """
    result = check_source(labelled.source, path=labelled.path)
    return FileOutcome(
        labelled=labelled,
        found=frozenset(finding.check for finding in result.findings),
        applicable=frozenset(check for check, tally in result.tally.items() if tally.applicable),
    )


def tally_checks(
    outcomes: Iterable[FileOutcome], check_ids: Iterable[str] = CHECK_IDS
) -> dict[str, CheckMeasure]:
    """Each check's figures over checked files.

    Args:
        outcomes: The checked files.
        check_ids: The checks to measure.

    Returns:
        One measure per check id, sorted by id.
    """
    results = tuple(outcomes)
    return {check: _measure_one(check, results) for check in sorted(check_ids)}


def _measure_one(check: str, outcomes: tuple[FileOutcome, ...]) -> CheckMeasure:
    rows = [
        (_name(o.labelled.file), o.labelled.verdict(check), check in o.found, o) for o in outcomes
    ]
    arises = [verdict is not Verdict.NA for _, verdict, _, _ in rows]
    return CheckMeasure(
        check=check,
        files=sum(arises),
        violations=sum(verdict is Verdict.VIOLATION for _, verdict, _, _ in rows),
        true_positives=tuple(n for n, v, hit, _ in rows if hit and v is Verdict.VIOLATION),
        false_positives=tuple(n for n, v, hit, _ in rows if hit and v is not Verdict.VIOLATION),
        false_negatives=tuple(n for n, v, hit, _ in rows if not hit and v is Verdict.VIOLATION),
        agreements=sum(
            concern == (check in row[3].applicable)
            for concern, row in zip(arises, rows, strict=True)
        ),
        total=len(rows),
    )


def _name(file: Path) -> str:
    """A corpus file as its failures name it: its folder and name (`a/orders_service.py`)."""
    return f"{file.parent.name}/{file.name}"


def measure(folder: Path = CORPUS) -> dict[str, CheckMeasure]:
    """Label, check and measure the whole corpus.

    Args:
        folder: The corpus folder.

    Returns:
        One measure per check id, sorted by id.
    """
    return tally_checks(check_file(labelled) for labelled in load_corpus(folder))
