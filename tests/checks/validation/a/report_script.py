# path: scripts/weekly_report.py
# expect: f-strings=violation specific-imports=violation pathlib=violation
# expect: docstrings=violation annotations=violation timezone-aware=violation function-length=violation
# expect: bare-except=violation parameter-count=compliant google-docstrings=violation
# expect: module-length=compliant no-star-args=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant comprehensions=compliant
#!/usr/bin/env python
import argparse
import csv
import os
import sys
from datetime import datetime, timedelta

DEFAULT_DIR = "/var/data/orders"


def parse_args():
    parser = argparse.ArgumentParser(description="Summarise last week's orders.")
    parser.add_argument("--data-dir", default=DEFAULT_DIR)
    parser.add_argument("--weeks", type=int, default=1)
    parser.add_argument("--top", type=int, default=10)
    return parser.parse_args()


def load_rows(data_dir, since):
    rows = []
    for name in sorted(os.listdir(data_dir)):
        if not name.endswith(".csv"):
            continue
        path = os.path.join(data_dir, name)
        with open(path) as handle:
            for row in csv.DictReader(handle):
                try:
                    created = datetime.strptime(row["created"], "%Y-%m-%d %H:%M:%S")
                except:
                    continue
                if created >= since:
                    rows.append(row)
    return rows


def main():
    args = parse_args()
    since = datetime.now() - timedelta(weeks=args.weeks)
    if not os.path.exists(args.data_dir):
        print("data dir %s does not exist" % args.data_dir, file=sys.stderr)
        return 1
    rows = load_rows(args.data_dir, since)
    print("Orders since %s: %d" % (since.strftime("%Y-%m-%d"), len(rows)))
    revenue = {}
    quantities = {}
    for row in rows:
        product = row["product"]
        amount = float(row["amount"])
        revenue[product] = revenue.get(product, 0.0) + amount
        quantities[product] = quantities.get(product, 0) + int(row["quantity"])
    ranked = sorted(revenue.items(), key=lambda item: item[1], reverse=True)
    print("{:<30} {:>10} {:>12}".format("product", "units", "revenue"))
    print("-" * 54)
    for product, total in ranked[: args.top]:
        print("{:<30} {:>10} {:>12.2f}".format(product, quantities[product], total))
    print("-" * 54)
    grand_total = sum(revenue.values())
    print("{:<30} {:>10} {:>12.2f}".format("total", sum(quantities.values()), grand_total))
    if grand_total == 0:
        print("warning: no revenue in period")
    average = grand_total / len(rows) if rows else 0
    print("average order: %.2f" % average)
    busiest = max(quantities.items(), key=lambda item: item[1], default=None)
    if busiest is not None:
        print("most units: %s (%d)" % busiest)
    returned = [row for row in rows if row.get("status") == "returned"]
    if returned:
        print("returned orders: %d" % len(returned))
    return 0


if __name__ == "__main__":
    sys.exit(main())
