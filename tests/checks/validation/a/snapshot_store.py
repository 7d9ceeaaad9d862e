# path: src/analytics/snapshots.py
# expect: no-pickle=compliant orjson=compliant pathlib=compliant specific-imports=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: contextlib-suppress=compliant timezone-aware=compliant repr=compliant dataclass-frozen=compliant
# expect: dataclass-kw-only=violation dataclass-options=violation raise-from=compliant
# expect: function-length=compliant parameter-count=compliant type-checking-imports=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Store dashboard snapshots as JSON files, one per dashboard and day."""

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from orjson import JSONDecodeError, OPT_INDENT_2, OPT_SORT_KEYS, dumps, loads

__all__ = ["Snapshot", "SnapshotError", "SnapshotStore"]


class SnapshotError(Exception):
    """A snapshot file exists but cannot be read."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The figures of one dashboard on one day.

    Attributes:
        dashboard: The dashboard's slug.
        day: The day the figures describe.
        figures: Metric name to value.
        taken_at: When the snapshot was taken (UTC).
    """

    dashboard: str
    day: date
    figures: dict[str, float]
    taken_at: datetime


@dataclass(frozen=True, slots=True)
class SnapshotStore:
    """Snapshots under one folder: `<folder>/<dashboard>/<day>.json`.

    Attributes:
        folder: The root folder.
    """

    folder: Path

    def save(self, dashboard: str, figures: dict[str, float], day: date) -> Snapshot:
        """Write today's snapshot of a dashboard, replacing an older one of the same day.

        Args:
            dashboard: The dashboard's slug.
            figures: Metric name to value.
            day: The day the figures describe.

        Returns:
            The snapshot written.
        """
        snapshot = Snapshot(dashboard=dashboard, day=day, figures=figures, taken_at=datetime.now(UTC))
        target = self.folder / dashboard / f"{day.isoformat()}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(dumps(snapshot, option=OPT_INDENT_2 | OPT_SORT_KEYS))
        return snapshot

    def load(self, dashboard: str, day: date) -> Snapshot | None:
        """Read a snapshot back.

        Args:
            dashboard: The dashboard's slug.
            day: The day.

        Returns:
            The snapshot, or None when none was taken that day.

        Raises:
            SnapshotError: The file is not valid JSON.
        """
        target = self.folder / dashboard / f"{day.isoformat()}.json"
        if not target.is_file():
            return None
        try:
            raw = loads(target.read_bytes())
        except JSONDecodeError as exc:
            raise SnapshotError(f"{target}: {exc}") from exc
        return Snapshot(
            dashboard=raw["dashboard"],
            day=date.fromisoformat(raw["day"]),
            figures=raw["figures"],
            taken_at=datetime.fromisoformat(raw["taken_at"]),
        )

    def forget(self, dashboard: str, day: date) -> None:
        """Delete a snapshot if it exists.

        Args:
            dashboard: The dashboard's slug.
            day: The day.
        """
        with suppress(FileNotFoundError):
            (self.folder / dashboard / f"{day.isoformat()}.json").unlink()
