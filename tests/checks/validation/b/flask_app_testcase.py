# path: tests/web/test_app.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=violation test-names=violation function-length=compliant parameter-count=compliant
# expect: class-length=compliant orjson=violation no-pickle=compliant relative-imports=compliant
# expect: hardcoded-secrets=compliant
"""Tests for the inventory Flask app."""

import json
import os
from unittest import TestCase

from inventory.stock import StockLedger
from inventory.web.app import create_app


class InventoryAppTestCase(TestCase):
    def setUp(self):
        os.environ["INVENTORY_SECRET_KEY"] = "test-key"
        self.ledger = StockLedger()
        self.ledger.adjust("SKU-1", 5)
        self.app = create_app(self.ledger)
        self.client = self.app.test_client()

    def tearDown(self):
        os.environ.pop("INVENTORY_SECRET_KEY", None)

    def test_show(self):
        response = self.client.get("/stock/SKU-1")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.data)["on_hand"], 5)

    def test_missing(self):
        response = self.client.get("/stock/NOPE")
        self.assertEqual(response.status_code, 404)

    def test_adjust(self):
        response = self.client.post("/stock/SKU-1/adjust", data=json.dumps({"delta": -2}))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.ledger.level("SKU-1").on_hand, 3)

    def test_adjust_bad_body(self):
        response = self.client.post("/stock/SKU-1/adjust", data=b"not json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("JSON", response.get_json()["error"])
