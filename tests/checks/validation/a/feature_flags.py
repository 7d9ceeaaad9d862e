# path: src/platform/flags.py
# expect: contextlib-suppress=violation bare-except=violation orjson=violation specific-imports=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation repr=violation
# expect: union-operator=compliant builtin-generics=compliant annotations=compliant pathlib=compliant
# expect: function-length=compliant parameter-count=compliant structlog=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: keyword-only=violation
"""Feature flags from a JSON file, with per-user rollouts."""

import hashlib
import json
import logging
from pathlib import Path

logger = logging.getLogger(__name__)

FLAGS_FILE = Path("config/flags.json")


class FeatureFlags:
    def __init__(self, path: Path = FLAGS_FILE) -> None:
        self.path = path
        self.flags: dict[str, dict[str, object]] = {}
        self.reload()

    def reload(self) -> None:
        try:
            self.flags = json.loads(self.path.read_text())
        except FileNotFoundError:
            pass
        except json.JSONDecodeError:
            logger.error("flags file %s is not valid JSON; keeping old flags", self.path)

    def is_enabled(self, name: str, user_id: int | None = None) -> bool:
        flag = self.flags.get(name)
        if not flag or not flag.get("enabled", False):
            return False
        rollout = flag.get("rollout_percent", 100)
        if user_id is None or rollout >= 100:
            return True
        bucket = int(hashlib.md5(f"{name}:{user_id}".encode()).hexdigest(), 16) % 100
        return bucket < rollout

    def variant(self, name: str, user_id: int) -> str | None:
        flag = self.flags.get(name) or {}
        variants = flag.get("variants")
        if not variants:
            return None
        try:
            index = user_id % len(variants)
            return variants[index]
        except:
            return None

    def snapshot(self) -> dict[str, bool]:
        return {name: bool(flag.get("enabled")) for name, flag in self.flags.items()}

    def set_enabled(self, name: str, enabled: bool) -> None:
        self.flags.setdefault(name, {})["enabled"] = enabled
        try:
            self.path.write_text(json.dumps(self.flags, indent=2))
        except OSError:
            pass
