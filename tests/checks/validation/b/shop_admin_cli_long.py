# path: src/shop/admin/cli.py
# expect: module-length=violation docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=violation parameter-count=violation
# expect: structlog=violation f-strings=violation pathlib=violation orjson=violation timezone-aware=violation
# expect: sqlalchemy-select=violation raise-from=violation bare-except=violation contextlib-suppress=violation
# expect: union-operator=violation builtin-generics=violation no-any=violation hardcoded-secrets=violation
# expect: comprehensions=violation fstring-debug=violation tomllib=compliant duplicate-case-arms=violation
# expect: class-length=compliant repr=violation
# expect: no-pickle=compliant
# expect: relative-imports=compliant
# expect: type-checking-imports=violation
# expect: session-scalars=violation
"""Administrative command line for the shop: users, orders, products, maintenance."""

import csv
import json
import logging
import os
import shutil
import subprocess
import sys
import tomllib
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional

import typer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shop.db import SessionLocal, engine
from shop.models import AuditLog, Order, OrderLine, Product, User

app = typer.Typer(help="Shop administration.")
users_app = typer.Typer(help="Manage users.")
orders_app = typer.Typer(help="Inspect and fix orders.")
products_app = typer.Typer(help="Manage the catalogue.")
maint_app = typer.Typer(help="Maintenance tasks.")
app.add_typer(users_app, name="users")
app.add_typer(orders_app, name="orders")
app.add_typer(products_app, name="products")
app.add_typer(maint_app, name="maint")

log = logging.getLogger("shop.admin")

SUPPORT_API_TOKEN = "sup_8f3a9c2e7d1b4065a9e2"
EXPORT_DIR = os.environ.get("SHOP_EXPORT_DIR", "/var/lib/shop/exports")


class AdminContext:
    def __init__(self, session: Session, actor: str, dry_run: bool = False):
        self.session = session
        self.actor = actor
        self.dry_run = dry_run

    def audit(self, action: str, target: str, details: Optional[Dict[str, Any]] = None) -> None:
        entry = AuditLog(
            actor=self.actor,
            action=action,
            target=target,
            details=json.dumps(details or {}),
            created_at=datetime.now(),
        )
        self.session.add(entry)

    def commit(self) -> None:
        if self.dry_run:
            self.session.rollback()
            typer.echo("dry run: rolled back")
        else:
            self.session.commit()


def _context(dry_run: bool = False) -> AdminContext:
    actor = os.environ.get("SUDO_USER") or os.environ.get("USER", "unknown")
    return AdminContext(SessionLocal(), actor, dry_run)


def _load_settings(path: str) -> Dict[str, Any]:
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as handle:
        return tomllib.load(handle)


# ---------------------------------------------------------------- users


@users_app.command("list")
def list_users(active_only: bool = True, limit: int = 50):
    """List users."""
    ctx = _context()
    query = ctx.session.query(User)
    if active_only:
        query = query.filter(User.is_active.is_(True))
    for user in query.order_by(User.created_at.desc()).limit(limit):
        typer.echo("%-6s %-40s %s" % (user.id, user.email, user.created_at))


@users_app.command("deactivate")
def deactivate_user(email: str, reason: str = typer.Option(..., prompt=True), dry_run: bool = False):
    """Deactivate a user and revoke their sessions."""
    ctx = _context(dry_run)
    user = ctx.session.query(User).filter_by(email=email.lower()).first()
    if user is None:
        typer.echo(f"no user with e-mail {email}", err=True)
        raise typer.Exit(1)
    user.is_active = False
    ctx.audit("user.deactivate", str(user.id), {"reason": reason})
    ctx.commit()
    log.info("deactivated user %s", user.id)
    typer.echo(f"deactivated {email}")


@users_app.command("promote")
def promote_user(email: str, role: str = "staff"):
    ctx = _context()
    user = ctx.session.scalars(select(User).where(User.email == email.lower())).one_or_none()
    if user is None:
        raise typer.BadParameter(f"unknown user {email}")
    match role:
        case "staff":
            user.is_staff = True
        case "admin":
            user.is_staff = True
            user.is_admin = True
        case "support":
            user.is_staff = True
        case _:
            raise typer.BadParameter(f"unknown role {role}")
    ctx.audit("user.promote", str(user.id), {"role": role})
    ctx.commit()


@users_app.command("export")
def export_users(output: str = "users.csv", since: Optional[str] = None):
    """Export users as CSV."""
    ctx = _context()
    stmt = select(User)
    if since:
        try:
            stmt = stmt.where(User.created_at >= datetime.strptime(since, "%Y-%m-%d"))
        except ValueError:
            raise typer.BadParameter("since must be YYYY-MM-DD")
    users = ctx.session.scalars(stmt).all()
    path = os.path.join(EXPORT_DIR, output)
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "email", "display_name", "created_at", "active"])
        for user in users:
            writer.writerow([user.id, user.email, user.display_name, user.created_at.isoformat(), user.is_active])
    typer.echo("exported {} users to {}".format(len(users), path))


# ---------------------------------------------------------------- orders


@orders_app.command("show")
def show_order(order_id: int, as_json: bool = False):
    """Print an order with its lines."""
    ctx = _context()
    order = ctx.session.get(Order, order_id)
    if order is None:
        typer.echo(f"order {order_id} not found", err=True)
        raise typer.Exit(1)
    data = {
        "id": order.id,
        "customer": order.customer_id,
        "status": order.status,
        "created_at": order.created_at.isoformat(),
        "lines": [{"sku": l.sku, "qty": l.quantity, "amount": str(l.amount)} for l in order.lines],
    }
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(f"Order {order.id} ({order.status}) for customer {order.customer_id}")
    for line in data["lines"]:
        typer.echo(f"  {line['qty']:>3} x {line['sku']:<12} {line['amount']:>10}")


@orders_app.command("refund")
def refund_order(order_id: int, amount: Optional[float] = None, reason: str = "", notify: bool = True,
                 force: bool = False, dry_run: bool = False):
    """Refund an order, fully or partly."""
    ctx = _context(dry_run)
    order = ctx.session.get(Order, order_id)
    if order is None:
        raise typer.BadParameter(f"order {order_id} not found")
    if order.status not in ("paid", "shipped") and not force:
        typer.echo(f"order is {order.status}; use --force to refund anyway", err=True)
        raise typer.Exit(2)
    total = sum(line.amount for line in order.lines)
    refund = amount if amount is not None else float(total)
    if refund > float(total):
        raise typer.BadParameter("refund exceeds order total")
    order.status = "refunded" if refund == float(total) else "partially_refunded"
    order.refunded_amount = refund
    ctx.audit("order.refund", str(order.id), {"amount": refund, "reason": reason})
    if notify:
        try:
            subprocess.run(
                ["shop-notify", "refund", str(order.id), str(refund)],
                check=True,
                env={**os.environ, "SUPPORT_API_TOKEN": SUPPORT_API_TOKEN},
            )
        except subprocess.CalledProcessError as exc:
            log.warning("notification failed: %s", exc)
    ctx.commit()
    log.debug(f"refund order_id={order.id} refund={refund}")
    typer.echo(f"refunded {refund:.2f} on order {order.id}")


@orders_app.command("stuck")
def stuck_orders(hours: int = 24):
    """List orders stuck in `paid` for too long."""
    ctx = _context()
    cutoff = datetime.now() - timedelta(hours=hours)
    orders = ctx.session.query(Order).filter(Order.status == "paid", Order.paid_at < cutoff).all()
    ids = list(map(lambda o: str(o.id), orders))
    if not ids:
        typer.echo("no stuck orders")
        return
    typer.echo("stuck: " + ", ".join(ids))


@orders_app.command("revenue")
def revenue(start: str, end: str, by: str = "day"):
    """Print revenue per day or month."""
    ctx = _context()
    start_date, end_date = date.fromisoformat(start), date.fromisoformat(end)
    bucket = func.date_trunc(by, Order.created_at)
    rows = ctx.session.execute(
        select(bucket, func.sum(OrderLine.amount))
        .join(OrderLine)
        .where(Order.created_at >= start_date, Order.created_at < end_date)
        .group_by(bucket)
        .order_by(bucket)
    ).all()
    for period, amount in rows:
        typer.echo(f"{period:%Y-%m-%d}  {amount:>12,.2f}")


# ---------------------------------------------------------------- products


@products_app.command("import")
def import_products(path: str, update_prices: bool = True, deactivate_missing: bool = False):
    """Import products from a JSON file."""
    ctx = _context()
    with open(path) as handle:
        items: List[Dict[str, Any]] = json.load(handle)
    existing = {p.sku: p for p in ctx.session.scalars(select(Product))}
    created = updated = 0
    for item in items:
        product = existing.get(item["sku"])
        if product is None:
            ctx.session.add(Product(sku=item["sku"], name=item["name"], price=item["price"], active=True))
            created += 1
        elif update_prices and product.price != item["price"]:
            product.price = item["price"]
            updated += 1
    if deactivate_missing:
        seen = set(map(lambda i: i["sku"], items))
        for sku, product in existing.items():
            if sku not in seen:
                product.active = False
    ctx.audit("products.import", path, {"created": created, "updated": updated})
    ctx.commit()
    typer.echo(f"{created} created, {updated} updated")


@products_app.command("price")
def set_price(sku: str, price: float):
    ctx = _context()
    product = ctx.session.query(Product).filter_by(sku=sku).one_or_none()
    if product is None:
        raise typer.BadParameter(f"unknown SKU {sku}")
    old = product.price
    product.price = price
    ctx.audit("product.price", sku, {"old": str(old), "new": str(price)})
    ctx.commit()
    typer.echo(f"{sku}: {old} -> {price}")


@products_app.command("low-stock")
def low_stock(threshold: int = 5):
    """List products with little stock left."""
    ctx = _context()
    products = ctx.session.scalars(select(Product).where(Product.stock <= threshold, Product.active)).all()
    for product in sorted(products, key=lambda p: p.stock):
        typer.echo(f"{product.sku:<12} {product.stock:>4}  {product.name}")


# ---------------------------------------------------------------- maintenance


@maint_app.command("vacuum")
def vacuum():
    """Run VACUUM ANALYZE on the busiest tables."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in ("orders", "order_lines", "audit_log", "sessions"):
            connection.exec_driver_sql(f"VACUUM ANALYZE {table}")
            typer.echo(f"vacuumed {table}")


@maint_app.command("purge-audit")
def purge_audit(days: int = 365, dry_run: bool = False):
    """Delete audit entries older than the retention period."""
    ctx = _context(dry_run)
    cutoff = datetime.now() - timedelta(days=days)
    count = ctx.session.query(AuditLog).filter(AuditLog.created_at < cutoff).delete()
    ctx.commit()
    typer.echo(f"purged {count} audit entries")


@maint_app.command("clean-exports")
def clean_exports(keep_days: int = 14):
    """Delete export files older than `keep_days`."""
    cutoff = datetime.now().timestamp() - keep_days * 86400
    removed = 0
    for name in os.listdir(EXPORT_DIR):
        path = os.path.join(EXPORT_DIR, name)
        if os.path.getmtime(path) < cutoff:
            try:
                os.remove(path)
                removed += 1
            except OSError:
                pass
    typer.echo(f"removed {removed} files")


@maint_app.command("backup")
def backup(target_dir: str = "/var/backups/shop", settings_path: str = "/etc/shop/admin.toml"):
    """Dump the database and copy uploaded media next to the dump."""
    settings = _load_settings(settings_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    os.makedirs(target_dir, exist_ok=True)
    dump_path = os.path.join(target_dir, f"shop-{stamp}.dump")
    database_url = settings.get("database_url", os.environ.get("DATABASE_URL", ""))
    if not database_url:
        typer.echo("no database_url configured", err=True)
        raise typer.Exit(1)
    try:
        subprocess.run(["pg_dump", "-Fc", "-f", dump_path, database_url], check=True)
    except:
        typer.echo("pg_dump failed", err=True)
        raise typer.Exit(1)
    media = settings.get("media_dir", "/var/lib/shop/media")
    if os.path.isdir(media):
        shutil.make_archive(os.path.join(target_dir, f"media-{stamp}"), "gztar", media)
    size = os.path.getsize(dump_path) / (1024 * 1024)
    typer.echo(f"backup written to {dump_path} ({size:.1f} MiB)")
    log.info("backup finished at %s", datetime.now().isoformat())


@maint_app.command("check")
def health_check():
    """Check that the database answers and that disk space is sufficient."""
    problems = []
    try:
        with SessionLocal() as session:
            session.execute(select(func.count()).select_from(User)).scalar_one()
    except Exception as exc:
        problems.append(f"database: {exc}")
    usage = shutil.disk_usage(EXPORT_DIR if os.path.isdir(EXPORT_DIR) else "/")
    if usage.free / usage.total < 0.1:
        problems.append("disk: less than 10% free")
    for problem in problems:
        typer.echo(problem, err=True)
    raise typer.Exit(1 if problems else 0)


@maint_app.command("report")
def weekly_report(week: Optional[str] = None, output_dir: str = EXPORT_DIR, email: Optional[str] = None,
                  include_refunds: bool = True, include_products: bool = True, fmt: str = "json"):
    """Build the weekly operations report."""
    ctx = _context()
    if week:
        start = datetime.strptime(week + "-1", "%G-W%V-%u")
    else:
        today = datetime.now()
        start = datetime(today.year, today.month, today.day) - timedelta(days=today.weekday() + 7)
    end = start + timedelta(days=7)
    orders = ctx.session.scalars(select(Order).where(Order.created_at >= start, Order.created_at < end)).all()
    report: Dict[str, Any] = {
        "week": start.strftime("%G-W%V"),
        "orders": len(orders),
        "revenue": float(sum(sum(l.amount for l in o.lines) for o in orders)),
    }
    if include_refunds:
        refunded = list(filter(lambda o: o.status in ("refunded", "partially_refunded"), orders))
        report["refunds"] = {"count": len(refunded), "amount": float(sum(o.refunded_amount or 0 for o in refunded))}
    if include_products:
        counts: Dict[str, int] = {}
        for order in orders:
            for line in order.lines:
                counts[line.sku] = counts.get(line.sku, 0) + line.quantity
        report["top_products"] = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:10]
    path = os.path.join(output_dir, "weekly-%s.%s" % (report["week"], fmt))
    with open(path, "w") as handle:
        match fmt:
            case "json":
                json.dump(report, handle, indent=2)
            case "txt":
                for key, value in report.items():
                    handle.write(f"{key}: {value}\n")
            case _:
                raise typer.BadParameter(f"unknown format {fmt}")
    if email:
        subprocess.run(["mail", "-s", f"Weekly report {report['week']}", "-A", path, email], check=False)
    typer.echo(f"report written to {path}")


# ---------------------------------------------------------------- coupons

coupons_app = typer.Typer(help="Manage discount coupons.")
app.add_typer(coupons_app, name="coupons")


@coupons_app.command("create")
def create_coupon(code: str, percent: int, max_uses: int = 100, expires_in_days: int = 30,
                  min_order: float = 0.0, first_order_only: bool = False):
    """Create a percentage coupon."""
    from shop.models import Coupon

    ctx = _context()
    if not 1 <= percent <= 90:
        raise typer.BadParameter("percent must be between 1 and 90")
    coupon = Coupon(
        code=code.upper(),
        percent=percent,
        max_uses=max_uses,
        expires_at=datetime.now() + timedelta(days=expires_in_days),
        min_order=min_order,
        first_order_only=first_order_only,
    )
    ctx.session.add(coupon)
    ctx.audit("coupon.create", coupon.code, {"percent": percent, "max_uses": max_uses})
    ctx.commit()
    typer.echo(f"created coupon {coupon.code} ({percent}% off, {max_uses} uses)")


@coupons_app.command("list")
def list_coupons(include_expired: bool = False):
    """List coupons and how often they were used."""
    from shop.models import Coupon

    ctx = _context()
    query = ctx.session.query(Coupon)
    if not include_expired:
        query = query.filter(Coupon.expires_at > datetime.now())
    for coupon in query.order_by(Coupon.code):
        used = "%d/%d" % (coupon.uses, coupon.max_uses)
        typer.echo(f"{coupon.code:<16} {coupon.percent:>3}%  {used:>9}  {coupon.expires_at:%Y-%m-%d}")


@coupons_app.command("disable")
def disable_coupon(code: str):
    from shop.models import Coupon

    ctx = _context()
    coupon = ctx.session.query(Coupon).filter_by(code=code.upper()).first()
    if coupon is None:
        typer.echo(f"no coupon {code}", err=True)
        raise typer.Exit(1)
    coupon.expires_at = datetime.now()
    ctx.audit("coupon.disable", coupon.code)
    ctx.commit()
    typer.echo(f"disabled {coupon.code}")


@coupons_app.command("usage")
def coupon_usage(code: str, as_json: bool = False):
    """Show which orders used a coupon."""
    ctx = _context()
    orders = ctx.session.scalars(select(Order).where(Order.coupon_code == code.upper())).all()
    rows = [{"order": o.id, "customer": o.customer_id, "date": o.created_at.isoformat()} for o in orders]
    if as_json:
        typer.echo(json.dumps(rows))
        return
    if not rows:
        typer.echo("unused")
        return
    for row in rows:
        typer.echo("{order:>8} {customer:>8} {date}".format(**row))


@coupons_app.command("cleanup")
def cleanup_coupons(older_than_days: int = 180, dry_run: bool = False):
    """Delete coupons that expired long ago and were never used."""
    from shop.models import Coupon

    ctx = _context(dry_run)
    cutoff = datetime.now() - timedelta(days=older_than_days)
    stale = ctx.session.query(Coupon).filter(Coupon.expires_at < cutoff, Coupon.uses == 0).all()
    for coupon in stale:
        ctx.session.delete(coupon)
    ctx.audit("coupons.cleanup", "*", {"deleted": len(stale)})
    ctx.commit()
    typer.echo(f"deleted {len(stale)} coupons")


@app.callback()
def main(verbose: bool = False):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, stream=sys.stderr)


if __name__ == "__main__":
    app()
