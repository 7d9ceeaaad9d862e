"""Every checked rule's examples: its check flags each bad one and passes each good one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import mark, param

from canon.checks import CHECK_IDS, check_source
from tests.checks.conftest import checked_rules

if TYPE_CHECKING:
    from canon.standards.model import Rule, Standard

RULES = checked_rules()
CASES = [
    param(rule, kind, index, code, id=f"{rule.id}-{kind}{index}")
    for rule in RULES
    for kind, snippets in (("good", rule.examples.good), ("bad", rule.examples.bad))
    for index, code in enumerate(snippets)
]


@mark.parametrize(("rule", "kind", "index", "code"), CASES)
def test_rule_example_judged_by_its_check_only(rule: Rule, kind: str, index: int, code: str):
    result = check_source(code, path="example.py", select=frozenset({rule.check}))
    assert result.syntax_error is None, result.syntax_error
    tally = result.tally[rule.check]
    findings = [f for f in result.findings if f.check == rule.check]
    if kind == "bad":
        assert tally.violations >= 1, f"{rule.check} passed a bad example of {rule.id}"
        assert findings
    else:
        assert tally.violations == 0, f"{rule.check} flagged a good example: {findings}"
        assert tally.opportunities >= 1, f"{rule.check} saw no opportunity in a good example"


def test_bundled_standard_every_check_linked_from_a_rule(bundled: Standard):
    linked = {rule.check for rule in bundled.rules() if rule.check}
    assert linked == CHECK_IDS
