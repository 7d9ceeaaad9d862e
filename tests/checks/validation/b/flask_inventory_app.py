# path: src/inventory/web/app.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: google-docstrings=compliant function-length=violation parameter-count=compliant
# expect: dunder-all=compliant structlog=compliant f-strings=compliant
# expect: bare-except=compliant hardcoded-secrets=compliant orjson=compliant union-operator=compliant
# expect: no-any=compliant relative-imports=compliant builtin-generics=compliant
# expect: no-pickle=compliant
# expect: type-checking-imports=violation
"""Flask application factory for the inventory service."""

from http import HTTPStatus
from os import environ

from flask import Flask, Response, jsonify, request
from orjson import JSONDecodeError, loads
from structlog import get_logger

from inventory.stock import StockLevel, StockLedger, UnknownSkuError

__all__ = ["create_app"]

log = get_logger(__name__)


def create_app(ledger: StockLedger | None = None) -> Flask:
    """Build the Flask application.

    Args:
        ledger: The stock ledger to serve; a fresh in-memory one when omitted.

    Returns:
        The configured Flask application.

    Raises:
        KeyError: If `INVENTORY_SECRET_KEY` is not set in the environment.
    """
    app = Flask(__name__)
    app.config["SECRET_KEY"] = environ["INVENTORY_SECRET_KEY"]
    stock = ledger if ledger is not None else StockLedger()

    @app.get("/stock/<sku>")
    def show_stock(sku: str) -> tuple[Response, HTTPStatus]:
        try:
            level = stock.level(sku)
        except UnknownSkuError:
            log.info("stock_lookup_missed", sku=sku)
            return jsonify(error=f"unknown SKU {sku}"), HTTPStatus.NOT_FOUND
        return jsonify(sku=level.sku, on_hand=level.on_hand), HTTPStatus.OK

    @app.post("/stock/<sku>/adjust")
    def adjust_stock(sku: str) -> tuple[Response, HTTPStatus]:
        try:
            body: dict[str, int] = loads(request.get_data())
        except JSONDecodeError as exc:
            log.warning("bad_adjust_body", sku=sku, error=str(exc))
            return jsonify(error="body must be JSON"), HTTPStatus.BAD_REQUEST
        delta = body.get("delta", 0)
        level: StockLevel = stock.adjust(sku, delta)
        log.info("stock_adjusted", sku=sku, delta=delta, on_hand=level.on_hand)
        return jsonify(sku=sku, on_hand=level.on_hand), HTTPStatus.OK

    @app.errorhandler(ValueError)
    def handle_value_error(exc: ValueError) -> tuple[Response, HTTPStatus]:
        log.warning("invalid_request", error=str(exc))
        return jsonify(error=str(exc)), HTTPStatus.UNPROCESSABLE_ENTITY

    return app
