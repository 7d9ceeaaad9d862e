# path: src/reports/cli.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=violation
# expect: pathlib=compliant orjson=violation structlog=compliant f-strings=compliant union-operator=compliant
# expect: timezone-aware=compliant no-pytz=compliant builtin-generics=compliant no-any=compliant
# expect: raise-from=compliant bare-except=compliant
# expect: comprehensions=compliant
# expect: no-pickle=compliant
"""Command line entry point for generating sales reports."""

import csv
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import typer
from structlog import get_logger

__all__ = ["app", "generate"]

app = typer.Typer(help="Sales report tooling.")
log = get_logger(__name__)


def _load_rows(source: Path) -> list[dict[str, str]]:
    with source.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@app.command()
def generate(
    source: Path = typer.Argument(..., exists=True, readable=True),
    output: Path = typer.Option(Path("report.json"), "--output", "-o"),
    region: str | None = typer.Option(None, help="Only this sales region."),
    since: str | None = typer.Option(None, help="ISO date, inclusive."),
    tz: str = typer.Option("Europe/Berlin", help="Time zone for the report timestamp."),
    pretty: bool = typer.Option(False, "--pretty"),
) -> None:
    """Aggregate a CSV export of orders into a JSON report."""
    rows = _load_rows(source)
    if region:
        rows = [row for row in rows if row["region"] == region]
    if since:
        try:
            start = date.fromisoformat(since)
        except ValueError as exc:
            raise typer.BadParameter(f"not an ISO date: {since}") from exc
        rows = [row for row in rows if date.fromisoformat(row["date"]) >= start]
    totals: dict[str, float] = {}
    for row in rows:
        totals[row["product"]] = totals.get(row["product"], 0.0) + float(row["amount"])
    report = {
        "generated_at": datetime.now(ZoneInfo(tz)).isoformat(),
        "region": region,
        "totals": totals,
    }
    output.write_text(json.dumps(report, indent=2 if pretty else None), encoding="utf-8")
    log.info("report_written", path=str(output), products=len(totals))
    typer.echo(f"Wrote {len(totals)} products to {output}")


if __name__ == "__main__":
    app()
