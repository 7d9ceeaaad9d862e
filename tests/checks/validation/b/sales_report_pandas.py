# path: scripts/monthly_sales.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: google-docstrings=violation function-length=violation parameter-count=compliant
# expect: pathlib=violation structlog=violation f-strings=violation comprehensions=violation
# expect: timezone-aware=violation hardcoded-secrets=violation dunder-all=na
"""Build the monthly sales workbook for finance and e-mail it."""

import os
import smtplib
import sys
from datetime import datetime
from email.message import EmailMessage

import pandas as pd
import sqlalchemy

DB_URL = "postgresql://reporting:r3p0rt1ng!@db.internal:5432/shop"
SMTP_HOST = "smtp.internal"
RECIPIENTS = ["finance@acme.test", "cfo@acme.test"]


def load_orders(month):
    engine = sqlalchemy.create_engine(DB_URL)
    query = "SELECT * FROM orders WHERE date_trunc('month', created_at) = '%s-01'" % month
    return pd.read_sql(query, engine, parse_dates=["created_at"])


def main():
    month = sys.argv[1] if len(sys.argv) > 1 else datetime.now().strftime("%Y-%m")
    print("Building report for {}".format(month))
    orders = load_orders(month)
    if orders.empty:
        print("no orders, nothing to do")
        return
    orders["net"] = orders["gross"] / (1 + orders["vat_rate"])
    by_country = orders.groupby("country").agg(orders=("id", "count"), net=("net", "sum"))
    by_product = orders.groupby("sku")["net"].sum().sort_values(ascending=False).head(20)
    refunds = orders[orders["status"] == "refunded"]
    big_customers = list(filter(lambda c: c[1] > 10_000, orders.groupby("customer_id")["net"].sum().items()))
    out_dir = os.path.join(os.getcwd(), "reports")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"sales-{month}.xlsx")
    with pd.ExcelWriter(path) as writer:
        by_country.to_excel(writer, sheet_name="By country")
        by_product.to_excel(writer, sheet_name="Top products")
        refunds.to_excel(writer, sheet_name="Refunds", index=False)
        pd.DataFrame(big_customers, columns=["customer_id", "net"]).to_excel(
            writer, sheet_name="Key accounts", index=False
        )
    message = EmailMessage()
    message["Subject"] = f"Sales report {month}"
    message["From"] = "reports@acme.test"
    message["To"] = ", ".join(RECIPIENTS)
    message.set_content(f"Attached: sales for {month}. Net total: {orders['net'].sum():,.2f}")
    with open(path, "rb") as handle:
        message.add_attachment(handle.read(), maintype="application", subtype="xlsx", filename=os.path.basename(path))
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(message)
    print(f"sent {path} to {len(RECIPIENTS)} recipients")


if __name__ == "__main__":
    main()
