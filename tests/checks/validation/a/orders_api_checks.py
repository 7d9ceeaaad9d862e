# path: tests/api/test_orders_api.py
# expect: pytest-style=compliant test-names=violation annotations=violation docstrings=violation
# expect: specific-imports=violation
# expect: function-length=compliant parameter-count=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: parametrize=compliant
import pytest
from fastapi.testclient import TestClient

from shop.api import create_app
from shop.orders.repository import InMemoryOrderRepository


@pytest.fixture
def repository():
    return InMemoryOrderRepository()


@pytest.fixture
def client(repository):
    app = create_app(order_repository=repository)
    return TestClient(app)


def test_create_order(client):
    response = client.post("/orders", json={"customer_id": 1, "lines": [{"sku": "A1", "qty": 2}]})
    assert response.status_code == 201
    assert response.json()["status"] == "pending"


def test_create_order_without_lines_returns_422(client):
    response = client.post("/orders", json={"customer_id": 1, "lines": []})
    assert response.status_code == 422


def test_get_order(client, repository):
    order_id = client.post("/orders", json={"customer_id": 2, "lines": [{"sku": "B", "qty": 1}]}).json()["id"]
    response = client.get(f"/orders/{order_id}")
    assert response.status_code == 200
    assert response.json()["customer_id"] == 2


def test_get_missing_order_returns_404(client):
    assert client.get("/orders/999").status_code == 404


@pytest.mark.parametrize("qty", [0, -1])
def test_invalid_quantity(client, qty):
    response = client.post("/orders", json={"customer_id": 1, "lines": [{"sku": "A", "qty": qty}]})
    assert response.status_code == 422


def test_cancel_order_sets_status_cancelled(client):
    order_id = client.post("/orders", json={"customer_id": 3, "lines": [{"sku": "C", "qty": 1}]}).json()["id"]
    response = client.post(f"/orders/{order_id}/cancel", json={"reason": "changed mind"})
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


def test_list(client):
    for customer in (1, 1, 2):
        client.post("/orders", json={"customer_id": customer, "lines": [{"sku": "A", "qty": 1}]})
    assert len(client.get("/orders", params={"customer_id": 1}).json()) == 2
