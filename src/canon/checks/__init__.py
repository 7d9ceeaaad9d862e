"""canon's checks: libcst checks for the machine-checkable rules of a standard.

Importing this package is cheap: libcst loads only when code is checked.
"""

from canon.checks.catalog import CHECK_IDS, CHECKS
from canon.checks.model import CheckInfo, CheckResult, Finding, Tally
from canon.checks.source import check_source

__all__ = ["CHECKS", "CHECK_IDS", "CheckInfo", "CheckResult", "Finding", "Tally", "check_source"]
