# path: src/warehouse/inventory.py
# expect: module-length=violation class-length=violation docstrings=compliant google-docstrings=violation
# expect: dunder-all=compliant annotations=compliant specific-imports=compliant structlog=compliant
# expect: union-operator=compliant builtin-generics=compliant abc-imports=compliant timezone-aware=compliant
# expect: repr=compliant raise-from=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: dataclass-options=compliant function-length=compliant parameter-count=compliant
# expect: sqlalchemy-select=compliant type-checking-imports=violation f-strings=compliant
# expect: no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: keyword-only=violation session-scalars=violation domain-hierarchy=compliant
# expect: value-object-equality=compliant
"""Inventory management for the warehouse: stock levels, reservations, transfers and audits.

The manager is the only writer of stock rows. Every change is recorded as a movement so that
stock levels can be rebuilt and audited.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from structlog import get_logger

from warehouse.models import Bin, Movement, Product, Reservation, StockLevel, Warehouse

__all__ = [
    "InsufficientStock",
    "InventoryError",
    "InventoryManager",
    "MovementKind",
    "StockSummary",
    "UnknownLocation",
]

log = get_logger(__name__)

RESERVATION_TTL = timedelta(minutes=30)
LOW_STOCK_THRESHOLD = 5


class InventoryError(Exception):
    """Base of the inventory's errors."""


class InsufficientStock(InventoryError):
    """Fewer units are available than requested."""


class UnknownLocation(InventoryError):
    """A warehouse or bin does not exist."""


class MovementKind(StrEnum):
    """Why stock moved."""

    RECEIPT = "receipt"
    SHIPMENT = "shipment"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    ADJUSTMENT = "adjustment"
    RETURN = "return"
    SCRAP = "scrap"


@dataclass(frozen=True, slots=True, kw_only=True)
class StockSummary:
    """Stock of one product across a warehouse.

    Attributes:
        sku: The product's SKU.
        on_hand: Units physically present.
        reserved: Units promised to open orders.
        available: Units that can still be promised.
    """

    sku: str
    on_hand: int
    reserved: int
    available: int


class InventoryManager:
    """Reads and changes stock levels, recording each change as a movement."""

    def __init__(self, session: Session, *, actor: str) -> None:
        """Create a manager acting for someone.

        Args:
            session: The database session.
            actor: Who the movements are recorded for.
        """
        self._session = session
        self._actor = actor

    def __repr__(self) -> str:
        """Show who the manager acts for.

        Returns:
            `InventoryManager(actor=...)`.
        """
        return f"InventoryManager(actor={self._actor!r})"

    def _warehouse(self, code: str) -> Warehouse:
        warehouse = self._session.execute(
            select(Warehouse).where(Warehouse.code == code)
        ).scalar_one_or_none()
        if warehouse is None:
            raise UnknownLocation(f"no warehouse {code!r}")
        return warehouse

    def _bin(self, warehouse: Warehouse, label: str) -> Bin:
        found = self._session.execute(
            select(Bin).where(Bin.warehouse_id == warehouse.id, Bin.label == label)
        ).scalar_one_or_none()
        if found is None:
            raise UnknownLocation(f"no bin {label!r} in {warehouse.code}")
        return found

    def _product(self, sku: str) -> Product:
        product = self._session.execute(
            select(Product).where(Product.sku == sku)
        ).scalar_one_or_none()
        if product is None:
            raise InventoryError(f"unknown SKU {sku!r}")
        return product

    def _level(self, product: Product, bin_: Bin) -> StockLevel:
        level = self._session.execute(
            select(StockLevel).where(
                StockLevel.product_id == product.id, StockLevel.bin_id == bin_.id
            )
        ).scalar_one_or_none()
        if level is None:
            level = StockLevel(product_id=product.id, bin_id=bin_.id, quantity=0)
            self._session.add(level)
        return level

    def _record(self, kind: MovementKind, product: Product, bin_: Bin, quantity: int) -> None:
        self._session.add(
            Movement(
                kind=kind.value,
                product_id=product.id,
                bin_id=bin_.id,
                quantity=quantity,
                actor=self._actor,
                at=datetime.now(UTC),
            )
        )

    def on_hand(self, sku: str, warehouse_code: str) -> int:
        """Units of a product physically present in a warehouse.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.

        Returns:
            The sum over the warehouse's bins.
        """
        product = self._product(sku)
        warehouse = self._warehouse(warehouse_code)
        total = self._session.execute(
            select(func.coalesce(func.sum(StockLevel.quantity), 0))
            .join(Bin, Bin.id == StockLevel.bin_id)
            .where(StockLevel.product_id == product.id, Bin.warehouse_id == warehouse.id)
        ).scalar_one()
        return int(total)

    def reserved(self, sku: str, warehouse_code: str) -> int:
        """Units promised to open orders and not yet shipped.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.

        Returns:
            The units of unexpired reservations.
        """
        product = self._product(sku)
        warehouse = self._warehouse(warehouse_code)
        now = datetime.now(UTC)
        total = self._session.execute(
            select(func.coalesce(func.sum(Reservation.quantity), 0)).where(
                Reservation.product_id == product.id,
                Reservation.warehouse_id == warehouse.id,
                Reservation.expires_at > now,
            )
        ).scalar_one()
        return int(total)

    def summary(self, sku: str, warehouse_code: str) -> StockSummary:
        """Stock of a product in a warehouse.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.

        Returns:
            On hand, reserved and available units.
        """
        on_hand = self.on_hand(sku, warehouse_code)
        reserved = self.reserved(sku, warehouse_code)
        return StockSummary(
            sku=sku, on_hand=on_hand, reserved=reserved, available=max(0, on_hand - reserved)
        )

    def receive(self, sku: str, warehouse_code: str, bin_label: str, quantity: int) -> None:
        """Book goods received from a supplier into a bin.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.
            bin_label: The bin the goods go to.
            quantity: Units received.

        Raises:
            ValueError: The quantity is not positive.
        """
        if quantity <= 0:
            raise ValueError("received quantity must be positive")
        product = self._product(sku)
        bin_ = self._bin(self._warehouse(warehouse_code), bin_label)
        level = self._level(product, bin_)
        level.quantity += quantity
        self._record(MovementKind.RECEIPT, product, bin_, quantity)
        log.info("stock.received", sku=sku, bin=bin_label, quantity=quantity)

    def reserve(self, sku: str, warehouse_code: str, quantity: int, order_ref: str) -> Reservation:
        """Promise units to an order for a while.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.
            quantity: Units to promise.
            order_ref: The order's reference.

        Returns:
            The reservation; it expires after `RESERVATION_TTL`.

        Raises:
            InsufficientStock: Fewer units are available.
        """
        available = self.summary(sku, warehouse_code).available
        if available < quantity:
            raise InsufficientStock(f"{sku}: {available} available, {quantity} requested")
        reservation = Reservation(
            product_id=self._product(sku).id,
            warehouse_id=self._warehouse(warehouse_code).id,
            quantity=quantity,
            order_ref=order_ref,
            expires_at=datetime.now(UTC) + RESERVATION_TTL,
        )
        self._session.add(reservation)
        log.info("stock.reserved", sku=sku, quantity=quantity, order_ref=order_ref)
        return reservation

    def release(self, order_ref: str) -> int:
        """Drop an order's reservations.

        Args:
            order_ref: The order's reference.

        Returns:
            How many reservations were dropped.
        """
        reservations = self._session.scalars(
            select(Reservation).where(Reservation.order_ref == order_ref)
        ).all()
        for reservation in reservations:
            self._session.delete(reservation)
        return len(reservations)

    def ship(self, sku: str, warehouse_code: str, bin_label: str, quantity: int, order_ref: str) -> None:
        """Take shipped units out of a bin and close the order's reservation.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.
            bin_label: The bin picked from.
            quantity: Units shipped.
            order_ref: The order's reference.

        Raises:
            InsufficientStock: The bin holds fewer units.
        """
        product = self._product(sku)
        bin_ = self._bin(self._warehouse(warehouse_code), bin_label)
        level = self._level(product, bin_)
        if level.quantity < quantity:
            raise InsufficientStock(f"bin {bin_label} holds {level.quantity} of {sku}")
        level.quantity -= quantity
        self._record(MovementKind.SHIPMENT, product, bin_, -quantity)
        self.release(order_ref)
        log.info("stock.shipped", sku=sku, quantity=quantity, order_ref=order_ref)

    def transfer(self, sku: str, source: tuple[str, str], target: tuple[str, str], quantity: int) -> None:
        """Move units between bins, possibly across warehouses.

        Args:
            sku: The product's SKU.
            source: Warehouse code and bin label to take from.
            target: Warehouse code and bin label to put into.
            quantity: Units moved.

        Raises:
            InsufficientStock: The source bin holds fewer units.
        """
        product = self._product(sku)
        source_bin = self._bin(self._warehouse(source[0]), source[1])
        target_bin = self._bin(self._warehouse(target[0]), target[1])
        source_level = self._level(product, source_bin)
        if source_level.quantity < quantity:
            raise InsufficientStock(f"bin {source[1]} holds {source_level.quantity} of {sku}")
        source_level.quantity -= quantity
        self._level(product, target_bin).quantity += quantity
        self._record(MovementKind.TRANSFER_OUT, product, source_bin, -quantity)
        self._record(MovementKind.TRANSFER_IN, product, target_bin, quantity)

    def adjust(self, sku: str, warehouse_code: str, bin_label: str, counted: int) -> int:
        """Set a bin's quantity to what a stock count found.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.
            bin_label: The bin counted.
            counted: Units found.

        Returns:
            The difference booked (positive when more were found).
        """
        product = self._product(sku)
        bin_ = self._bin(self._warehouse(warehouse_code), bin_label)
        level = self._level(product, bin_)
        difference = counted - level.quantity
        if difference:
            level.quantity = counted
            self._record(MovementKind.ADJUSTMENT, product, bin_, difference)
            log.warning("stock.adjusted", sku=sku, bin=bin_label, difference=difference)
        return difference

    def scrap(self, sku: str, warehouse_code: str, bin_label: str, quantity: int) -> None:
        """Write off damaged units.

        Args:
            sku: The product's SKU.
            warehouse_code: The warehouse.
            bin_label: The bin.
            quantity: Units scrapped.

        Raises:
            InsufficientStock: The bin holds fewer units.
        """
        product = self._product(sku)
        bin_ = self._bin(self._warehouse(warehouse_code), bin_label)
        level = self._level(product, bin_)
        if level.quantity < quantity:
            raise InsufficientStock(f"bin {bin_label} holds {level.quantity} of {sku}")
        level.quantity -= quantity
        self._record(MovementKind.SCRAP, product, bin_, -quantity)

    def low_stock(self, warehouse_code: str, threshold: int = LOW_STOCK_THRESHOLD) -> list[str]:
        """SKUs whose available units fell below a threshold.

        Args:
            warehouse_code: The warehouse.
            threshold: The level under which a product counts as low.

        Returns:
            The SKUs, sorted.
        """
        warehouse = self._warehouse(warehouse_code)
        rows = self._session.execute(
            select(Product.sku, func.sum(StockLevel.quantity))
            .join(StockLevel, StockLevel.product_id == Product.id)
            .join(Bin, Bin.id == StockLevel.bin_id)
            .where(Bin.warehouse_id == warehouse.id)
            .group_by(Product.sku)
        ).all()
        return sorted(sku for sku, quantity in rows if int(quantity or 0) < threshold)

    def movements(self, sku: str, since: datetime) -> Sequence[Movement]:
        """A product's movements since a moment, oldest first.

        Args:
            sku: The product's SKU.
            since: The earliest moment.

        Returns:
            The movements.
        """
        product = self._product(sku)
        return self._session.scalars(
            select(Movement)
            .where(Movement.product_id == product.id, Movement.at >= since)
            .order_by(Movement.at)
        ).all()

    def expire_reservations(self) -> int:
        """Delete reservations past their expiry.

        Returns:
            How many were deleted.
        """
        now = datetime.now(UTC)
        expired = self._session.scalars(
            select(Reservation).where(Reservation.expires_at <= now)
        ).all()
        for reservation in expired:
            self._session.delete(reservation)
        if expired:
            log.info("reservations.expired", count=len(expired))
        return len(expired)

    def valuation(self, warehouse_code: str) -> Decimal:
        """The stock's value at cost price.

        Args:
            warehouse_code: The warehouse.

        Returns:
            The sum of quantity times cost price.
        """
        warehouse = self._warehouse(warehouse_code)
        total = self._session.execute(
            select(func.coalesce(func.sum(StockLevel.quantity * Product.cost_price), 0))
            .join(Product, Product.id == StockLevel.product_id)
            .join(Bin, Bin.id == StockLevel.bin_id)
            .where(Bin.warehouse_id == warehouse.id)
        ).scalar_one()
        return Decimal(total)

    def commit(self) -> None:
        """Commit the session's changes.

        Raises:
            InventoryError: The database refused them (a constraint failed).
        """
        try:
            self._session.commit()
        except IntegrityError as exc:
            self._session.rollback()
            raise InventoryError("stock change rejected by the database") from exc


def rebuild_levels(session: Session, movements: Iterable[Movement]) -> dict[tuple[int, int], int]:
    """Recompute stock levels from movements (for audits).

    Args:
        session: The database session (unused rows are not loaded).
        movements: Every movement, in any order.

    Returns:
        Quantity per (product id, bin id).
    """
    levels: dict[tuple[int, int], int] = {}
    for movement in movements:
        key = (movement.product_id, movement.bin_id)
        levels[key] = levels.get(key, 0) + movement.quantity
    log.info("levels.rebuilt", rows=len(levels), session=id(session))
    return levels


def audit(session: Session, warehouse_code: str) -> list[str]:
    """Compare stored stock levels with those rebuilt from movements.

    Args:
        session: The database session.
        warehouse_code: The warehouse to audit.

    Returns:
        One line per disagreement, empty when the books agree.
    """
    warehouse = session.execute(
        select(Warehouse).where(Warehouse.code == warehouse_code)
    ).scalar_one()
    movements = session.scalars(
        select(Movement).join(Bin, Bin.id == Movement.bin_id).where(Bin.warehouse_id == warehouse.id)
    ).all()
    rebuilt = rebuild_levels(session, movements)
    stored = session.scalars(
        select(StockLevel).join(Bin, Bin.id == StockLevel.bin_id).where(Bin.warehouse_id == warehouse.id)
    ).all()
    problems = []
    for level in stored:
        expected = rebuilt.get((level.product_id, level.bin_id), 0)
        if expected != level.quantity:
            problems.append(
                f"product {level.product_id} bin {level.bin_id}: stored {level.quantity}, "
                f"movements say {expected}"
            )
    return problems


def days_of_cover(on_hand: int, daily_demand: float) -> float | None:
    """How many days the stock lasts at a demand rate.

    :param on_hand: Units available.
    :param daily_demand: Units sold per day.
    :returns: The days, or None when nothing sells.
    """
    if daily_demand <= 0:
        return None
    return on_hand / daily_demand


def reorder_quantity(on_hand: int, daily_demand: float, lead_days: int, safety_days: int = 7) -> int:
    """Units to order so stock lasts the lead time plus a safety margin.

    Args:
        on_hand: Units available.
        daily_demand: Units sold per day.
        lead_days: Days until an order arrives.
        safety_days: Extra days of cover.

    Returns:
        The units to order, zero when the stock suffices.
    """
    needed = daily_demand * (lead_days + safety_days)
    return max(0, round(needed - on_hand))


def abc_class(values: dict[str, Decimal]) -> dict[str, str]:
    """Classify SKUs by their share of the stock's value (A: top 80 %, B: next 15 %, C: rest).

    Args:
        values: Stock value per SKU.

    Returns:
        The class of each SKU.
    """
    total = sum(values.values(), Decimal("0"))
    if not total:
        return {sku: "C" for sku in values}
    classes: dict[str, str] = {}
    running = Decimal("0")
    for sku, value in sorted(values.items(), key=lambda item: item[1], reverse=True):
        running += value
        share = running / total
        classes[sku] = "A" if share <= Decimal("0.8") else "B" if share <= Decimal("0.95") else "C"
    return classes


def pick_bins(levels: dict[str, int], quantity: int) -> list[tuple[str, int]]:
    """Choose the bins to pick from, emptying the smallest first.

    Args:
        levels: Units per bin label.
        quantity: Units to pick.

    Returns:
        Bin labels and units to take from each.

    Raises:
        InsufficientStock: The bins hold fewer units together.
    """
    if sum(levels.values()) < quantity:
        raise InsufficientStock(f"bins hold {sum(levels.values())}, {quantity} requested")
    picks: list[tuple[str, int]] = []
    remaining = quantity
    for label, units in sorted(levels.items(), key=lambda item: item[1]):
        if remaining == 0:
            break
        take = min(units, remaining)
        if take:
            picks.append((label, take))
            remaining -= take
    return picks
