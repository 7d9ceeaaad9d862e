# path: src/ops/log_parser.py
# expect: comprehensions=violation pathlib=violation specific-imports=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation annotations=violation builtin-generics=violation
# expect: union-operator=violation timezone-aware=violation function-length=compliant parameter-count=compliant
# expect: abc-imports=violation f-strings=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""Parse nginx access logs and summarise traffic."""

import gzip
import os
import re
from collections import Counter
from datetime import datetime
from typing import Dict, Iterator, List, Optional

LINE = re.compile(
    r'(?P<ip>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>\S+) (?P<path>\S+) \S+" '
    r'(?P<status>\d{3}) (?P<size>\d+|-) "(?P<referrer>[^"]*)" "(?P<agent>[^"]*)"'
)


def open_log(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def parse_line(line: str) -> Optional[Dict[str, str]]:
    match = LINE.match(line)
    return match.groupdict() if match else None


def read_entries(folder: str) -> Iterator[Dict[str, str]]:
    names = sorted(filter(lambda n: n.startswith("access.log"), os.listdir(folder)))
    for name in names:
        with open_log(os.path.join(folder, name)) as handle:
            for line in handle:
                entry = parse_line(line)
                if entry:
                    yield entry


def status_counts(entries: List[Dict[str, str]]) -> Counter:
    return Counter(map(lambda e: e["status"], entries))


def top_paths(entries: List[Dict[str, str]], limit: int = 10) -> List[tuple]:
    paths = Counter(entry["path"].split("?")[0] for entry in entries)
    return paths.most_common(limit)


def errors(entries: List[Dict[str, str]]) -> List[Dict[str, str]]:
    return list(filter(lambda e: e["status"].startswith("5"), entries))


def bytes_served(entries: List[Dict[str, str]]) -> int:
    return sum(int(e["size"]) for e in entries if e["size"] != "-")


def requests_per_hour(entries: List[Dict[str, str]]) -> Dict[str, int]:
    hours: Dict[str, int] = {}
    for entry in entries:
        at = datetime.strptime(entry["time"].split()[0], "%d/%b/%Y:%H:%M:%S")
        key = at.strftime("%Y-%m-%d %H:00")
        hours[key] = hours.get(key, 0) + 1
    return hours


def summary(folder: str) -> Dict[str, object]:
    entries = list(read_entries(folder))
    return {
        "requests": len(entries),
        "statuses": dict(status_counts(entries)),
        "top_paths": top_paths(entries),
        "errors": len(errors(entries)),
        "bytes": bytes_served(entries),
        "generated_at": datetime.now().isoformat(),
    }
