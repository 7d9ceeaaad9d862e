# path: src/reports/cli.py
# expect: pathlib=violation orjson=violation specific-imports=violation
# expect: docstrings=violation google-docstrings=violation annotations=compliant dunder-all=violation
# expect: timezone-aware=violation type-checking-imports=violation function-length=violation
# expect: parameter-count=compliant f-strings=compliant union-operator=compliant fstring-debug=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Command-line export of sales reports to CSV or JSON."""

import csv
import json
import os
from datetime import datetime

import typer

from reports.queries import SalesRow, fetch_sales

app = typer.Typer(help="Export sales reports.")


@app.command()
def export(
    month: str = typer.Argument(..., help="Month as YYYY-MM"),
    output_dir: str = typer.Option("exports", help="Where to write the file"),
    fmt: str = typer.Option("csv", "--format", help="csv or json"),
    region: str | None = typer.Option(None, help="Only this region"),
) -> None:
    """Export one month of sales."""
    rows = fetch_sales(month, region=region)
    if not rows:
        print(f"No sales for {month}")
        raise typer.Exit(code=1)
    if not os.path.isdir(output_dir):
        os.makedirs(output_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"sales-{month}-{stamp}.{fmt}"
    target = os.path.join(output_dir, name)
    if fmt == "csv":
        with open(target, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["date", "region", "product", "units", "revenue"])
            for row in rows:
                writer.writerow([row.date, row.region, row.product, row.units, row.revenue])
    elif fmt == "json":
        payload = [
            {
                "date": row.date.isoformat(),
                "region": row.region,
                "product": row.product,
                "units": row.units,
                "revenue": str(row.revenue),
            }
            for row in rows
        ]
        with open(target, "w") as handle:
            json.dump(payload, handle, indent=2)
    else:
        print(f"Unknown format: {fmt}")
        raise typer.Exit(code=2)
    size = os.path.getsize(target)
    print(f"Wrote {len(rows)} rows ({size} bytes) to {target}")


def summarize(rows: list[SalesRow]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for row in rows:
        totals[row.region] = totals.get(row.region, 0.0) + float(row.revenue)
    return totals


@app.command()
def regions(month: str) -> None:
    """Print revenue per region."""
    for region, total in sorted(summarize(fetch_sales(month)).items()):
        print(f"{region:<12} {total:>12.2f}")


if __name__ == "__main__":
    app()
