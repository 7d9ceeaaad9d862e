# path: src/ml/model_store.py
# expect: no-pickle=violation pathlib=compliant specific-imports=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant no-any=violation
# expect: structlog=compliant timezone-aware=compliant orjson=compliant raise-from=compliant
# expect: function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant
# expect: type-checking-imports=violation
# expect: keyword-only=violation domain-hierarchy=compliant
"""Save and load trained models with their metadata."""

from datetime import UTC, datetime
from pathlib import Path
from shelve import open as open_shelf
from typing import Any

from orjson import dumps, loads
from structlog import get_logger

__all__ = ["ModelStoreError", "load_model", "save_model"]

log = get_logger(__name__)


class ModelStoreError(Exception):
    """A model is missing or its metadata is unreadable."""


def save_model(folder: Path, name: str, model: Any, metrics: dict[str, float]) -> Path:
    """Store a model in a shelf and its metrics beside it as JSON.

    Args:
        folder: Where models are kept.
        name: The model's name.
        model: The trained model object.
        metrics: Its evaluation metrics.

    Returns:
        The metadata file written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with open_shelf(str(folder / "models")) as shelf:
        shelf[name] = model
    meta = folder / f"{name}.json"
    meta.write_bytes(dumps({"name": name, "metrics": metrics, "saved_at": datetime.now(UTC)}))
    log.info("model.saved", name=name)
    return meta


def load_model(folder: Path, name: str) -> tuple[Any, dict[str, float]]:
    """Load a model and its metrics.

    Args:
        folder: Where models are kept.
        name: The model's name.

    Returns:
        The model and its metrics.

    Raises:
        ModelStoreError: The model or its metadata is missing.
    """
    meta = folder / f"{name}.json"
    try:
        metrics = loads(meta.read_bytes())["metrics"]
    except FileNotFoundError as exc:
        raise ModelStoreError(f"no metadata for {name}") from exc
    with open_shelf(str(folder / "models"), flag="r") as shelf:
        if name not in shelf:
            raise ModelStoreError(f"no model {name}")
        return shelf[name], metrics
