# path: tests/test_user_api.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=violation test-names=violation function-length=compliant parameter-count=compliant
# expect: class-length=compliant hardcoded-secrets=violation orjson=violation google-docstrings=na
# expect: f-strings=compliant
# expect: no-pickle=compliant
# expect: relative-imports=compliant
"""Integration tests for the user endpoints."""

import json
import unittest
from unittest import mock

from fastapi.testclient import TestClient

from accounts.api import app

ADMIN_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.Xc3v8kqfT0p2m1L9sYw7"


class UserApiTests(unittest.TestCase):
    def setUp(self):
        self.client = TestClient(app)
        self.headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}

    def test_create(self):
        payload = {"email": "ada@example.com", "display_name": "Ada"}
        response = self.client.post("/users", content=json.dumps(payload), headers=self.headers)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["email"], "ada@example.com")

    def test_duplicate(self):
        payload = {"email": "bob@example.com"}
        self.client.post("/users", json=payload, headers=self.headers)
        response = self.client.post("/users", json=payload, headers=self.headers)
        self.assertEqual(response.status_code, 409)

    def test_unauthorized(self):
        response = self.client.get("/users")
        self.assertIn(response.status_code, (401, 403))

    @mock.patch("accounts.api.send_welcome_email")
    def test_welcome_email(self, send_mail):
        self.client.post("/users", json={"email": "cy@example.com"}, headers=self.headers)
        send_mail.assert_called_once()
        self.assertTrue(send_mail.call_args.args[0].endswith("@example.com"))

    def test_list_pagination(self):
        for index in range(3):
            self.client.post("/users", json={"email": f"u{index}@example.com"}, headers=self.headers)
        response = self.client.get("/users?limit=2", headers=self.headers)
        self.assertEqual(len(response.json()), 2)


if __name__ == "__main__":
    unittest.main()
