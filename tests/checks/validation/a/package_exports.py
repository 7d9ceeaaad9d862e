# path: src/billing/__init__.py
# expect: wildcard-import=compliant relative-imports=compliant dunder-all=compliant docstrings=compliant
# expect: specific-imports=compliant google-docstrings=compliant annotations=compliant
# expect: function-length=compliant parameter-count=compliant
# expect: module-length=compliant no-star-args=compliant no-any=compliant comprehensions=compliant
"""Billing: invoices, payments and the reports built on them.

The package's public API is re-exported here; import from `billing`, not its modules.
"""

from .errors import BillingError, InvoiceNotFound, PaymentRejected
from .invoices import Invoice, InvoiceLine, InvoiceStatus
from .payments import Payment, PaymentMethod
from .reports import aging_report, revenue_report
from .service import BillingService

__all__ = [
    "BillingError",
    "BillingService",
    "Invoice",
    "InvoiceLine",
    "InvoiceNotFound",
    "InvoiceStatus",
    "Payment",
    "PaymentMethod",
    "PaymentRejected",
    "aging_report",
    "package_version",
    "revenue_report",
]

_VERSION = "2.4.1"


def package_version() -> str:
    """The version of the billing package.

    Returns:
        The version string, `major.minor.patch`.
    """
    return _VERSION


def _check_exports() -> None:
    """Fail fast when an exported name is missing (a refactoring forgot the re-export)."""
    missing = [name for name in __all__ if name not in globals()]
    if missing:
        raise ImportError(f"billing does not export {', '.join(missing)}")


_check_exports()
