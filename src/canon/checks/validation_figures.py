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
            files=60,
            violations=12,
        ),
        "annotations": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=184,
            violations=53,
        ),
        "async-blocking": ValidationFigures(
            precision=1.0,
            recall=0.778,
            files=36,
            violations=9,
        ),
        "async-session": ValidationFigures(
            precision=0.0,
            recall=None,
            files=0,
            violations=0,
        ),
        "bare-except": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=89,
            violations=9,
        ),
        "builtin-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=106,
            violations=30,
        ),
        "cancelled-error": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=15,
            violations=7,
        ),
        "class-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=133,
            violations=5,
        ),
        "comprehensions": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=78,
            violations=8,
        ),
        "constructor-injection": ValidationFigures(
            precision=0.0,
            recall=None,
            files=0,
            violations=0,
        ),
        "contextlib-suppress": ValidationFigures(
            precision=1.0,
            recall=0.889,
            files=58,
            violations=9,
        ),
        "dataclass-frozen": ValidationFigures(
            precision=0.857,
            recall=0.857,
            files=41,
            violations=7,
        ),
        "dataclass-kw-only": ValidationFigures(
            precision=1.0,
            recall=0.909,
            files=41,
            violations=11,
        ),
        "dataclass-options": ValidationFigures(
            precision=1.0,
            recall=0.909,
            files=41,
            violations=11,
        ),
        "docstrings": ValidationFigures(
            precision=0.973,
            recall=1.0,
            files=188,
            violations=71,
        ),
        "domain-hierarchy": ValidationFigures(
            precision=0.0,
            recall=None,
            files=0,
            violations=0,
        ),
        "dunder-all": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=160,
            violations=52,
        ),
        "duplicate-case-arms": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=14,
            violations=7,
        ),
        "f-strings": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=96,
            violations=17,
        ),
        "fstring-debug": ValidationFigures(
            precision=1.0,
            recall=0.929,
            files=22,
            violations=14,
        ),
        "function-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=184,
            violations=9,
        ),
        "google-docstrings": ValidationFigures(
            precision=0.901,
            recall=0.989,
            files=172,
            violations=92,
        ),
        "hardcoded-secrets": ValidationFigures(
            precision=1.0,
            recall=0.9,
            files=38,
            violations=20,
        ),
        "keyword-only": ValidationFigures(
            precision=0.0,
            recall=None,
            files=0,
            violations=0,
        ),
        "module-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=188,
            violations=4,
        ),
        "no-any": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=164,
            violations=23,
        ),
        "no-pickle": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=33,
            violations=6,
        ),
        "no-pytz": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=13,
            violations=6,
        ),
        "no-star-args": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=102,
            violations=15,
        ),
        "orjson": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=40,
            violations=21,
        ),
        "parameter-count": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=184,
            violations=13,
        ),
        "pathlib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=52,
            violations=21,
        ),
        "pep695-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=14,
            violations=7,
        ),
        "pytest-asyncio": ValidationFigures(
            precision=0.0,
            recall=None,
            files=0,
            violations=0,
        ),
        "pytest-style": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=19,
            violations=7,
        ),
        "raise-from": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=62,
            violations=20,
        ),
        "relative-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=123,
            violations=4,
        ),
        "repr": ValidationFigures(
            precision=0.977,
            recall=1.0,
            files=93,
            violations=42,
        ),
        "self-type": ValidationFigures(
            precision=1.0,
            recall=0.769,
            files=30,
            violations=13,
        ),
        "session-scalars": ValidationFigures(
            precision=0.0,
            recall=None,
            files=0,
            violations=0,
        ),
        "specific-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=188,
            violations=79,
        ),
        "sqlalchemy-back-populates": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=13,
            violations=7,
        ),
        "sqlalchemy-declarative-base": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=14,
            violations=6,
        ),
        "sqlalchemy-mapped-column": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=14,
            violations=8,
        ),
        "sqlalchemy-select": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=25,
            violations=12,
        ),
        "sqlalchemy-typed-relationship": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=13,
            violations=8,
        ),
        "structlog": ValidationFigures(
            precision=0.933,
            recall=1.0,
            files=90,
            violations=42,
        ),
        "task-group": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=22,
            violations=13,
        ),
        "test-names": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=19,
            violations=12,
        ),
        "timezone-aware": ValidationFigures(
            precision=0.935,
            recall=0.806,
            files=88,
            violations=36,
        ),
        "tomllib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=11,
            violations=6,
        ),
        "type-checking-imports": ValidationFigures(
            precision=0.94,
            recall=0.87,
            files=86,
            violations=54,
        ),
        "type-statement": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=19,
            violations=9,
        ),
        "union-operator": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=115,
            violations=35,
        ),
        "wildcard-import": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=97,
            violations=7,
        ),
    }
)
