"""Scripted runs for the report tests: real evals of `evals/canon_eval.py`, mockllm answers.

Every run is `pytest-slugify-tests` (two exercised rules, `tests.pytest` and `tests.naming`)
over four epochs. The baseline follows both rules every time; `inside` breaks `tests.naming`
in one epoch of four, `outside` in two; their folders are named so that alphabetical order is
not the order the runs were made (baseline, inside, outside). `rules` is a separate run where
`typing.annotate-all` is followed 1/4 and `tests.naming` 2/4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pytest import fixture

from tests.evals.scripted import Script, run_scripted
from tests.logcache import reuse_or_run

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from pytest import TempPathFactory

__all__ = ["EPOCHS", "NAME", "Runs", "scripted"]

GOOD = '''\
"""Tests of slugify."""

from pytest import raises

from app.text import slugify


def test_slugify_spaces_become_dashes() -> None:
    assert slugify("Hello World") == "hello-world"


def test_slugify_empty_raises_value_error() -> None:
    with raises(ValueError):
        slugify("!!!")
'''
BAD_NAME = GOOD.replace("test_slugify_spaces_become_dashes", "test_dashes")
NO_ANNOTATION = GOOD.replace(
    "def test_slugify_empty_raises_value_error() -> None:",
    "def test_slugify_empty_raises_value_error():",
)
BOTH = BAD_NAME.replace(
    "def test_slugify_empty_raises_value_error() -> None:",
    "def test_slugify_empty_raises_value_error():",
)
PROMPT = "slugify(title"
TASK = "pytest-slugify-tests"
NAME = "canon_eval"
EPOCHS = 4
# The model takes this long: a run's start and end (stamped to the second) differ, so its wall
# time is not 0, and the next run starts in a later second.
DELAY = 1.2


def _answers(codes: Sequence[str]) -> dict[str, list[str]]:
    return {PROMPT: [f"```python\n{code}```\n" for code in codes]}


@dataclass(frozen=True, slots=True, kw_only=True)
class Runs:
    root: Path
    baseline: Path
    inside: Path
    outside: Path
    rules: Path


@fixture(scope="session")
def scripted(tmp_path_factory: TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("gate")
    folders = {
        "baseline": root / "c-baseline",
        "inside": root / "a-inside",
        "outside": root / "b-outside",
    }
    scripts = {
        "baseline": _answers([GOOD, GOOD, GOOD, GOOD]),
        "inside": _answers([GOOD, GOOD, GOOD, BAD_NAME]),
        "outside": _answers([GOOD, GOOD, BAD_NAME, BAD_NAME]),
    }

    def gate() -> None:
        for key, folder in folders.items():
            # The delay keeps each run's start (stamped to the second) after the previous one's.
            script = Script(scripts[key], delay=DELAY)
            run_scripted(folder, tasks=[TASK], answers=script, epochs=EPOCHS)

    rules = tmp_path_factory.mktemp("rules")

    def rule_run() -> None:
        script = Script(_answers([GOOD, BOTH, BOTH, NO_ANNOTATION]), delay=DELAY)
        run_scripted(rules, tasks=[TASK], answers=script, epochs=EPOCHS)

    reuse_or_run("scripted-gate", root, gate)
    reuse_or_run("scripted-rules", rules, rule_run)
    return Runs(root=root, rules=rules, **folders)
