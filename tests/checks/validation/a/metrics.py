# path: src/platform/metrics.py
# expect: specific-imports=violation repr=violation docstrings=violation google-docstrings=violation
# expect: dunder-all=compliant annotations=compliant union-operator=compliant builtin-generics=compliant
# expect: function-length=compliant parameter-count=compliant contextlib-suppress=compliant
# expect: abc-imports=compliant f-strings=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: context-managers=compliant
# expect: constructor-injection=violation
"""In-process counters and timers, exported in Prometheus text format."""

import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Metrics", "metrics"]


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[str, float] = defaultdict(float)
        self._timings: dict[str, list[float]] = defaultdict(list)

    def increment(self, name: str, value: float = 1.0) -> None:
        with self._lock:
            self._counters[name] += value

    @contextmanager
    def timer(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            with self._lock:
                self._timings[name].append(elapsed)

    def percentile(self, name: str, pct: float) -> float | None:
        with self._lock:
            samples = sorted(self._timings.get(name, []))
        if not samples:
            return None
        index = min(len(samples) - 1, int(len(samples) * pct / 100))
        return samples[index]

    def export(self) -> str:
        lines: list[str] = []
        with self._lock:
            for name, value in sorted(self._counters.items()):
                lines.append("# TYPE %s counter" % name)
                lines.append("%s %s" % (name, value))
            for name, samples in sorted(self._timings.items()):
                lines.append(f"# TYPE {name}_seconds summary")
                lines.append(f"{name}_seconds_count {len(samples)}")
                lines.append(f"{name}_seconds_sum {sum(samples):.6f}")
        return "\n".join(lines) + "\n"

    def reset(self) -> None:
        with self._lock:
            self._counters.clear()
            self._timings.clear()


metrics = Metrics()
