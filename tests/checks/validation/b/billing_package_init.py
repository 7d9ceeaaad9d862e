# path: src/billing/__init__.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant dunder-all=compliant
# expect: wildcard-import=compliant relative-imports=compliant annotations=compliant
# expect: google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: bare-except=compliant
# expect: no-any=compliant
"""Billing: money, invoices, tax rules and payment providers.

Import from this package rather than its modules; the module layout may change.
"""

from importlib.metadata import PackageNotFoundError, version

from .invoices import Invoice, InvoiceLine, InvoiceStatus, render_invoice_pdf
from .money import CurrencyMismatchError, Money
from .payments import (
    PaymentDeclinedError,
    PaymentProvider,
    StripeProvider,
    capture_payment,
    refund_payment,
)
from .tax import TaxRule, tax_for

__all__ = [
    "CurrencyMismatchError",
    "Invoice",
    "InvoiceLine",
    "InvoiceStatus",
    "Money",
    "PaymentDeclinedError",
    "PaymentProvider",
    "StripeProvider",
    "TaxRule",
    "capture_payment",
    "package_version",
    "refund_payment",
    "render_invoice_pdf",
    "tax_for",
]


def package_version() -> str:
    """Report the installed version of the billing package.

    Returns:
        The version string, or "0+unknown" when running from a source checkout.
    """
    try:
        return version("acme-billing")
    except PackageNotFoundError:
        return "0+unknown"
