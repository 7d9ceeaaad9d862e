# path: src/worker/tasks.py
# expect: specific-imports=violation structlog=violation docstrings=violation google-docstrings=violation
# expect: dunder-all=violation annotations=violation bare-except=violation raise-from=violation
# expect: timezone-aware=violation no-star-args=violation function-length=compliant parameter-count=compliant
# expect: f-strings=violation contextlib-suppress=compliant
# expect: module-length=compliant class-length=compliant wildcard-import=compliant relative-imports=compliant
# expect: domain-hierarchy=compliant
"""Celery tasks for background e-mail and report jobs."""

import logging
from datetime import datetime, timedelta

from celery import Celery
from celery.exceptions import MaxRetriesExceededError

from notifications.mailer import Mailer, MailError
from reports.builder import build_monthly_report

app = Celery("worker", broker="redis://localhost:6379/0")
logger = logging.getLogger(__name__)


class TaskFailed(Exception):
    pass


@app.task(bind=True, max_retries=5, default_retry_delay=30)
def send_email(self, to, subject, body):
    try:
        Mailer().send(to, subject, body)
    except MailError as exc:
        try:
            raise self.retry(exc=exc)
        except MaxRetriesExceededError:
            logger.error("giving up on mail to %s", to)
            raise TaskFailed("mail to %s failed" % to)


@app.task
def monthly_report(account_id, month=None):
    month = month or (datetime.now().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    logger.info("building report for %s (%s)", account_id, month)
    try:
        path = build_monthly_report(account_id, month)
    except:
        logger.exception("report for %s failed", account_id)
        return None
    send_email.delay(f"account-{account_id}@example.com", "Your monthly report", str(path))
    return str(path)


@app.task
def cleanup(*args, **kwargs):
    cutoff = datetime.utcnow() - timedelta(days=kwargs.get("days", 30))
    logger.info("cleaning up files older than {}".format(cutoff.isoformat()))
    return cutoff.isoformat()


def schedule_all(accounts):
    for account_id in accounts:
        monthly_report.delay(account_id)
    logger.info("scheduled %d reports", len(accounts))
