# path: scripts/clean_customers.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: pathlib=violation structlog=violation f-strings=violation comprehensions=violation
# expect: orjson=violation bare-except=violation contextlib-suppress=compliant timezone-aware=compliant
# expect: builtin-generics=violation no-any=compliant fstring-debug=violation dunder-all=na
# expect: no-pickle=compliant
"""Clean the customer export before loading it into the CRM."""

import csv
import json
import os
import re
import sys
from contextlib import suppress
from datetime import datetime
from typing import Dict, List

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def normalise_phone(raw):
    digits = "".join(filter(lambda ch: ch.isdigit(), raw))
    if len(digits) == 10:
        return "+1" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    return "+" + digits if digits else ""


def load(path: str) -> List[Dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def clean(rows: List[Dict[str, str]]) -> List[Dict[str, str]]:
    seen = set()
    cleaned = []
    rejected = 0
    for row in rows:
        email = row.get("email", "").strip().lower()
        if not EMAIL_RE.match(email) or email in seen:
            rejected += 1
            continue
        seen.add(email)
        signup = row.get("signup_date", "")
        with suppress(ValueError):
            signup = datetime.strptime(signup, "%d/%m/%Y").date().isoformat()
        try:
            lifetime_value = float(row.get("ltv") or 0)
        except:
            lifetime_value = 0.0
        cleaned.append(
            {
                "email": email,
                "name": row.get("name", "").strip().title(),
                "phone": normalise_phone(row.get("phone", "")),
                "signup_date": signup,
                "ltv": "%.2f" % lifetime_value,
            }
        )
    print(f"rejected={rejected} kept={len(cleaned)}")
    return cleaned


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else "exports/customers.csv"
    target_dir = os.path.join(os.path.dirname(source), "clean")
    os.makedirs(target_dir, exist_ok=True)
    rows = clean(load(source))
    target = os.path.join(target_dir, os.path.basename(source).replace(".csv", ".json"))
    with open(target, "w", encoding="utf-8") as out:
        json.dump(rows, out, indent=2)
    print("Wrote {} rows to {}".format(len(rows), target))


if __name__ == "__main__":
    main()
