# path: src/realtime/broadcaster.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=compliant cancelled-error=compliant structlog=compliant
# expect: class-length=compliant repr=compliant builtin-generics=compliant no-any=compliant
# expect: orjson=compliant contextlib-suppress=compliant type-checking-imports=compliant
# expect: raise-from=na
# expect: bare-except=compliant
# expect: f-strings=compliant
# expect: no-pickle=compliant
"""Fan messages out to every connected websocket client."""

from __future__ import annotations

from asyncio import CancelledError, Queue, TaskGroup
from contextlib import suppress
from typing import TYPE_CHECKING

from orjson import dumps
from starlette.websockets import WebSocketDisconnect
from structlog import get_logger

if TYPE_CHECKING:
    from starlette.websockets import WebSocket

__all__ = ["Broadcaster"]

log = get_logger(__name__)


class Broadcaster:
    """Keeps the open websockets and sends each published message to all of them."""

    def __init__(self) -> None:
        """Start with no clients."""
        self._clients: set[WebSocket] = set()
        self._outbox: Queue[dict[str, str]] = Queue()

    def __repr__(self) -> str:
        """Show how many clients are connected."""
        return f"Broadcaster(clients={len(self._clients)})"

    async def connect(self, websocket: WebSocket) -> None:
        """Accept a websocket and keep it until it disconnects.

        Args:
            websocket: The incoming connection.
        """
        await websocket.accept()
        self._clients.add(websocket)
        log.info("client_connected", clients=len(self._clients))
        try:
            while True:
                await websocket.receive_text()
        except WebSocketDisconnect:
            log.info("client_disconnected", clients=len(self._clients) - 1)
        finally:
            self._clients.discard(websocket)

    async def publish(self, message: dict[str, str]) -> None:
        """Queue a message for every client.

        Args:
            message: The message, sent as JSON.
        """
        await self._outbox.put(message)

    async def run(self) -> None:
        """Deliver queued messages until cancelled."""
        try:
            while True:
                message = await self._outbox.get()
                payload = dumps(message).decode()
                async with TaskGroup() as group:
                    for client in list(self._clients):
                        group.create_task(self._send(client, payload))
        except CancelledError:
            log.info("broadcaster_stopping", pending=self._outbox.qsize())
            raise

    async def _send(self, client: WebSocket, payload: str) -> None:
        with suppress(WebSocketDisconnect, RuntimeError):
            await client.send_text(payload)
