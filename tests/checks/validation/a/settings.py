# path: src/notes/settings.py
# expect: tomllib=compliant pathlib=compliant union-operator=compliant docstrings=compliant
# expect: google-docstrings=compliant dunder-all=compliant specific-imports=compliant
# expect: hardcoded-secrets=compliant raise-from=compliant annotations=compliant self-type=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: function-length=compliant parameter-count=compliant abc-imports=compliant builtin-generics=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Application settings: a TOML file, overridden by `NOTES_*` environment variables."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from os import environ
from pathlib import Path
from tomllib import TOMLDecodeError, loads
from typing import Self

__all__ = ["Settings", "SettingsError"]

_DEFAULT_PATH = Path("~/.config/notes/settings.toml").expanduser()


class SettingsError(Exception):
    """The settings file cannot be read or holds a bad value."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """What the notes service is configured with.

    Attributes:
        data_dir: Where notes are stored.
        database_url: The database to connect to.
        api_token: The token clients must send; read from the environment only.
        page_size: Notes per page.
    """

    data_dir: Path = Path("~/notes").expanduser()
    database_url: str = "sqlite:///notes.db"
    api_token: str | None = None
    page_size: int = 50

    @classmethod
    def load(cls, path: Path = _DEFAULT_PATH) -> Self:
        """Read the settings file (when present), then apply the environment.

        Args:
            path: The TOML file.

        Returns:
            The settings.

        Raises:
            SettingsError: The file is not valid TOML or a value has the wrong type.
        """
        table: Mapping[str, object] = {}
        if path.is_file():
            try:
                table = loads(path.read_text(encoding="utf-8"))
            except TOMLDecodeError as exc:
                raise SettingsError(f"{path}: {exc}") from exc
        return cls._from_table(table).with_environment(environ)

    @classmethod
    def _from_table(cls, table: Mapping[str, object]) -> Self:
        try:
            return cls(
                data_dir=Path(str(table.get("data_dir", "~/notes"))).expanduser(),
                database_url=str(table.get("database_url", "sqlite:///notes.db")),
                page_size=int(str(table.get("page_size", 50))),
            )
        except ValueError as exc:
            raise SettingsError(f"bad setting: {exc}") from exc

    def with_environment(self, env: Mapping[str, str]) -> Self:
        """Apply `NOTES_*` variables over these settings.

        Args:
            env: The environment.

        Returns:
            New settings with the overrides.
        """
        return replace(
            self,
            database_url=env.get("NOTES_DATABASE_URL", self.database_url),
            api_token=env.get("NOTES_API_TOKEN", self.api_token),
        )
