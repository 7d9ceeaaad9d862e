# path: src/chatbot/commands.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: duplicate-case-arms=violation f-strings=violation structlog=violation union-operator=compliant
# expect: no-any=compliant builtin-generics=compliant fstring-debug=violation
"""Parse and answer slash commands typed into the support chat."""

from logging import getLogger

__all__ = ["handle_command"]

log = getLogger(__name__)

HELP_TEXT = """Available commands:
/status <order>   show an order's status
/refund <order>   start a refund
/agent            talk to a human
/help             show this message"""


def handle_command(text: str, user_id: int, orders: dict[str, str]) -> str | None:
    """Answer a slash command, or return None for normal chat messages."""
    if not text.startswith("/"):
        return None
    parts = text.strip().split()
    log.debug(f"command user_id={user_id} parts={parts}")
    match parts:
        case ["/status", order_id]:
            status = orders.get(order_id)
            if status is None:
                return "I couldn't find order %s." % order_id
            return f"Order {order_id} is {status}."
        case ["/refund", order_id]:
            if order_id not in orders:
                return "I couldn't find order %s." % order_id
            log.info("refund requested for %s by %s", order_id, user_id)
            return "A refund for order {} has been requested.".format(order_id)
        case ["/agent"]:
            log.info("handoff requested by %s", user_id)
            return "Connecting you to an agent..."
        case ["/agent", *_]:
            log.info("handoff requested by %s", user_id)
            return "Connecting you to an agent..."
        case ["/help"] | ["/?"]:
            return HELP_TEXT
        case ["/status" | "/refund"]:
            return "Please add an order number, e.g. /status 12345."
        case _:
            return "Unknown command. " + HELP_TEXT
