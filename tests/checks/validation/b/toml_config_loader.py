# path: src/deployer/config.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: tomllib=compliant pathlib=compliant dataclass-options=compliant dataclass-frozen=compliant
# expect: dataclass-kw-only=compliant self-type=compliant raise-from=compliant bare-except=compliant
# expect: builtin-generics=compliant abc-imports=compliant union-operator=compliant no-any=compliant
# expect: f-strings=compliant class-length=compliant comprehensions=compliant
# expect: type-statement=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Load deployment targets from `deploy.toml`."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from os import environ
from pathlib import Path
from tomllib import TOMLDecodeError, load
from typing import Self

__all__ = ["ConfigError", "DeployConfig", "Target", "load_config"]

type RawTable = Mapping[str, object]


class ConfigError(ValueError):
    """The deployment configuration is missing or malformed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """One host that receives deployments."""

    name: str
    host: str
    port: int = 22
    user: str = "deploy"
    tags: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_table(cls, name: str, table: RawTable) -> Self:
        """Build a target from its TOML table.

        Args:
            name: The table's key.
            table: The table.

        Returns:
            The target.

        Raises:
            ConfigError: If the table has no `host`.
        """
        host = table.get("host")
        if not isinstance(host, str):
            raise ConfigError(f"target {name!r} needs a host")
        raw_tags = table.get("tags", [])
        tags = frozenset(tag for tag in raw_tags if isinstance(tag, str)) if isinstance(raw_tags, list) else frozenset()
        return cls(name=name, host=host, port=int(str(table.get("port", 22))), tags=tags)


@dataclass(frozen=True, slots=True, kw_only=True)
class DeployConfig:
    """Every target plus the SSH key to reach them."""

    targets: tuple[Target, ...]
    ssh_key: Path | None

    def tagged(self, tag: str) -> tuple[Target, ...]:
        """Select the targets carrying a tag.

        Args:
            tag: The tag.

        Returns:
            The matching targets, in file order.
        """
        return tuple(target for target in self.targets if tag in target.tags)


def load_config(path: Path) -> DeployConfig:
    """Read and validate a deployment file.

    Args:
        path: The TOML file.

    Returns:
        The configuration.

    Raises:
        ConfigError: If the file is missing or not valid TOML.
    """
    try:
        with path.open("rb") as handle:
            document = load(handle)
    except (FileNotFoundError, TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}") from exc
    targets = tuple(Target.from_table(name, table) for name, table in document.get("targets", {}).items())
    key = environ.get("DEPLOY_SSH_KEY")
    return DeployConfig(targets=targets, ssh_key=Path(key).expanduser() if key else None)
