"""`canon rules --format markdown --out DIR`: a page per rule and an index; --check for drift."""
# ruff: noqa: E501 (a page holds the rule text on one line, as the standard writes it)

from __future__ import annotations

from typing import TYPE_CHECKING

from orjson import loads
from pytest import fixture

from canon.checks.explain import validation_line
from canon.checks.pages import MARKER
from tests.conftest import REPO, tree

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

UNION_PAGE = f"""\
{MARKER}

# typing.union-operator

(check `union-operator`, fixable with `--fix`; section: Type Hints (Modern Style))

Restated by `deprecated.optional`, `deprecated.union`: one concern, scored once, under this rule.

## What it does
`Optional[X]`/`Union[A, B]` instead of `X | None`/`A | B`.

## Why
Use **union operator `|`** instead of `Union`: `str | None` not `Optional[str]` or `Union[str, None]`.

## Where it applies
Flag `Optional[...]` and `Union[...]` in type expressions. Count a `|` union in an annotation.

## Measured
{validation_line("union-operator")}

## Example
```python
from typing import Optional


def find_email(user_id: int, emails: dict[int, str]) -> Optional[str]:
    return emails.get(user_id)
```

Use instead:
```python
def find_email(user_id: int, emails: dict[int, str]) -> str | None:
    return emails.get(user_id)
```

## Equivalents
ruff: UP007, UP045 (same: flags the same things)
"""


@fixture
def rule_ids(canon: Run) -> list[str]:
    return [row["id"] for row in loads(canon(["rules", "--format", "json"]).stdout)]


def _pages(canon: Run, out: Path, extra: tuple[str, ...] = ()):
    return canon(["rules", "--format", "markdown", "--out", str(out), *extra])


def test_pages_one_per_rule_and_an_index(canon: Run, tmp_path: Path, rule_ids: list[str]):
    result = _pages(canon, tmp_path / "rules")
    assert (result.exit_code, result.stderr) == (
        0,
        f"canon: {len(rule_ids) + 1} page(s) written, 0 unchanged\n",
    )
    written = tree(tmp_path / "rules")
    assert sorted(written) == sorted([f"{rule}.md" for rule in rule_ids] + ["index.md"])
    assert written["typing.union-operator.md"].decode() == UNION_PAGE
    index = written["index.md"].decode().splitlines()
    assert index[:6] == [
        MARKER,
        "",
        "# Rules",
        "",
        "| Rule | Section | Check | Fixable |",
        "|---|---|---|---|",
    ]
    assert len(index) == 6 + len(rule_ids)
    assert (
        "| [typing.union-operator](typing.union-operator.md) | Type Hints (Modern Style) "
        "| `union-operator` | yes |"
    ) in index
    assert "| [tooling.uv](tooling.uv.md) | Python Version & Tooling | none |  |" in index


def test_pages_check_reports_an_edited_page_and_writes_nothing(canon: Run, tmp_path: Path):
    out = tmp_path / "rules"
    _pages(canon, out)
    assert _pages(canon, out, ("--check",)).stderr.endswith("page(s) up to date\n")
    page = out / "typing.union-operator.md"
    page.write_text(UNION_PAGE.replace("UP045", "UP999"), encoding="utf-8")
    before = tree(out)
    result = _pages(canon, out, ("--check",))
    assert (result.exit_code, result.stderr) == (
        1,
        f"canon: stale: {page}\n"
        "canon: 1 rule page(s) out of date; run `canon rules --format markdown`\n",
    )
    assert tree(out) == before
    rewritten = _pages(canon, out)
    assert rewritten.exit_code == 0
    assert rewritten.stderr == f"canon: 1 page(s) written, {len(before) - 1} unchanged\n"
    assert page.read_text(encoding="utf-8") == UNION_PAGE


def test_pages_never_replace_a_file_canon_did_not_write(canon: Run, tmp_path: Path):
    out = tmp_path / "rules"
    out.mkdir()
    (out / "index.md").write_text("# Our own index\n", encoding="utf-8")
    result = _pages(canon, out)
    assert (result.exit_code, result.stderr) == (
        2,
        f"canon: {out / 'index.md'}: not written by canon (no marker line); move it or delete it\n",
    )
    assert tree(out) == {"index.md": b"# Our own index\n"}


def test_pages_of_a_rule_gone_are_reported_never_deleted(canon: Run, tmp_path: Path):
    out = tmp_path / "rules"
    _pages(canon, out)
    gone = out / "typing.old-rule.md"
    gone.write_text(f"{MARKER}\n\n# typing.old-rule\n", encoding="utf-8")
    result = _pages(canon, out)
    assert result.stderr.startswith(f"canon: warning: {gone}: no such rule any more; delete it\n")
    assert gone.exists()
    check = _pages(canon, out, ("--check",))
    assert (check.exit_code, check.stderr.splitlines()[0]) == (1, f"canon: stale: {gone}")


def test_pages_refuse_a_symlinked_page(canon: Run, tmp_path: Path):
    out = tmp_path / "rules"
    out.mkdir()
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", encoding="utf-8")
    (out / "index.md").symlink_to(victim)
    result = _pages(canon, out)
    assert result.exit_code == 2
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(tree(out)) == ["index.md"]


def test_pages_usage_errors(canon: Run, tmp_path: Path):
    no_out = canon(["rules", "--format", "markdown"])
    assert (no_out.exit_code, no_out.stderr) == (
        2,
        "canon: --format markdown writes one page per rule: pass --out DIR\n",
    )
    with_text = canon(["rules", "--out", str(tmp_path)])
    assert (with_text.exit_code, with_text.stderr) == (
        2,
        "canon: --out and --check go with --format markdown and no RULE_ID\n",
    )
    a_file = tmp_path / "file.md"
    a_file.write_text("x\n", encoding="utf-8")
    onto_file = _pages(canon, a_file)
    assert (onto_file.exit_code, onto_file.stderr) == (
        2,
        f"canon: {a_file}: --out must name a folder\n",
    )


def test_project_rule_pages_are_fresh(canon: Run):
    result = _pages(canon, REPO / "docs" / "rules", ("--check",))
    assert result.exit_code == 0, result.stderr
