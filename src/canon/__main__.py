"""Run canon as `python -m canon`."""

from __future__ import annotations

from canon.cli import main

main()
