# path: src/billing/stripe_client.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: no-star-args=compliant hardcoded-secrets=compliant raise-from=compliant bare-except=compliant
# expect: class-length=compliant repr=compliant union-operator=compliant builtin-generics=compliant
# expect: no-any=compliant structlog=compliant f-strings=compliant type-checking-imports=compliant
# expect: abc-imports=compliant
# expect: keyword-only=compliant domain-hierarchy=compliant constructor-injection=violation
"""Small synchronous client for the payment provider's REST API."""

from __future__ import annotations

from os import environ
from typing import TYPE_CHECKING

from httpx import Client, HTTPStatusError, TransportError
from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["PaymentApiError", "PaymentClient"]

log = get_logger(__name__)


class PaymentApiError(RuntimeError):
    """The payment API rejected a request or could not be reached."""


class PaymentClient:
    """Calls the payment API with the secret key from `PAYMENTS_SECRET_KEY`."""

    def __init__(self, base_url: str = "https://api.payments.example") -> None:
        """Create a client.

        Args:
            base_url: The API root.
        """
        self._http = Client(
            base_url=base_url,
            auth=(environ["PAYMENTS_SECRET_KEY"], ""),
            timeout=20.0,
        )

    def __repr__(self) -> str:
        """Show the API root, never the key."""
        return f"PaymentClient(base_url={self._http.base_url!s})"

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, object]:
        """Send one API request.

        Args:
            method: The HTTP method.
            path: The path below the API root.
            params: Query parameters.
            form: Form-encoded body fields.
            idempotency_key: Makes retried POSTs safe.

        Returns:
            The decoded JSON body.

        Raises:
            PaymentApiError: If the request fails or the API answers with an error.
        """
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        try:
            response = self._http.request(method, path, params=params, data=form, headers=headers)
            response.raise_for_status()
        except HTTPStatusError as exc:
            log.warning("payment_api_error", status=exc.response.status_code, path=path)
            raise PaymentApiError(exc.response.text) from exc
        except TransportError as exc:
            raise PaymentApiError(f"payment API unreachable: {exc}") from exc
        return response.json()

    def refund(self, charge_id: str, *, amount_cents: int | None = None) -> dict[str, object]:
        """Refund a charge, fully or partly.

        Args:
            charge_id: The charge to refund.
            amount_cents: The amount to refund; the whole charge when None.

        Returns:
            The refund object.
        """
        form = {"charge": charge_id}
        if amount_cents is not None:
            form["amount"] = str(amount_cents)
        return self.request("POST", "/v1/refunds", form=form, idempotency_key=f"refund-{charge_id}")
