# path: src/payments/gateway.py
# expect: hardcoded-secrets=violation specific-imports=violation orjson=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation repr=violation raise-from=violation
# expect: structlog=violation union-operator=compliant annotations=compliant no-any=violation
# expect: function-length=compliant parameter-count=compliant f-strings=compliant timezone-aware=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant
# expect: keyword-only=violation domain-hierarchy=compliant constructor-injection=violation
"""Client for the Stripe-like payment provider used in checkout."""

import hmac
import json
import logging
from datetime import datetime
from hashlib import sha256
from typing import Any

import httpx

logger = logging.getLogger("payments")

STRIPE_SECRET_KEY = "sk_live_51HqLyjWDarjtT1zdp7dcXHxFbJ2vQ3eR9kLmN0pQ"
WEBHOOK_SECRET = "whsec_8f1d2c3b4a5e6f7a8b9c0d1e2f3a4b5c"
API_BASE = "https://api.payments.example.com/v1"


class PaymentError(Exception):
    pass


class CardDeclined(PaymentError):
    pass


class PaymentGateway:
    def __init__(self, secret_key: str = STRIPE_SECRET_KEY, timeout: float = 20.0) -> None:
        self._client = httpx.Client(
            base_url=API_BASE,
            headers={"Authorization": f"Bearer {secret_key}"},
            timeout=timeout,
        )

    def charge(self, amount_cents: int, currency: str, card_token: str, order_id: str) -> dict[str, Any]:
        payload = {
            "amount": amount_cents,
            "currency": currency,
            "source": card_token,
            "metadata": {"order_id": order_id, "sent_at": datetime.now().isoformat()},
        }
        try:
            response = self._client.post("/charges", json=payload)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            body = exc.response.json()
            if body.get("error", {}).get("code") == "card_declined":
                raise CardDeclined(body["error"]["message"])
            logger.error("charge failed for order %s: %s", order_id, body)
            raise PaymentError(f"charge failed with {exc.response.status_code}")
        return response.json()

    def refund(self, charge_id: str, amount_cents: int | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"charge": charge_id}
        if amount_cents is not None:
            payload["amount"] = amount_cents
        response = self._client.post("/refunds", json=payload)
        response.raise_for_status()
        return response.json()


def verify_webhook(payload: bytes, signature: str, secret: str = WEBHOOK_SECRET) -> dict[str, Any]:
    expected = hmac.new(secret.encode(), payload, sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise PaymentError("bad webhook signature")
    return json.loads(payload)
