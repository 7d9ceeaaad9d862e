# path: src/config/settings/production.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant
# expect: wildcard-import=violation relative-imports=compliant hardcoded-secrets=violation dunder-all=violation
# expect: pathlib=compliant builtin-generics=na
"""Production settings: everything from base, hardened."""

from os import environ

from .base import *

DEBUG = False
ALLOWED_HOSTS = environ.get("ALLOWED_HOSTS", "shop.example.com").split(",")

SECRET_KEY = environ["DJANGO_SECRET_KEY"]
EMAIL_HOST_PASSWORD = "mailgun-pass-9f8e7d6c5b4a"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": environ.get("DB_NAME", "shop"),
        "USER": environ.get("DB_USER", "shop"),
        "PASSWORD": environ["DB_PASSWORD"],
        "HOST": environ.get("DB_HOST", "db"),
        "PORT": int(environ.get("DB_PORT", "5432")),
        "CONN_MAX_AGE": 60,
    }
}

SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = BASE_DIR / "media"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": environ.get("LOG_LEVEL", "INFO")},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": environ.get("REDIS_URL", "redis://redis:6379/1"),
    }
}
