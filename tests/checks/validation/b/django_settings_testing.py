# path: src/config/settings/test.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant
# expect: wildcard-import=compliant relative-imports=compliant hardcoded-secrets=compliant dunder-all=compliant
# expect: pathlib=compliant builtin-generics=compliant no-any=compliant comprehensions=compliant
"""Settings for the test suite: fast hashing, in-memory cache, SQLite."""

from .base import BASE_DIR, INSTALLED_APPS, MIDDLEWARE, TEMPLATES

__all__ = [
    "BASE_DIR",
    "CACHES",
    "DATABASES",
    "DEBUG",
    "EMAIL_BACKEND",
    "INSTALLED_APPS",
    "MIDDLEWARE",
    "PASSWORD_HASHERS",
    "SECRET_KEY",
    "TEMPLATES",
]

DEBUG: bool = False

# Not a secret: only ever used by the throwaway test database.
SECRET_KEY: str = "test-insecure-key"  # noqa: S105

DATABASES: dict[str, dict[str, object]] = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "test.sqlite3",
        "TEST": {"NAME": ":memory:"},
    }
}

PASSWORD_HASHERS: list[str] = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CACHES: dict[str, dict[str, str]] = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

EMAIL_BACKEND: str = "django.core.mail.backends.locmem.EmailBackend"

INSTALLED_APPS = [*INSTALLED_APPS, "django_extensions"]
MIDDLEWARE = [m for m in MIDDLEWARE if "debug_toolbar" not in m]
