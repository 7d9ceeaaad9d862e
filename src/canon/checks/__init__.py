"""canon's checks: libcst checks for the machine-checkable rules of a standard.

Importing this package is cheap: libcst loads only when code is checked. The layout:

- `rules/<check_id>.py`: one check each (what it is, how it detects, how it fixes);
  `helpers/`: code several checks share; `base.py`: the `Check` base and the file context.
- `catalog.py`: the checks as plain data, GENERATED from `rules/` by
  `uv run python -m canon.checks.generate` (`generate.py`).
- `source.py` checks one source string in this process; `engine.py` parses it once and runs
  the checks in one traversal; `fixes.py` applies the checks' fixes (`--fix`, `--diff`).
- `files.py` checks files (discovery, cache, worker processes); `service.py` is the
  `canon check` command; `rulebook.py` ties rules of the standards to checks; `output.py`
  renders reports, `explain.py` is `canon rules`.
"""

from canon.checks.catalog import CHECK_IDS, CHECKS
from canon.checks.model import CheckInfo, CheckResult, Finding, Tally
from canon.checks.source import check_source

__all__ = ["CHECKS", "CHECK_IDS", "CheckInfo", "CheckResult", "Finding", "Tally", "check_source"]
