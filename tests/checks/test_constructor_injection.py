"""The `constructor-injection` check on realistic code: built-in collaborators and globals."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "constructor-injection"


def judged(code: str) -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        """\
class NotificationService:
    def __init__(self, sender_address: str) -> None:
        self.sender_address = sender_address
        self.client = SmtpClient(host="smtp.example.com", port=587)
        self.templates = {}
""",
        [4],
        id="client-built-in-constructor",
    ),
    param(
        """\
from app.settings import Settings

_settings = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = Settings()
    return _settings
""",
        [7],
        id="lazy-global-singleton",
    ),
    param(
        """\
from fastapi import APIRouter

router = APIRouter()
orders = SqlOrderRepository(dsn="postgresql://localhost/shop")


@router.get("/orders/{order_id}")
def read_order(order_id: int) -> dict[str, object]:
    return orders.get(order_id).to_dict()
""",
        [4],
        id="module-level-repository-used-by-route",
    ),
]

COMPLIANT = [
    param(
        """\
class NotificationService:
    def __init__(self, client: SmtpClient) -> None:
        self.client = client
""",
        id="client-injected",
    ),
    param(
        """\
class CheckoutService:
    def __init__(self, repository, *, now=None) -> None:
        self.repository = repository
        self.now = now
""",
        id="injected-by-name",
    ),
    param(
        """\
class CheckoutService:
    def __init__(self, orders: OrderRepository) -> None:
        self.orders = orders

    @classmethod
    def from_dsn(cls, dsn: str) -> "CheckoutService":
        return cls(SqlOrderRepository(dsn))
""",
        id="classmethod-wiring",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
import threading


class Counter:
    def __init__(self, start: int = 0) -> None:
        self.value = start
        self.lock = threading.Lock()
        self.history: list[int] = []
""",
        id="no-collaborator",
    ),
    param(
        """\
def main() -> None:
    repository = SqlOrderRepository(dsn=read_dsn())
    service = CheckoutService(repository)
    service.run()


default_store = MemoryStore()
""",
        id="composition-root-and-unused-instance",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_constructor_injection_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_constructor_injection_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_constructor_injection_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)


def test_constructor_injection_instance_passed_as_parameter_not_flagged():
    code = (
        "repository = SqlOrderRepository()\n\n\n"
        "def register(repository: OrderRepository, email: str) -> None:\n"
        "    repository.add(email)\n"
    )
    assert judged(code) == ([], 0)
