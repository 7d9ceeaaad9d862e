# path: src/api/settings.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: hardcoded-secrets=compliant union-operator=compliant class-length=compliant
# expect: pathlib=compliant no-any=compliant builtin-generics=compliant repr=compliant
# expect: type-checking-imports=compliant
"""Runtime settings read from the environment and `.env`."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, PostgresDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]

BASE_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Service configuration; every field can be overridden by `API_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="API_", env_file=BASE_DIR / ".env")

    debug: bool = False
    database_url: PostgresDsn
    redis_url: str = "redis://localhost:6379/0"
    secret_key: SecretStr
    stripe_api_key: SecretStr | None = None
    allowed_origins: list[str] = Field(default_factory=lambda: ["http://localhost:3000"])
    upload_dir: Path = BASE_DIR / "uploads"
    request_timeout_s: float = Field(default=10.0, gt=0)

    def cors_origins(self) -> list[str]:
        """List the origins allowed by CORS.

        Returns:
            The configured origins, plus `*` in debug mode.
        """
        return [*self.allowed_origins, "*"] if self.debug else list(self.allowed_origins)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Load the settings once per process.

    Returns:
        The settings.
    """
    return Settings()
