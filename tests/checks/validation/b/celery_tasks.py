# path: src/jobs/tasks.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: raise-from=violation bare-except=compliant structlog=violation f-strings=violation
# expect: timezone-aware=violation sqlalchemy-select=violation orjson=violation hardcoded-secrets=violation
# expect: no-any=compliant contextlib-suppress=violation
# expect: class-length=compliant
# expect: comprehensions=compliant
# expect: no-pickle=compliant
# expect: relative-imports=compliant
# expect: domain-hierarchy=compliant
"""Celery tasks for order fulfilment."""

import json
import logging
from datetime import datetime, timedelta

import requests
from celery import Celery
from celery.exceptions import MaxRetriesExceededError

from shop.db import SessionLocal
from shop.orders.models import Order

celery_app = Celery("shop", broker="redis://:hunter2-redis-pass@redis.internal:6379/1")
logger = logging.getLogger(__name__)

WAREHOUSE_API_KEY = "wh_live_0c8e7a6f5d4b3a2918"


class WarehouseUnavailable(Exception):
    pass


@celery_app.task(bind=True, max_retries=5, default_retry_delay=30)
def send_to_warehouse(self, order_id: int) -> None:
    """Push a paid order to the warehouse system."""
    with SessionLocal() as session:
        order = session.query(Order).get(order_id)
        payload = {"order": order.id, "lines": [{"sku": l.sku, "qty": l.quantity} for l in order.lines]}
    try:
        response = requests.post(
            "https://warehouse.internal/api/orders",
            data=json.dumps(payload),
            headers={"X-Api-Key": WAREHOUSE_API_KEY, "Content-Type": "application/json"},
            timeout=10,
        )
        response.raise_for_status()
    except requests.RequestException as exc:
        logger.warning("warehouse push failed for %s: %s", order_id, exc)
        try:
            raise self.retry(exc=exc)
        except MaxRetriesExceededError:
            raise WarehouseUnavailable("gave up on order %d" % order_id)


@celery_app.task
def cancel_unpaid_orders(max_age_hours=48):
    cutoff = datetime.now() - timedelta(hours=max_age_hours)
    with SessionLocal() as session:
        stale = session.query(Order).filter(Order.status == "pending", Order.created_at < cutoff).all()
        for order in stale:
            order.status = "cancelled"
            try:
                requests.post(f"https://notify.internal/cancelled/{order.id}", timeout=2)
            except requests.RequestException:
                pass
        session.commit()
    logger.info("cancelled {} unpaid orders".format(len(stale)))
    return len(stale)
