# path: src/platform/logging_config.py
# expect: structlog=violation specific-imports=violation dunder-all=compliant docstrings=compliant
# expect: google-docstrings=violation annotations=compliant pathlib=violation no-any=violation
# expect: function-length=violation parameter-count=compliant union-operator=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: keyword-only=violation
"""Logging configuration shared by the web app and the workers."""

import logging
import logging.config
import os
from typing import Any

__all__ = ["configure_logging", "get_logger"]

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/app")


def build_config(level: str, json_logs: bool, log_dir: str | None) -> dict[str, Any]:
    """Build the dictConfig for the given level and format."""
    handlers: dict[str, dict[str, Any]] = {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if json_logs else "plain",
            "stream": "ext://sys.stdout",
        }
    }
    if log_dir:
        handlers["file"] = {
            "class": "logging.handlers.RotatingFileHandler",
            "formatter": "json",
            "filename": os.path.join(log_dir, "app.log"),
            "maxBytes": 10 * 1024 * 1024,
            "backupCount": 5,
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)-8s %(name)s: %(message)s"},
            "json": {
                "()": "pythonjsonlogger.jsonlogger.JsonFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            },
        },
        "handlers": handlers,
        "root": {"level": level, "handlers": list(handlers)},
        "loggers": {
            "uvicorn.access": {"level": "WARNING"},
            "sqlalchemy.engine": {"level": "WARNING"},
        },
    }


def configure_logging(level: str = "INFO", json_logs: bool = True) -> None:
    """Configure the root logger once at start-up."""
    log_dir = LOG_DIR if os.path.isdir(LOG_DIR) else None
    logging.config.dictConfig(build_config(level, json_logs, log_dir))
    logging.getLogger(__name__).info("logging configured at %s", level)


def get_logger(name: str) -> logging.Logger:
    """Return a named logger."""
    return logging.getLogger(name)
