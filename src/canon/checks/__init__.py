"""canon's checks: libcst checks for the machine-checkable rules of a standard.

Importing this package is cheap: libcst loads only when code is checked.
"""

from canon.checks.api import check_source
from canon.checks.model import CheckResult, Finding, Tally
from canon.checks.registry import CHECK_IDS, CHECKS, CheckInfo

__all__ = ["CHECKS", "CHECK_IDS", "CheckInfo", "CheckResult", "Finding", "Tally", "check_source"]
