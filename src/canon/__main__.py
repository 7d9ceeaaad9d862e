"""Run canon as `python -m canon`."""

from canon.cli import main

main()
