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
            files=62,
            violations=12,
        ),
        "annotations": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=191,
            violations=56,
        ),
        "async-blocking": ValidationFigures(
            precision=1.0,
            recall=0.778,
            files=39,
            violations=9,
        ),
        "async-session": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=3,
        ),
        "bare-except": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=90,
            violations=9,
        ),
        "builtin-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=109,
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
            files=138,
            violations=5,
        ),
        "comprehensions": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=78,
            violations=8,
        ),
        "constructor-injection": ValidationFigures(
            precision=0.778,
            recall=0.7,
            files=20,
            violations=10,
        ),
        "context-managers": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=7,
            violations=3,
        ),
        "contextlib-suppress": ValidationFigures(
            precision=1.0,
            recall=0.889,
            files=59,
            violations=9,
        ),
        "dataclass-frozen": ValidationFigures(
            precision=0.6,
            recall=0.857,
            files=42,
            violations=7,
        ),
        "dataclass-kw-only": ValidationFigures(
            precision=0.769,
            recall=0.909,
            files=42,
            violations=11,
        ),
        "dataclass-options": ValidationFigures(
            precision=0.769,
            recall=0.909,
            files=42,
            violations=11,
        ),
        "docstrings": ValidationFigures(
            precision=0.925,
            recall=1.0,
            files=195,
            violations=74,
        ),
        "domain-hierarchy": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=56,
            violations=4,
        ),
        "dunder-all": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=164,
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
            files=100,
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
            files=191,
            violations=9,
        ),
        "google-docstrings": ValidationFigures(
            precision=0.883,
            recall=0.989,
            files=176,
            violations=92,
        ),
        "hardcoded-secrets": ValidationFigures(
            precision=1.0,
            recall=0.9,
            files=38,
            violations=20,
        ),
        "keyword-only": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=25,
            violations=18,
        ),
        "module-length": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=195,
            violations=4,
        ),
        "no-any": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=169,
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
            files=109,
            violations=18,
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
            files=191,
            violations=13,
        ),
        "parametrize": ValidationFigures(
            precision=1.0,
            recall=0.5,
            files=9,
            violations=4,
        ),
        "pathlib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=53,
            violations=21,
        ),
        "pep695-generics": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=14,
            violations=7,
        ),
        "pytest-asyncio": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=6,
            violations=3,
        ),
        "pytest-style": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=22,
            violations=7,
        ),
        "raise-from": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=63,
            violations=20,
        ),
        "relative-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=130,
            violations=4,
        ),
        "repr": ValidationFigures(
            precision=0.979,
            recall=1.0,
            files=98,
            violations=46,
        ),
        "self-type": ValidationFigures(
            precision=1.0,
            recall=0.786,
            files=31,
            violations=14,
        ),
        "session-scalars": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=17,
            violations=7,
        ),
        "specific-imports": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=195,
            violations=85,
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
            files=28,
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
            files=22,
            violations=12,
        ),
        "timezone-aware": ValidationFigures(
            precision=0.935,
            recall=0.806,
            files=89,
            violations=36,
        ),
        "tomllib": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=11,
            violations=6,
        ),
        "type-checking-imports": ValidationFigures(
            precision=0.942,
            recall=0.875,
            files=93,
            violations=56,
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
            files=119,
            violations=35,
        ),
        "value-object-equality": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=34,
            violations=3,
        ),
        "wildcard-import": ValidationFigures(
            precision=1.0,
            recall=1.0,
            files=104,
            violations=7,
        ),
    }
)
