"""A real HTTP server on 127.0.0.1 speaking OpenAI chat completions, with injected faults.

Each prompt's first request fails with a 500, its second with a 429, its third is answered
slowly, and later ones promptly; the answer is the task's reference solution, so a run
that survives the faults scores like the reference calibration.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Lock, Thread
from time import sleep, time
from typing import TYPE_CHECKING

from orjson import dumps, loads

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["FaultyOpenAI", "serve"]


class FaultyOpenAI:
    """What the server answers, and what it saw."""

    def __init__(
        self, answer: Callable[[str], str], *, slow_seconds: float = 1.5, broken: bool = False
    ) -> None:
        self.answer = answer
        self.slow_seconds = slow_seconds
        self.broken = broken
        self.attempts: Counter[str] = Counter()
        self.faults: Counter[str] = Counter()
        self.lock = Lock()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(slow_seconds={self.slow_seconds!r}, broken={self.broken!r}, "
            f"attempts={sum(self.attempts.values())}, faults={dict(self.faults)!r})"
        )

    def respond(self, body: dict[str, object]) -> tuple[int, dict[str, object]]:
        messages = body.get("messages") or []
        prompt = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
        if isinstance(prompt, list):
            prompt = "".join(part.get("text", "") for part in prompt)
        with self.lock:
            self.attempts[prompt] += 1
            attempt = self.attempts[prompt]
        fault = self._fault(attempt)
        if fault is not None:
            return fault
        return 200, _completion(self.answer(prompt), attempt=attempt, model=body.get("model"))

    def _fault(self, attempt: int) -> tuple[int, dict[str, object]] | None:
        """Fail the first two attempts (500, then 429), delay the third; None: answer now."""
        if attempt == 1 or self.broken:
            self.faults["500"] += 1
            return 500, {"error": {"message": "injected server error", "type": "server_error"}}
        if attempt == 2:
            self.faults["429"] += 1
            return 429, {"error": {"message": "injected rate limit", "type": "rate_limit"}}
        if attempt == 3:
            self.faults["slow"] += 1
            sleep(self.slow_seconds)
        return None


def _completion(text: str, *, attempt: int, model: object) -> dict[str, object]:
    return {
        "id": f"chatcmpl-{attempt}",
        "object": "chat.completion",
        "created": int(time()),
        "model": str(model if model is not None else "fake"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 10,
            "completion_tokens": len(text) // 4,
            "total_tokens": 10 + len(text) // 4,
        },
    }


def _handler(state: FaultyOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = loads(self.rfile.read(length) or b"{}")
            status, payload = state.respond(body)
            data = dumps(payload)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if status == 429:
                self.send_header("Retry-After", "0")
            self.end_headers()
            self.wfile.write(data)

        def log_message(
            self,
            *args: object,  # canon: ignore[deprecated.star-args] overrides the base's signature
        ) -> None:
            return

    return Handler


@contextmanager
def serve(state: FaultyOpenAI) -> Iterator[str]:
    """Serve on a free loopback port; yield the base URL (`http://127.0.0.1:PORT/v1`)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
