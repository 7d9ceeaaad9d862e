"""Shared fixtures for the checks tests: the bundled standard's checked rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pytest import fixture

from canon.checks import CHECK_IDS
from canon.standards.loader import load_standard

if TYPE_CHECKING:
    from canon.standards.model import Rule, Standard

STANDARD_DIR = Path(__file__).resolve().parents[2] / "instructions" / "python"

# The labelled validation corpus holds modules to check, never tests to run, whatever the name.
collect_ignore_glob = ["validation/*"]


def load_bundled() -> Standard:
    """Load the bundled Python standard, validating its check ids against the registry."""
    return load_standard(STANDARD_DIR, known_checks=CHECK_IDS)


def checked_rules() -> list[Rule]:
    """Every rule of the bundled standard that names a check."""
    return [rule for rule in load_bundled().rules() if rule.check]


@fixture(scope="session")
def bundled() -> Standard:
    """The bundled standard."""
    return load_bundled()
