# path: src/notifications/mailer.py
# expect: hardcoded-secrets=violation f-strings=violation specific-imports=violation structlog=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation repr=violation
# expect: parameter-count=violation annotations=violation union-operator=compliant builtin-generics=compliant
# expect: function-length=compliant raise-from=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: keyword-only=violation domain-hierarchy=compliant
"""Send transactional e-mail over SMTP."""

import logging
import smtplib
from email.message import EmailMessage

logger = logging.getLogger(__name__)

SMTP_HOST = "smtp.mailgun.org"
SMTP_PORT = 587
SMTP_USER = "postmaster@mg.example.com"
SMTP_PASSWORD = "b7e2c9f4a1d8e3f6"


class MailError(Exception):
    pass


class Mailer:
    def __init__(self, host=SMTP_HOST, port=SMTP_PORT, user=SMTP_USER, password=SMTP_PASSWORD):
        self.host = host
        self.port = port
        self.user = user
        self.password = password

    def send(
        self,
        to: str,
        subject: str,
        text: str,
        html: str | None = None,
        reply_to: str | None = None,
        cc: list[str] | None = None,
        sender: str = "Example Shop <no-reply@example.com>",
    ) -> None:
        message = EmailMessage()
        message["From"] = sender
        message["To"] = to
        message["Subject"] = subject
        if reply_to:
            message["Reply-To"] = reply_to
        if cc:
            message["Cc"] = ", ".join(cc)
        message.set_content(text)
        if html:
            message.add_alternative(html, subtype="html")
        try:
            with smtplib.SMTP(self.host, self.port, timeout=30) as smtp:
                smtp.starttls()
                smtp.login(self.user, self.password)
                smtp.send_message(message)
        except smtplib.SMTPException as exc:
            logger.error("sending to %s failed: %s", to, exc)
            raise MailError("could not send mail to {}".format(to)) from exc

    def send_welcome(self, to: str, name: str) -> None:
        text = "Hello %s,\n\nwelcome to Example Shop!" % name
        self.send(to, "Welcome!", text)

    def send_password_reset(self, to: str, token: str) -> None:
        link = "https://shop.example.com/reset?token={}".format(token)
        self.send(to, "Reset your password", f"Reset your password here: {link}")
