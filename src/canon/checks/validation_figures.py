"""Each check's precision and recall on the labelled corpus, as plain data.

GENERATED from `tests/checks/validation/` (see its README) by
`uv run python -m canon.checks.generate`: do not edit. A check missing here has no labelled file.
"""

from collections.abc import Mapping
from types import MappingProxyType

from canon.checks.model import ValidationFigures

__all__ = ["VALIDATION"]

VALIDATION: Mapping[str, ValidationFigures] = MappingProxyType(
    {
        "abc-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=29,
            violations=6,
        ),
        "annotations": ValidationFigures(
            precision=0.917,
            recall=1.0,
            files=90,
            violations=22,
        ),
        "async-blocking": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=13,
            violations=3,
        ),
        "bare-except": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=41,
            violations=3,
        ),
        "builtin-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=37,
            violations=15,
        ),
        "cancelled-error": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=3,
        ),
        "class-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=62,
            violations=3,
        ),
        "comprehensions": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=32,
            violations=3,
        ),
        "contextlib-suppress": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=44,
            violations=3,
        ),
        "dataclass-frozen": ValidationFigures(
            precision=0.6,
            recall=1.0,
            files=18,
            violations=3,
        ),
        "dataclass-kw-only": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=18,
            violations=4,
        ),
        "dataclass-options": ValidationFigures(
            precision=0.667,
            recall=1.0,
            files=18,
            violations=4,
        ),
        "docstrings": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=92,
            violations=38,
        ),
        "dunder-all": ValidationFigures(
            precision=0.97,
            recall=1.0,
            files=82,
            violations=32,
        ),
        "duplicate-case-arms": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "f-strings": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=34,
            violations=6,
        ),
        "fstring-debug": ValidationFigures(
            precision=1.0,
            recall=0.8,
            files=9,
            violations=5,
        ),
        "function-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=90,
            violations=5,
        ),
        "google-docstrings": ValidationFigures(
            precision=0.889,
            recall=0.333,
            files=84,
            violations=48,
        ),
        "hardcoded-secrets": ValidationFigures(
            precision=1.0,
            recall=0.571,
            files=15,
            violations=7,
        ),
        "module-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=92,
            violations=2,
        ),
        "no-any": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=79,
            violations=10,
        ),
        "no-pickle": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "no-pytz": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "no-star-args": ValidationFigures(
            precision=0.833,
            recall=1.0,
            files=90,
            violations=5,
        ),
        "orjson": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=18,
            violations=9,
        ),
        "parameter-count": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=90,
            violations=4,
        ),
        "pathlib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=27,
            violations=14,
        ),
        "pep695-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=3,
        ),
        "pytest-style": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=7,
            violations=3,
        ),
        "raise-from": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=32,
            violations=11,
        ),
        "relative-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=92,
            violations=2,
        ),
        "repr": ValidationFigures(
            precision=0.947,
            recall=0.9,
            files=48,
            violations=20,
        ),
        "self-type": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=10,
            violations=5,
        ),
        "specific-imports": ValidationFigures(
            precision=0.951,
            recall=1.0,
            files=92,
            violations=39,
        ),
        "sqlalchemy-back-populates": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=3,
        ),
        "sqlalchemy-declarative-base": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=3,
        ),
        "sqlalchemy-mapped-column": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=4,
        ),
        "sqlalchemy-select": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=12,
            violations=5,
        ),
        "sqlalchemy-typed-relationship": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=4,
        ),
        "structlog": ValidationFigures(
            precision=0.88,
            recall=1.0,
            files=40,
            violations=22,
        ),
        "task-group": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=9,
            violations=5,
        ),
        "test-names": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=7,
            violations=5,
        ),
        "timezone-aware": ValidationFigures(
            precision=0.938,
            recall=0.833,
            files=43,
            violations=18,
        ),
        "tomllib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "type-checking-imports": ValidationFigures(
            precision=1.0,
            recall=0.12,
            files=34,
            violations=25,
        ),
        "type-statement": ValidationFigures(
            precision=1.0,
            recall=0.333,
            files=6,
            violations=3,
        ),
        "union-operator": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=61,
            violations=18,
        ),
        "wildcard-import": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=92,
            violations=4,
        ),
    }
)
