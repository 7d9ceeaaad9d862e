# path: src/notify/email.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=violation
# expect: async-blocking=violation task-group=violation hardcoded-secrets=compliant structlog=compliant
# expect: class-length=compliant repr=violation builtin-generics=compliant no-any=compliant
# expect: raise-from=compliant bare-except=compliant union-operator=compliant
# expect: comprehensions=compliant
# expect: keyword-only=violation domain-hierarchy=compliant constructor-injection=compliant
"""Send transactional e-mail through the SMTP relay."""

import asyncio
import smtplib
from email.message import EmailMessage
from os import environ

from structlog import get_logger

__all__ = ["EmailSendError", "Mailer"]

log = get_logger(__name__)


class EmailSendError(RuntimeError):
    """The relay refused or dropped a message."""


class Mailer:
    """Builds and sends messages."""

    def __init__(self, host: str, port: int = 587, sender: str = "no-reply@acme.test") -> None:
        """Configure the relay; the password comes from `SMTP_PASSWORD`."""
        self.host = host
        self.port = port
        self.sender = sender
        self.username = environ.get("SMTP_USER", sender)
        self.password = environ["SMTP_PASSWORD"]

    def build(
        self,
        to: str,
        subject: str,
        text: str,
        html: str | None = None,
        reply_to: str | None = None,
        tags: list[str] | None = None,
    ) -> EmailMessage:
        """Build a message with a plain-text and optional HTML body."""
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        if reply_to:
            message["Reply-To"] = reply_to
        if tags:
            message["X-Tags"] = ",".join(tags)
        message.set_content(text)
        if html:
            message.add_alternative(html, subtype="html")
        return message

    async def send(self, message: EmailMessage) -> None:
        """Send one message."""
        try:
            with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
                smtp.starttls()
                smtp.login(self.username, self.password)
                smtp.send_message(message)
        except smtplib.SMTPException as exc:
            log.error("email_failed", to=message["To"], error=str(exc))
            raise EmailSendError(str(exc)) from exc
        log.info("email_sent", to=message["To"], subject=message["Subject"])

    async def send_many(self, messages: list[EmailMessage]) -> None:
        """Send several messages concurrently."""
        await asyncio.gather(*(self.send(message) for message in messages))
