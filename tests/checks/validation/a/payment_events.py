# path: src/ledger/events.py
# expect: duplicate-case-arms=violation docstrings=violation google-docstrings=violation dunder-all=violation
# expect: annotations=compliant specific-imports=compliant union-operator=compliant structlog=violation
# expect: function-length=violation parameter-count=compliant raise-from=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant
"""Apply ledger events to account balances."""

from decimal import Decimal
from logging import getLogger

from ledger.models import Account, Event

logger = getLogger(__name__)


class UnknownEvent(ValueError):
    pass


def apply_event(account: Account, event: Event) -> Decimal:
    match event.kind:
        case "deposit":
            account.balance += event.amount
            account.version += 1
        case "interest":
            account.balance += event.amount
            account.version += 1
        case "withdrawal":
            if event.amount > account.balance:
                raise ValueError("insufficient funds")
            account.balance -= event.amount
            account.version += 1
        case "fee":
            account.balance -= event.amount
            account.version += 1
        case "chargeback":
            account.balance -= event.amount
            account.version += 1
            account.flagged = True
        case "reversal":
            account.balance += event.amount
            account.version += 1
            account.flagged = True
        case "freeze":
            account.frozen = True
        case "unfreeze":
            account.frozen = False
        case _:
            raise UnknownEvent(event.kind)
    logger.info("applied %s to %s", event.kind, account.id)
    return account.balance


def replay(account: Account, events: list[Event]) -> Decimal:
    for event in sorted(events, key=lambda e: e.sequence):
        apply_event(account, event)
    return account.balance


def describe(event: Event) -> str:
    match event.kind:
        case "deposit" | "interest" | "reversal":
            return f"+{event.amount}"
        case "withdrawal" | "fee" | "chargeback":
            return f"-{event.amount}"
        case other:
            return other
