# path: src/analytics/pipeline.py
# expect: comprehensions=compliant orjson=compliant abc-imports=compliant builtin-generics=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: specific-imports=compliant function-length=compliant parameter-count=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: timezone-aware=compliant pathlib=compliant structlog=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: value-object-equality=compliant
"""Turn raw click events into per-page daily aggregates."""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from orjson import loads
from structlog import get_logger

__all__ = ["Click", "PageDay", "aggregate", "read_clicks"]

log = get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Click:
    """One click event.

    Attributes:
        page: The page's path.
        user_id: Who clicked, if signed in.
        at: When (UTC).
    """

    page: str
    user_id: int | None
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PageDay:
    """A page's clicks on one day.

    Attributes:
        page: The page's path.
        day: The day.
        clicks: All clicks.
        users: Distinct signed-in users.
    """

    page: str
    day: date
    clicks: int
    users: int


def read_clicks(path: Path) -> Iterator[Click]:
    """Read clicks from a JSON-lines file, skipping blank lines.

    Args:
        path: The file.

    Yields:
        The clicks, in file order.
    """
    with path.open("rb") as lines:
        for raw in (line for line in lines if line.strip()):
            event = loads(raw)
            yield Click(
                page=event["page"],
                user_id=event.get("user_id"),
                at=datetime.fromtimestamp(event["ts"], tz=UTC),
            )


def aggregate(clicks: Iterable[Click]) -> list[PageDay]:
    """Count clicks and distinct users per page and day.

    Args:
        clicks: The clicks.

    Returns:
        One aggregate per page and day, sorted by day then page.
    """
    counts: Counter[tuple[str, date]] = Counter()
    users: dict[tuple[str, date], set[int]] = {}
    for click in clicks:
        key = (click.page, click.at.date())
        counts[key] += 1
        if click.user_id is not None:
            users.setdefault(key, set()).add(click.user_id)
    days = [
        PageDay(page=page, day=day, clicks=count, users=len(users.get((page, day), set())))
        for (page, day), count in counts.items()
    ]
    log.info("aggregate.done", groups=len(days))
    return sorted(days, key=lambda item: (item.day, item.page))
