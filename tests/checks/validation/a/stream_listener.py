# path: src/realtime/listener.py
# expect: cancelled-error=violation specific-imports=violation structlog=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation annotations=compliant repr=violation
# expect: task-group=violation orjson=violation union-operator=compliant function-length=compliant
# expect: parameter-count=compliant async-blocking=compliant contextlib-suppress=compliant type-statement=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Listen to a websocket feed and fan messages out to subscribers."""

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable

import websockets

log = logging.getLogger(__name__)

type Subscriber = Callable[[dict[str, object]], Awaitable[None]]


class FeedListener:
    def __init__(self, url: str, subscribers: list[Subscriber] | None = None) -> None:
        self.url = url
        self.subscribers = subscribers or []
        self._stopped = asyncio.Event()

    async def _dispatch(self, message: dict[str, object]) -> None:
        await asyncio.gather(*(subscriber(message) for subscriber in self.subscribers))

    async def listen(self) -> None:
        try:
            async for socket in websockets.connect(self.url):
                try:
                    async for raw in socket:
                        await self._dispatch(json.loads(raw))
                except websockets.ConnectionClosed:
                    log.warning("feed connection closed, reconnecting")
                    continue
                if self._stopped.is_set():
                    break
        except asyncio.CancelledError:
            log.info("listener cancelled")

    def stop(self) -> None:
        self._stopped.set()


async def run_for(listener: FeedListener, seconds: float) -> None:
    task = asyncio.create_task(listener.listen())
    await asyncio.sleep(seconds)
    listener.stop()
    task.cancel()
