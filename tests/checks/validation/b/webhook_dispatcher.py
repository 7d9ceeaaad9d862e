# path: src/notify/webhooks.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: async-blocking=violation task-group=violation structlog=violation orjson=violation
# expect: class-length=compliant repr=violation no-star-args=violation hardcoded-secrets=violation
# expect: union-operator=violation builtin-generics=violation no-any=violation raise-from=violation
# expect: bare-except=compliant f-strings=compliant
# expect: comprehensions=compliant
# expect: no-pickle=compliant
# expect: domain-hierarchy=compliant
"""Deliver webhook events to subscriber endpoints."""

import asyncio
import hashlib
import hmac
import json
import logging
from typing import Any, Dict, List, Optional

import aiohttp
import requests

log = logging.getLogger("webhooks")

SIGNING_SECRET = "whsec_5f2b8c1e9a7d4c3b2a1f0e9d8c7b6a5f"


class DeliveryError(Exception):
    pass


def sign(payload: bytes) -> str:
    return hmac.new(SIGNING_SECRET.encode(), payload, hashlib.sha256).hexdigest()


class WebhookDispatcher:
    def __init__(self, endpoints: List[str], timeout=10):
        self.endpoints = endpoints
        self.timeout = timeout

    async def _post(self, session: aiohttp.ClientSession, url: str, body: bytes) -> int:
        headers = {"Content-Type": "application/json", "X-Signature": sign(body)}
        try:
            async with session.post(url, data=body, headers=headers, timeout=self.timeout) as resp:
                return resp.status
        except aiohttp.ClientError as exc:
            raise DeliveryError(f"{url}: {exc}")

    async def dispatch(self, event: str, data: Dict[str, Any], **extra) -> Dict[str, Optional[int]]:
        """Send an event to every endpoint."""
        body = json.dumps({"event": event, "data": data, **extra}).encode()
        results: Dict[str, Optional[int]] = {}
        async with aiohttp.ClientSession() as session:
            statuses = await asyncio.gather(
                *(self._post(session, url, body) for url in self.endpoints),
                return_exceptions=True,
            )
        for url, status in zip(self.endpoints, statuses):
            if isinstance(status, Exception):
                log.error(f"delivery to {url} failed: {status}")
                results[url] = None
            else:
                results[url] = status
        return results

    async def verify_endpoint(self, url: str) -> bool:
        """Check that an endpoint answers a ping."""
        response = requests.get(url + "/ping", timeout=self.timeout)
        return response.ok
