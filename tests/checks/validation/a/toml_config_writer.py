# path: src/devtools/config_writer.py
# expect: tomllib=violation pathlib=compliant specific-imports=violation docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant annotations=compliant no-any=violation
# expect: function-length=compliant parameter-count=compliant contextlib-suppress=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
"""Write and update the tool's own TOML configuration file."""

from contextlib import suppress
from pathlib import Path
from typing import Any

import toml

__all__ = ["load_config", "set_value"]

CONFIG_PATH = Path.home() / ".config" / "devtools" / "config.toml"


def load_config(path: Path = CONFIG_PATH) -> dict[str, Any]:
    """Read the configuration, empty when the file does not exist.

    Args:
        path: The configuration file.

    Returns:
        The configuration table.
    """
    with suppress(FileNotFoundError):
        return toml.loads(path.read_text(encoding="utf-8"))
    return {}


def set_value(key: str, value: Any, path: Path = CONFIG_PATH) -> None:
    """Set a dotted key (`editor.theme`) and write the file back.

    Args:
        key: The dotted key.
        value: The value to store.
        path: The configuration file.
    """
    config = load_config(path)
    table = config
    *parents, leaf = key.split(".")
    for part in parents:
        table = table.setdefault(part, {})
    table[leaf] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(toml.dumps(config), encoding="utf-8")


def unset_value(key: str, path: Path = CONFIG_PATH) -> bool:
    """Remove a dotted key.

    Args:
        key: The dotted key.
        path: The configuration file.

    Returns:
        Whether the key existed.
    """
    config = load_config(path)
    table = config
    *parents, leaf = key.split(".")
    for part in parents:
        table = table.get(part, {})
    if leaf not in table:
        return False
    del table[leaf]
    path.write_text(toml.dumps(config), encoding="utf-8")
    return True
