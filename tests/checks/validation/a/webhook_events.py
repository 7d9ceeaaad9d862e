# path: src/payments/webhooks.py
# expect: duplicate-case-arms=violation structlog=compliant docstrings=compliant google-docstrings=compliant
# expect: dunder-all=compliant annotations=compliant specific-imports=compliant no-any=compliant
# expect: function-length=compliant parameter-count=compliant f-strings=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: type-checking-imports=violation
"""Dispatch provider webhook events to the order workflow."""

from collections.abc import Mapping

from structlog import get_logger

from payments.workflow import OrderWorkflow

__all__ = ["handle_event"]

log = get_logger(__name__)


def handle_event(event: Mapping[str, object], workflow: OrderWorkflow) -> bool:
    """Apply one webhook event to the order it concerns.

    Args:
        event: The decoded event (`type` and `data`).
        workflow: The order workflow.

    Returns:
        True when the event changed an order, False when it was ignored.
    """
    data = event.get("data")
    order_id = str(data.get("order_id", "")) if isinstance(data, Mapping) else ""
    match event.get("type"):
        case "charge.succeeded":
            workflow.mark_paid(order_id)
            log.info("order.paid", order_id=order_id)
            return True
        case "charge.failed":
            workflow.mark_failed(order_id)
            log.warning("order.payment_failed", order_id=order_id)
            return True
        case "charge.expired":
            workflow.mark_failed(order_id)
            log.warning("order.payment_failed", order_id=order_id)
            return True
        case "charge.refunded":
            workflow.mark_refunded(order_id)
            log.info("order.refunded", order_id=order_id)
            return True
        case "customer.created" | "customer.updated":
            return False
        case "charge.dispute.created":
            workflow.open_dispute(order_id)
            log.error("order.disputed", order_id=order_id)
            return True
        case unknown:
            log.info("webhook.ignored", event_type=unknown)
            return False


def is_payment_event(event_type: str) -> bool:
    """Whether an event type concerns payments.

    Args:
        event_type: The event's `type`.

    Returns:
        True for `charge.*` events.
    """
    return event_type.startswith("charge.")
