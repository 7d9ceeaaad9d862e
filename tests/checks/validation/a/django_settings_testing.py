# path: src/config/settings/test.py
# expect: wildcard-import=violation relative-imports=compliant specific-imports=compliant
# expect: hardcoded-secrets=compliant docstrings=compliant dunder-all=violation pathlib=compliant
# expect: module-length=compliant
"""Settings for the test suite: fast hashing, in-memory services."""

from pathlib import Path

from .base import *

DEBUG = False

# Not a secret: the test suite signs nothing that leaves the process.
SECRET_KEY = "insecure-test-only-key"

TEST_ROOT = Path(__file__).resolve().parent.parent.parent / "tests"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

MEDIA_ROOT = TEST_ROOT / "media"

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": True,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"], "level": "CRITICAL"},
}
