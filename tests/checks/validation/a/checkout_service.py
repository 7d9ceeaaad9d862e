# path: src/shop/checkout/service.py
# expect: type-checking-imports=violation docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant structlog=compliant union-operator=compliant
# expect: raise-from=compliant repr=compliant abc-imports=compliant function-length=compliant
# expect: parameter-count=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: dataclass-options=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Checkout: turn a cart into an order and a payment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from structlog import get_logger

from shop.carts.models import Cart, CartLine
from shop.orders.models import Order
from shop.orders.repository import OrderRepository
from shop.payments.gateway import CardDeclined, PaymentGateway

__all__ = ["CheckoutFailed", "CheckoutService"]

log = get_logger(__name__)


class CheckoutFailed(Exception):
    """The cart could not be checked out; the message says why."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutService:
    """Checks carts out.

    Attributes:
        orders: Where orders are stored.
        gateway: The payment gateway.
    """

    orders: OrderRepository
    gateway: PaymentGateway

    def total(self, lines: Sequence[CartLine]) -> Decimal:
        """The amount to charge for some cart lines.

        Args:
            lines: The lines.

        Returns:
            The sum of unit price times quantity.
        """
        return sum((line.unit_price * line.quantity for line in lines), Decimal("0"))

    def checkout(self, cart: Cart, card_token: str) -> Order:
        """Charge the cart's total and store the order.

        Args:
            cart: The cart.
            card_token: The tokenised card to charge.

        Returns:
            The paid order.

        Raises:
            CheckoutFailed: The cart is empty or the card was declined.
        """
        if not cart.lines:
            raise CheckoutFailed("the cart is empty")
        amount = self.total(cart.lines)
        try:
            charge = self.gateway.charge(int(amount * 100), cart.currency, card_token, cart.id)
        except CardDeclined as exc:
            log.warning("checkout.declined", cart_id=cart.id)
            raise CheckoutFailed("the card was declined") from exc
        order = self.orders.create_from_cart(cart, charge_id=charge["id"])
        log.info("checkout.done", cart_id=cart.id, order_id=order.id, amount=str(amount))
        return order
