# path: src/deploy/config.py
# expect: tomllib=violation union-operator=violation dataclass-options=violation dataclass-frozen=violation
# expect: dataclass-kw-only=violation specific-imports=violation pathlib=violation self-type=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=compliant
# expect: raise-from=compliant builtin-generics=compliant hardcoded-secrets=compliant parameter-count=compliant
# expect: function-length=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant
"""Deployment configuration, read from deploy.toml with environment overrides."""

import os
from dataclasses import dataclass, field
from typing import Optional

import toml


class ConfigError(Exception):
    """The configuration file is missing or invalid."""


@dataclass
class DatabaseConfig:
    host: str
    port: int = 5432
    name: str = "app"
    user: str = "app"
    password: Optional[str] = None


@dataclass
class DeployConfig:
    environment: str
    region: str
    replicas: int = 2
    database: DatabaseConfig = field(default_factory=lambda: DatabaseConfig(host="localhost"))
    feature_flags: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Optional[str] = None) -> "DeployConfig":
        path = path or os.environ.get("DEPLOY_CONFIG", "deploy.toml")
        if not os.path.exists(path):
            raise ConfigError(f"config file not found: {path}")
        try:
            raw = toml.load(path)
        except toml.TomlDecodeError as exc:
            raise ConfigError(f"invalid TOML in {path}: {exc}") from exc
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: dict[str, object]) -> "DeployConfig":
        database = raw.get("database", {})
        if not isinstance(database, dict):
            raise ConfigError("[database] must be a table")
        config = cls(
            environment=str(raw.get("environment", "dev")),
            region=str(raw.get("region", "eu-west-1")),
            replicas=int(raw.get("replicas", 2)),
            database=DatabaseConfig(**database),
            feature_flags=dict(raw.get("feature_flags", {})),
        )
        config.database.password = os.environ.get("DATABASE_PASSWORD", config.database.password)
        return config

    def is_production(self) -> bool:
        return self.environment == "production"
