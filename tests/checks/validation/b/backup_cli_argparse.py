# path: src/ops/backup.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: pathlib=violation structlog=violation f-strings=violation timezone-aware=violation
# expect: bare-except=violation contextlib-suppress=violation hardcoded-secrets=violation
# expect: builtin-generics=compliant no-any=compliant raise-from=na
# expect: comprehensions=compliant
"""Nightly database backup script."""

import argparse
import os
import shutil
import subprocess
import sys
from datetime import datetime

DB_HOST = os.environ.get("BACKUP_DB_HOST", "localhost")
DB_USER = "backup"
DB_PASSWORD = "Tr0ub4dor&3-backup"
DEFAULT_DIR = "/var/backups/postgres"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Dump the database and rotate old backups.")
    parser.add_argument("database")
    parser.add_argument("--dir", default=DEFAULT_DIR)
    parser.add_argument("--keep", type=int, default=7)
    return parser.parse_args(argv)


def rotate(directory: str, keep: int) -> list[str]:
    dumps = sorted(
        (os.path.join(directory, name) for name in os.listdir(directory) if name.endswith(".sql.gz")),
        key=os.path.getmtime,
    )
    removed = []
    for path in dumps[:-keep] if keep else dumps:
        try:
            os.remove(path)
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def main(argv=None) -> int:
    args = parse_args(argv)
    os.makedirs(args.dir, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = os.path.join(args.dir, "%s-%s.sql.gz" % (args.database, stamp))
    env = dict(os.environ, PGPASSWORD=DB_PASSWORD)
    print(f"Dumping {args.database} from {DB_HOST} to {target}")
    try:
        with open(target, "wb") as out:
            dump = subprocess.Popen(
                ["pg_dump", "-h", DB_HOST, "-U", DB_USER, args.database],
                stdout=subprocess.PIPE,
                env=env,
            )
            gzip = subprocess.Popen(["gzip", "-c"], stdin=dump.stdout, stdout=out)
            dump.stdout.close()
            gzip.communicate()
            if dump.wait() != 0:
                print("pg_dump failed", file=sys.stderr)
                return 1
    except:
        print("backup failed, removing partial file", file=sys.stderr)
        if os.path.exists(target):
            os.remove(target)
        return 1
    removed = rotate(args.dir, args.keep)
    print("Removed {} old backups".format(len(removed)))
    free = shutil.disk_usage(args.dir).free // (1024 * 1024)
    print(f"{free} MiB free in {args.dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
