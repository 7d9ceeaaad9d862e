# path: src/todo/__main__.py
# expect: specific-imports=violation docstrings=violation annotations=violation pathlib=compliant
# expect: orjson=violation f-strings=compliant function-length=compliant parameter-count=compliant
# expect: timezone-aware=violation google-docstrings=violation
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
"""Command-line to-do list: `python -m todo add|list|done`."""

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

STORE = Path.home() / ".todo.json"


def load():
    if not STORE.exists():
        return []
    return json.loads(STORE.read_text(encoding="utf-8"))


def save(items):
    STORE.write_text(json.dumps(items, indent=2), encoding="utf-8")


def add(args):
    items = load()
    items.append({"text": args.text, "done": False, "added": datetime.now().isoformat()})
    save(items)
    print(f"added #{len(items)}: {args.text}")


def list_items(args):
    for number, item in enumerate(load(), start=1):
        if args.all or not item["done"]:
            mark = "x" if item["done"] else " "
            print(f"[{mark}] {number:>3} {item['text']}")


def done(args):
    items = load()
    if not 1 <= args.number <= len(items):
        print(f"no item #{args.number}", file=sys.stderr)
        return 1
    items[args.number - 1]["done"] = True
    save(items)
    print(f"done: {items[args.number - 1]['text']}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="todo")
    commands = parser.add_subparsers(dest="command", required=True)
    add_parser = commands.add_parser("add")
    add_parser.add_argument("text")
    add_parser.set_defaults(func=add)
    list_parser = commands.add_parser("list")
    list_parser.add_argument("--all", action="store_true")
    list_parser.set_defaults(func=list_items)
    done_parser = commands.add_parser("done")
    done_parser.add_argument("number", type=int)
    done_parser.set_defaults(func=done)
    args = parser.parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
