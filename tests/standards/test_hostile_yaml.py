"""YAML that cannot hurt: alias bombs, self-reference, tags and deep nesting end in one line."""

from __future__ import annotations

from os import mkfifo
from re import fullmatch
from subprocess import run
from sys import executable
from typing import TYPE_CHECKING

from pytest import mark

from tests.conftest import tree

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import Run

_BOMB = "\n".join(
    [
        'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
        *(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
            for i in range(8)
        ),
        "sections: []",
    ]
)


def _one_line(result, pattern: str) -> None:
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fullmatch(r"canon: " + pattern, lines[0]), lines[0]


@mark.parametrize(
    ("text", "pattern"),
    [
        (_BOMB, r".*10-typing.yaml:\d+:\d+: aliases expand beyond 100,000 values"),
        ("sections: &a [*a]\n", r".*:1:11: an alias refers to the value that contains it"),
        ("sections: !!int abc\n", r".*10-typing.yaml:1:11: 'abc' is not a valid int"),
        (
            "sections: !!python/object:os.system {}\n",
            r".*:1:11: unsupported YAML tag tag:yaml.org,2002:python/object:os.system",
        ),
        ("sections: !custom [a]\n", r".*10-typing.yaml:1:11: unsupported YAML tag !custom"),
        ("sections: [!custom a]\n", r".*10-typing.yaml:1:12: unsupported YAML tag !custom"),
        ("sections: !!set {a, b}\n", r".*10-typing.yaml:1:11: unsupported YAML tag .*set"),
        ("sections:" + " [" * 80 + " ]" * 80 + "\n", r".*10-typing.yaml.*nested.*"),
    ],
    ids=["alias-bomb", "self-reference", "bad-int", "python-object", "custom-tag",
         "custom-scalar", "set", "deep"],
)  # fmt: skip
def test_hostile_sections_are_refused_in_one_line(project, canon: Run, text: str, pattern: str):
    (project / "instructions/demo/10-typing.yaml").write_text(text)
    before = tree(project)
    _one_line(canon(["compile"]), pattern)
    assert tree(project) == before


def test_an_alias_within_the_budget_still_works(project, canon: Run):
    path = project / "instructions/demo/10-typing.yaml"
    text = path.read_text()
    text = text.replace('text: "Keep functions short."}', 'text: &short "Keep functions short."}')
    path.write_text(text + "      - item: *short\n")
    result = canon(["compile"])
    assert result.exit_code == 0, result.stderr
    written = (project / ".github/instructions/demo.instructions.md").read_text()
    assert written.endswith("### Style\n\n- Keep functions short.\n- Keep functions short.\n")


def test_hostile_eval_configuration_is_refused(tmp_path, canon: Run, monkeypatch):
    from tests.conftest import REPO

    monkeypatch.chdir(REPO)
    config = tmp_path / "bomb.yaml"
    config.write_text(_BOMB.replace("sections: []", "configurations: []"))
    _one_line(
        canon(["eval", "--config", str(config), "--log-dir", str(tmp_path / "logs")]),
        r".*bomb.yaml:\d+:\d+: aliases expand beyond 100,000 values",
    )
    assert not (tmp_path / "logs").exists()


def test_fifo_section_file_is_refused_without_hanging(tmp_path: Path):
    standard = tmp_path / "demo"
    standard.mkdir()
    (standard / "standard.yaml").write_text("id: demo\ntitle: Demo\n")
    mkfifo(standard / "10-pipe.yaml")
    result = run(
        [executable, "-m", "canon", "compile", str(standard), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (
        2,
        f"canon: {standard / '10-pipe.yaml'}: not a regular file; refused\n",
    )
