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
            files=27,
            violations=6,
        ),
        "annotations": ValidationFigures(
            precision=0.909,
            recall=1.0,
            files=82,
            violations=20,
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
            files=39,
            violations=3,
        ),
        "builtin-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=32,
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
            files=58,
            violations=2,
        ),
        "comprehensions": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=30,
            violations=2,
        ),
        "contextlib-suppress": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=42,
            violations=2,
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
            files=82,
            violations=37,
        ),
        "dunder-all": ValidationFigures(
            precision=0.967,
            recall=1.0,
            files=73,
            violations=29,
        ),
        "duplicate-case-arms": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=4,
            violations=2,
        ),
        "f-strings": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=31,
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
            files=82,
            violations=5,
        ),
        "google-docstrings": ValidationFigures(
            precision=0.867,
            recall=0.295,
            files=77,
            violations=44,
        ),
        "hardcoded-secrets": ValidationFigures(
            precision=1.0,
            recall=0.667,
            files=13,
            violations=6,
        ),
        "module-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=82,
            violations=2,
        ),
        "no-any": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=72,
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
            files=4,
            violations=2,
        ),
        "no-star-args": ValidationFigures(
            precision=0.833,
            recall=1.0,
            files=82,
            violations=5,
        ),
        "orjson": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=17,
            violations=9,
        ),
        "parameter-count": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=82,
            violations=4,
        ),
        "pathlib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=24,
            violations=12,
        ),
        "pep695-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=2,
        ),
        "pytest-style": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=2,
        ),
        "raise-from": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=30,
            violations=11,
        ),
        "relative-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=82,
            violations=2,
        ),
        "repr": ValidationFigures(
            precision=0.947,
            recall=0.9,
            files=45,
            violations=20,
        ),
        "self-type": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=10,
            violations=5,
        ),
        "specific-imports": ValidationFigures(
            precision=0.944,
            recall=1.0,
            files=82,
            violations=34,
        ),
        "sqlalchemy-back-populates": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=2,
        ),
        "sqlalchemy-declarative-base": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=2,
        ),
        "sqlalchemy-mapped-column": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "sqlalchemy-select": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=10,
            violations=4,
        ),
        "sqlalchemy-typed-relationship": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "structlog": ValidationFigures(
            precision=0.875,
            recall=1.0,
            files=37,
            violations=21,
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
            files=6,
            violations=4,
        ),
        "timezone-aware": ValidationFigures(
            precision=0.938,
            recall=0.938,
            files=39,
            violations=16,
        ),
        "tomllib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=5,
            violations=3,
        ),
        "type-checking-imports": ValidationFigures(
            precision=1.0,
            recall=0.125,
            files=33,
            violations=24,
        ),
        "type-statement": ValidationFigures(
            precision=1.0,
            recall=0.5,
            files=5,
            violations=2,
        ),
        "union-operator": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=55,
            violations=16,
        ),
        "wildcard-import": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=82,
            violations=2,
        ),
    }
)
