"""`canon check --fix` keeps a file as it was but for the fix: bytes, encoding, mode, links."""

from __future__ import annotations

from os import link
from stat import S_IMODE
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest import fixture, mark

if TYPE_CHECKING:
    from pathlib import Path

    from pytest import MonkeyPatch

    from tests.conftest import Run

BROKEN = "x: typing.Optional[int] = None\n"
FIXED = "x: int | None = None\n"


@fixture
def here(tmp_path: Path, monkeypatch: MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fix(canon: Run, name: str):
    return canon(["check", "--fix", "--no-cache", "--select", "union-operator", name])


def test_latin1_file_with_cookie_stays_latin1(canon: Run, here: Path):
    text = "# -*- coding: latin-1 -*-\nimport typing\n\nname = 'café'\n" + BROKEN
    (here / "m.py").write_bytes(text.encode("latin-1"))
    assert _fix(canon, "m.py").exit_code == 0
    assert (here / "m.py").read_bytes() == text.replace(BROKEN, FIXED).encode("latin-1")


def test_bom_and_crlf_kept(canon: Run, here: Path):
    text = "import typing\r\n\r\n# ok\r\n" + BROKEN.replace("\n", "\r\n")
    (here / "m.py").write_bytes(text.encode("utf-8-sig"))
    assert _fix(canon, "m.py").exit_code == 0
    expected = text.replace(BROKEN.replace("\n", "\r\n"), FIXED.replace("\n", "\r\n"))
    assert (here / "m.py").read_bytes() == b"\xef\xbb\xbf" + expected.encode()


@mark.parametrize(("name", "mode"), [("run.py", 0o755), ("frozen.py", 0o444)])
def test_fix_executable_and_read_only_modes_kept(canon: Run, here: Path, name: str, mode: int):
    (here / name).write_text("import typing\n\n" + BROKEN)
    (here / name).chmod(mode)
    assert _fix(canon, name).exit_code == 0
    assert (here / name).read_text() == "import typing\n\n" + FIXED
    assert S_IMODE((here / name).stat().st_mode) == mode


def test_symlink_inside_fixes_its_target_and_stays_a_link(canon: Run, here: Path):
    (here / "real.py").write_text("import typing\n\n" + BROKEN)
    (here / "link.py").symlink_to(here / "real.py")
    result = _fix(canon, "link.py")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (0, "canon: fixed 1 file(s)")
    assert (here / "link.py").is_symlink()
    assert (here / "real.py").read_text() == "import typing\n\n" + FIXED


def test_symlink_to_outside_the_project_is_refused(canon: Run, here: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "real.py"
    outside.write_text("import typing\n\n" + BROKEN)
    (here / "link.py").symlink_to(outside)
    result = _fix(canon, "link.py")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "canon: warning: link.py: a symlink (fix the file it points to); not fixed\n"
    )
    assert (here / "link.py").is_symlink()
    assert outside.read_text() == "import typing\n\n" + BROKEN


def test_hard_links_keep_seeing_the_fixed_file(canon: Run, here: Path):
    (here / "a.py").write_text("import typing\n\n" + BROKEN)
    link(here / "a.py", here / "b.py")
    assert _fix(canon, "a.py").exit_code == 0
    assert (here / "b.py").read_text() == "import typing\n\n" + FIXED
    assert (here / "a.py").stat().st_ino == (here / "b.py").stat().st_ino


def test_suppressed_line_is_not_rewritten(canon: Run, here: Path):
    kept = "y: typing.Optional[str] = None  # canon: ignore[union-operator]\n"
    (here / "m.py").write_text("import typing\n\n" + kept + BROKEN)
    assert _fix(canon, "m.py").exit_code == 0
    assert (here / "m.py").read_text() == "import typing\n\n" + kept + FIXED


def test_optional_none_becomes_none_never_none_or_none(canon: Run, here: Path):
    source = "from typing import Optional\n\n\ndef f() -> Optional[None]:\n    return None\n"
    (here / "m.py").write_text(source)
    assert _fix(canon, "m.py").exit_code == 0
    assert (here / "m.py").read_text() == "\n\ndef f() -> None:\n    return None\n"


@mark.parametrize("extra", [["--diff"], ["--diff", "--fix"]])
def test_diff_never_writes_with_or_without_fix(canon: Run, here: Path, extra: list[str]):
    (here / "m.py").write_text("import typing\n\n" + BROKEN)
    result = canon(["check", "--no-cache", *extra, "--select", "union-operator", "m.py"])
    assert result.exit_code == 1
    assert "-x: typing.Optional[int] = None\n+x: int | None = None\n" in result.stdout
    assert (here / "m.py").read_text() == "import typing\n\n" + BROKEN


_LINE = st.text(
    alphabet=st.characters(codec="latin-1", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    max_size=30,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    comments=st.lists(_LINE, max_size=4),
    encoding=st.sampled_from(["utf-8", "latin-1", "utf-8-sig"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    mode=st.sampled_from([0o644, 0o755, 0o600, 0o444]),
)
# hypothesis draws one value per parameter
def test_any_file_survives_fix_but_for_the_fixed_span(  # noqa: PLR0917 # canon: ignore[functions.max-parameters]
    canon: Run, here: Path, comments: list[str], encoding: str, newline: str, mode: int
):
    cookie = ["# -*- coding: latin-1 -*-"] if encoding == "latin-1" else []
    lines = [*cookie, "import typing", *(f"# {text}" for text in comments), ""]
    head = newline.join(lines) + newline
    path = here / "m.py"
    if path.exists():
        path.chmod(0o644)
    path.write_bytes((head + BROKEN.replace("\n", newline)).encode(encoding))
    path.chmod(mode)
    assert _fix(canon, "m.py").exit_code == 0
    assert path.read_bytes() == (head + FIXED.replace("\n", newline)).encode(encoding)
    assert S_IMODE(path.stat().st_mode) == mode
