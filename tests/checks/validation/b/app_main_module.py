# path: src/inventory/__main__.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: google-docstrings=compliant function-length=compliant parameter-count=compliant dunder-all=na
# expect: structlog=compliant raise-from=na pathlib=compliant union-operator=compliant abc-imports=compliant
# expect: no-any=compliant relative-imports=compliant
# expect: type-checking-imports=violation
"""Run the inventory service: `python -m inventory [--port 8080] [--reload]`."""

import structlog
from argparse import ArgumentParser
from collections.abc import Sequence
from pathlib import Path

from uvicorn import run

from .web.app import create_app

log = structlog.get_logger(__name__)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and serve the app.

    Args:
        argv: Arguments after the program name; `sys.argv` when None.
    """
    parser = ArgumentParser(prog="inventory", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--static", type=Path, default=Path(__file__).parent / "static")
    args = parser.parse_args(argv)
    log.info("starting", host=args.host, port=args.port, reload=args.reload)
    if args.reload:
        run("inventory.web.app:create_app", factory=True, host=args.host, port=args.port, reload=True)
        return
    app = create_app()
    app.static_folder = str(args.static)
    run(app, host=args.host, port=args.port)


main()
