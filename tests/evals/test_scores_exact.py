"""Every score key of partial answers, from a real eval of the project's task.

Four samples, each answered by `mockllm/model` from a script:

- `unit-conversions`: follows `modules.max-length`, breaks `modules.dunder-all`, and gives
  `classes.small` and `classes.repr` no opportunity (the class is built with `type(...)`):
  the task requires `classes.repr`, so that one is avoided (broken in the instruction level,
  failing the prompt level) while `classes.small` is not applicable; its tests pass; four
  findings of rules the task does not target (two `annotations`, one `f-strings`, one
  `union-operator`) beside the targeted `dunder-all` one.
- `signup-form-validation`: follows both rules that have an opportunity, the class rules have
  none and are not required; the strict code is the Python block the line before it names
  by the task's path (a first Python block and a longer bash block are not it); its tests
  fail (the module has no `SignupFormValidator`).
- `pytest-slugify-tests`: a fenced block that does not parse.
- `pytest-cart-tests`: unfenced code between two lines of prose (loose extraction only: the
  strict figures, the per-rule keys, the tests and the incidental findings count it unparsed).
"""

from __future__ import annotations

from re import fullmatch
from typing import TYPE_CHECKING

from pytest import fixture, mark

from canon.evals.scorer import score_code
from tests.evals.scripted import fenced, run_scripted

if TYPE_CHECKING:
    from inspect_ai.log import EvalLog
    from inspect_ai.scorer import Score
    from pytest import TempPathFactory

CONVERSIONS = '''\
"""Convert quantities between units."""

from typing import Optional

FACTORS = {("km", "mile"): 0.621371, ("mile", "km"): 1.609344}


def _convert(self, value: float, source: str, target: str) -> float:
    factor = FACTORS.get((source, target))
    if factor is None:
        raise ValueError("cannot convert %s to %s" % (source, target))
    return round(value * factor, self.precision)


def _init(self, precision: Optional[int] = 4) -> None:
    self.precision = precision


UnitConverter = type("UnitConverter", (), {"__init__": _init, "convert": _convert})
'''

SIGNUP = '''\
"""Validate the sign-up form."""

__all__ = ["validate"]

LIMIT = 120


def validate(form: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Strip every field and collect the errors.

    Args:
        form: The submitted fields.

    Returns:
        The cleaned fields and the error messages.
    """
    cleaned = {name: value.strip() for name, value in form.items()}
    errors = [f"{name} is required" for name, value in cleaned.items() if not value]
    return cleaned, errors
'''

# Longer than the module: only its `bash` tag keeps strict extraction from taking it.
SHELL = "".join(f"uv run pytest tests/test_signup.py -k field_{index:02}\n" for index in range(20))

SIGNUP_ANSWER = (
    f"Check it with:\n\n```bash\n{SHELL}```\n\n"
    "A first idea:\n\n```python\nLIMIT = 120\n```\n\n"
    f"The module, `src/accounts/signup_validation.py`:\n\n```python\n{SIGNUP}```\n"
)

BROKEN_ANSWER = "Sorry:\n\n```python\ndef broken(:\n    return\n```\n"

CART_TESTS = """\
from decimal import Decimal

from shop.cart import Cart


def test_cart_add_same_sku_twice_adds_quantities() -> None:
    cart = Cart()
    cart.add("apple", 1, Decimal("0.50"))
    cart.add("apple", 2, Decimal("0.50"))
    assert cart.total() == Decimal("1.50")
"""

CART_ANSWER = f"Sure! These tests cover the cart.\n\n{CART_TESTS}\nRun them with pytest.\n"

ANSWERS = {
    "unit conversion helper": [fenced(CONVERSIONS)],
    "sign-up form has 44 fields": [SIGNUP_ANSWER],
    "slugify(title": [BROKEN_ANSWER],
    "shopping cart class": [CART_ANSWER],
}
TASKS = ("unit-conversions", "signup-form-validation", "pytest-slugify-tests", "pytest-cart-tests")


_SUMMARY_KEYS = (
    "instruction_followed",
    "instruction_applicable",
    "prompt_strict",
    "instruction_followed_loose",
    "instruction_applicable_loose",
    "prompt_loose",
    "parsed",
    "parsed_loose",
    "required",
    "avoided",
    "check_errors",
    "functional",
    "functional@applicable",
    "incidental",
)

# The concerns: one key per check, under the first rule naming it. Rules restating one
# (`deprecated.optional` and `deprecated.union` restate `typing.union-operator`) have no key.
RESTATEMENTS = {
    "deprecated.typevar",
    "deprecated.typealias",
    "deprecated.optional",
    "deprecated.union",
    "deprecated.typing-generics",
    "dataclass.domain-default",
    "deprecated.os-path-join",
    "deprecated.toml",
    "stdlib.tomllib",
    "deprecated.pytz",
    "exceptions.specific-catch",
    "stdlib.no-pickle",
    "logging.structlog",
    "async.async-file-io",
    "docs.sections",
    "imports.relative-intra-package",
    "sqlalchemy-deprecated.declarative-base",
    "sqlalchemy.no-column",
    "sqlalchemy-deprecated.column",
    "sqlalchemy.session-execute",
    "sqlalchemy-deprecated.query",
    "sqlalchemy.typed-relationship",
    "sqlalchemy-deprecated.untyped-relationship",
    "sqlalchemy-deprecated.backref",
}

# Per sample: the concerns followed, broken and avoided (every other concern scores 0 with 0
# applicable and 0 avoided), then the summary counts in `_SUMMARY_KEYS` order.
EXPECTED = {
    "unit-conversions": (
        (
            "modules.max-length deprecated.any deprecated.star-args functions.short "
            "functions.max-parameters docs.public-api imports.absolute-cross-package "
            "imports.specific-names imports.no-wildcard"
        ),
        (
            "modules.dunder-all typing.union-operator typing.annotate-all "
            "deprecated.string-formatting"
        ),
        "classes.repr",
        (1, 3, 0, 1, 3, 0, 1, 1, 2, 1, 0, 1, 1, 4),
    ),
    "signup-form-validation": (
        (
            "modules.max-length modules.dunder-all typing.builtin-generics "
            "typing.annotate-all deprecated.string-formatting "
            "deprecated.any deprecated.star-args functions.short functions.max-parameters "
            "docs.google-style docs.public-api performance.comprehensions"
        ),
        "",
        "",
        (2, 2, 1, 2, 2, 1, 1, 1, 0, 0, 0, 0, 1, 0),
    ),
    # Code that does not parse breaks every exercised concern, in every figure.
    "pytest-slugify-tests": (
        "",
        "tests.pytest tests.naming",
        "",
        (0, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ),
    # Strict extraction found no code: the strict figures count it unparsed, the loose ones
    # judge the unfenced code.
    "pytest-cart-tests": (
        "",
        "tests.pytest tests.naming typing.annotate-all",
        "",
        (0, 3, 0, 3, 3, 1, 0, 1, 0, 0, 0, 0, 0, 0),
    ),
}


def _finding(check: str, line: int, column: int, message: str) -> dict[str, object]:
    return {"check": check, "line": line, "column": column, "message": message}


CONVERSIONS_FINDINGS = [
    _finding(
        "dunder-all",
        1,
        1,
        "public names (FACTORS, UnitConverter...) but no `__all__`; declare the API",
    ),
    _finding("annotations", 8, 14, "parameter `self` has no annotation"),
    _finding("f-strings", 11, 26, "`%` formatting; use an f-string"),
    _finding("annotations", 15, 11, "parameter `self` has no annotation"),
    _finding("union-operator", 15, 28, "`Optional[X]`; write `X | None`"),
]


@fixture(scope="module")
def log(tmp_path_factory: TempPathFactory) -> EvalLog:
    folder = tmp_path_factory.mktemp("scores")
    return run_scripted(folder, tasks=TASKS, answers=ANSWERS)


def _score(log: EvalLog, task_id: str) -> Score:
    """The sample's score in the log, checked against scoring its answer again here.

    Scoring again in the test itself also ties every test, not only the first one to read the
    eval's log, to the scorer's code (mutation testing records which tests reach it).
    """
    (sample,) = [item for item in log.samples or () if item.id == task_id]
    score = sample.scores["canon_scorer"]
    again = score_code(
        sample.output.completion, rules=log.eval.metadata["rules"], metadata=sample.metadata
    )
    functional = {"functional", "functional@applicable"}
    assert {k: v for k, v in score.value.items() if k not in functional} == {
        k: v for k, v in again.value.items() if k not in functional
    }
    assert (score.answer, score.explanation) == (again.answer, again.explanation)
    assert {k: v for k, v in score.metadata.items() if k != "functional_output"} == again.metadata
    return score


def _expected(log: EvalLog, task_id: str) -> dict[str, int]:
    """Every key the scorer writes for the sample, with its value."""
    followed, broken, avoided, summary = EXPECTED[task_id]
    value = {}
    for rule in log.eval.metadata["rules"]:
        if rule in RESTATEMENTS:
            continue
        value[rule] = int(rule in followed.split())
        value[f"{rule}@applicable"] = int(rule in followed.split() or rule in broken.split())
        value[f"{rule}@avoided"] = int(rule in avoided.split())
    return value | dict(zip(_SUMMARY_KEYS, summary, strict=True))


@mark.parametrize("task_id", TASKS)
def test_scores_every_key_exact(log: EvalLog, task_id: str) -> None:
    assert _score(log, task_id).value == _expected(log, task_id)


def test_scores_followed_broken_avoided_and_not_applicable(log: EvalLog) -> None:
    score = _score(log, "unit-conversions")
    assert score.answer == CONVERSIONS
    assert score.explanation == (
        "1/3 exercised concerns followed; broken: modules.dunder-all; avoided: classes.repr; "
        "no opportunity: classes.small; extraction: strict"
    )
    metadata = {key: item for key, item in score.metadata.items() if key != "functional_output"}
    assert metadata == {
        "exercised": ["classes.small", "modules.max-length", "classes.repr", "modules.dunder-all"],
        "violated": ["modules.dunder-all"],
        "not_applicable": ["classes.small"],
        "avoided": ["classes.repr"],
        "errored": [],
        "extraction": "strict",
        "findings": CONVERSIONS_FINDINGS,
        "syntax_error": None,
    }
    output = score.metadata["functional_output"]
    assert fullmatch(r"\.\. +\[100%\]\n2 passed in [0-9.]+s\n", output)


def test_scores_block_named_by_path_tests_failing(log: EvalLog) -> None:
    score = _score(log, "signup-form-validation")
    assert score.answer == SIGNUP
    assert (score.metadata["violated"], score.metadata["not_applicable"]) == (
        [],
        ["classes.small", "classes.repr"],
    )
    assert "cannot import name 'SignupFormValidator'" in score.metadata["functional_output"]


def test_scores_unparseable_answer_breaks_every_exercised_rule(log: EvalLog) -> None:
    score = _score(log, "pytest-slugify-tests")
    assert score.answer == "def broken(:\n    return\n"
    assert score.metadata == {
        "exercised": ["tests.pytest", "tests.naming"],
        "violated": ["tests.pytest", "tests.naming"],
        "not_applicable": [],
        "avoided": [],
        "errored": [],
        "extraction": "none",
        "findings": [],
        "syntax_error": _finding("syntax", 1, 12, "syntax error: invalid syntax"),
    }


def test_scores_unfenced_code_loose_extraction_trims_prose(log: EvalLog) -> None:
    score = _score(log, "pytest-cart-tests")
    assert score.answer == ""  # strict extraction found none; the tests would not run on it
    assert score.metadata["extraction"] == "loose"
    assert score.metadata["findings"] == [_finding("docstrings", 1, 1, "module has no docstring")]


def test_scores_run_metrics_are_ratios_of_sums_and_means(log: EvalLog) -> None:
    (scores,) = log.results.scores
    metrics = {name: metric.value for name, metric in scores.metrics.items()}
    assert metrics == {
        "instruction_level": 3 / 10,  # (1 + 2 + 0 + 0) / (3 + 2 + 2 + 3)
        "prompt_level_strict": 1 / 4,
        "instruction_level_loose": 6 / 10,  # (1 + 2 + 0 + 3) / 10
        "prompt_level_loose": 2 / 4,
        "parse_rate": 2 / 4,
        "avoided_rate": 1 / 2,  # one task requires two concerns, and avoided one
        "functional_pass_rate": 1 / 2,  # two of the four tasks have tests
        "incidental_findings": 4 / 4,  # (4 + 0 + 0 + 0) / 4: strict code only
        "check_errors": 0.0,
    }
    assert (scores.scored_samples, scores.unscored_samples) == (4, 0)
