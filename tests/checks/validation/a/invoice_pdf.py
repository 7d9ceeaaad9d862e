# path: src/billing/pdf.py
# expect: function-length=violation parameter-count=violation docstrings=compliant google-docstrings=violation
# expect: dunder-all=compliant annotations=compliant specific-imports=compliant union-operator=compliant
# expect: pathlib=compliant timezone-aware=compliant f-strings=compliant structlog=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: keyword-only=violation
"""Render invoices as PDF documents with reportlab."""

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from structlog import get_logger

from billing.models import Invoice

__all__ = ["render_invoice"]

log = get_logger(__name__)


def _money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


def render_invoice(
    invoice: Invoice,
    target: Path,
    company_name: str,
    company_address: list[str],
    logo: Path | None,
    footer: str,
    due_days: int = 14,
) -> Path:
    """Draw an invoice on A4 pages and save it."""
    canvas = Canvas(str(target), pagesize=A4)
    width, height = A4
    y = height - 25 * mm
    if logo is not None and logo.is_file():
        canvas.drawImage(str(logo), 20 * mm, y - 15 * mm, width=40 * mm, height=15 * mm)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawRightString(width - 20 * mm, y, company_name)
    canvas.setFont("Helvetica", 9)
    for offset, line in enumerate(company_address, start=1):
        canvas.drawRightString(width - 20 * mm, y - offset * 4 * mm, line)
    y -= 40 * mm
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(20 * mm, y, f"Invoice {invoice.number}")
    canvas.setFont("Helvetica", 10)
    issued: date = invoice.issued_on
    canvas.drawString(20 * mm, y - 6 * mm, f"Issued: {issued:%d.%m.%Y}")
    canvas.drawString(20 * mm, y - 11 * mm, f"Due within {due_days} days")
    y -= 25 * mm
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(20 * mm, y, "Item")
    canvas.drawRightString(140 * mm, y, "Qty")
    canvas.drawRightString(width - 20 * mm, y, "Amount")
    canvas.setFont("Helvetica", 10)
    for line in invoice.lines:
        y -= 6 * mm
        if y < 30 * mm:
            canvas.showPage()
            y = height - 25 * mm
        canvas.drawString(20 * mm, y, line.description[:70])
        canvas.drawRightString(140 * mm, y, str(line.quantity))
        canvas.drawRightString(width - 20 * mm, y, _money(line.total, invoice.currency))
    y -= 10 * mm
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawRightString(width - 20 * mm, y, _money(invoice.total, invoice.currency))
    canvas.setFont("Helvetica", 8)
    canvas.drawString(20 * mm, 15 * mm, footer)
    canvas.drawRightString(width - 20 * mm, 15 * mm, f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    canvas.save()
    log.info("invoice.rendered", number=invoice.number, path=str(target))
    return target
