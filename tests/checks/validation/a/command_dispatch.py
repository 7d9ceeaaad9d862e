# path: src/chatops/commands.py
# expect: duplicate-case-arms=violation docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant structlog=compliant f-strings=compliant
# expect: function-length=compliant parameter-count=compliant union-operator=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: no-any=compliant
"""Parse and route chat commands such as `/deploy api staging`."""

from structlog import get_logger

from chatops.actions import deploy, rollback, show_help, show_status

__all__ = ["handle"]

log = get_logger(__name__)


def handle(text: str, user: str) -> str:
    """Run the command a chat message holds.

    Args:
        text: The message, starting with `/`.
        user: Who sent it.

    Returns:
        The reply to post.
    """
    words = text.strip().split()
    log.info("chatops.command", user=user, words=words)
    match words:
        case ["/deploy", service, environment]:
            return deploy(service, environment, requested_by=user)
        case ["/deploy", service]:
            return deploy(service, "staging", requested_by=user)
        case ["/rollback", service, environment]:
            return rollback(service, environment, requested_by=user)
        case ["/status", service]:
            return show_status(service)
        case ["/help"]:
            return show_help()
        case ["/help", *_]:
            return show_help()
        case [command, *_] if command.startswith("/"):
            return f"unknown command {command}; try /help"
        case _:
            return ""
