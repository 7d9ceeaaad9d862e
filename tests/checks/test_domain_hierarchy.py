"""The `domain-hierarchy` check on realistic code: vanilla raises and rootless exceptions."""

from __future__ import annotations

from pytest import mark, param

from canon.checks import check_source

CHECK = "domain-hierarchy"


def judged(code: str, path: str = "orders/service.py") -> tuple[list[int], int]:
    """The lines flagged and the opportunities counted."""
    result = check_source(code, path=path, select=frozenset({CHECK}))
    assert result.syntax_error is None
    return [finding.line for finding in result.findings], result.tally[CHECK].opportunities


VIOLATING = [
    param(
        '''\
def load_config(path: str) -> dict[str, str]:
    """Read the configuration file."""
    if not path.endswith(".toml"):
        raise Exception(f"unsupported config format: {path}")
    return parse(path)
''',
        [4],
        id="raise-vanilla-exception",
    ),
    param(
        '''\
class UserNotFoundError(Exception):
    """No user has the id."""


class DuplicateEmailError(Exception):
    """The email is taken."""


class WeakPasswordError(ValueError):
    """The password is too weak."""
''',
        [5, 9],
        id="three-roots-no-hierarchy",
    ),
    param(
        '''\
class PaymentService:
    """Charges customers."""

    def refund(self, payment_id: str) -> None:
        try:
            self.gateway.refund(payment_id)
        except TimeoutError as exc:
            raise BaseException("refund timed out") from exc
''',
        [8],
        id="raise-base-exception-from",
    ),
]

COMPLIANT = [
    param(
        '''\
class InventoryError(Exception):
    """Base of the inventory errors."""
''',
        id="single-domain-base",
    ),
    param(
        '''\
from shop.errors import ShopError


class OutOfStockError(ShopError):
    """No stock left for the item."""
''',
        id="derives-from-imported-domain-base",
    ),
    param(
        """\
from shop.errors import OutOfStockError


def reserve(sku: str, quantity: int) -> None:
    if quantity > stock(sku):
        raise OutOfStockError(f"{sku}: only {stock(sku)} left, {quantity} asked")
""",
        id="raise-domain-exception",
    ),
]

NOT_APPLICABLE = [
    param(
        """\
def parse_port(value: str) -> int:
    port = int(value)
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port
""",
        id="builtin-value-error",
    ),
    param(
        """\
def test_retry_gives_up_after_three_failures():
    def flaky() -> None:
        raise Exception("boom")

    assert retry(flaky, attempts=3) is None
""",
        id="test-code",
    ),
]


@mark.parametrize(("code", "lines"), VIOLATING)
def test_domain_hierarchy_violation_flagged_at_its_line(code: str, lines: list[int]):
    assert judged(code)[0] == lines


@mark.parametrize("code", COMPLIANT)
def test_domain_hierarchy_compliant_counted_not_flagged(code: str):
    assert judged(code) == ([], 1)


@mark.parametrize("code", NOT_APPLICABLE)
def test_domain_hierarchy_not_applicable_no_opportunity(code: str):
    assert judged(code) == ([], 0)


def test_domain_hierarchy_test_module_exempt_by_path():
    code = "class FakeError(Exception):\n    pass\n\n\nclass OtherError(Exception):\n    pass\n"
    assert judged(code, path="tests/test_sync.py") == ([], 0)
    assert judged(code) == ([5], 2)


def test_domain_hierarchy_library_style_module_with_a_hierarchy_followed():
    code = (
        "class HTTPError(Exception):\n    pass\n\n\n"
        "class TransportError(HTTPError):\n    pass\n\n\n"
        "class InvalidURL(Exception):\n    pass\n\n\n"
        "class LegacyWarning(UserWarning):\n    pass\n\n\n"
        "def run(skip) -> None:\n    raise skip.Exception('skipped')\n"
    )
    assert judged(code) == ([], 3)
