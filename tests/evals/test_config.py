from __future__ import annotations

from pathlib import Path

from pytest import fixture, mark, raises

from canon.errors import InputError
from canon.evals.config import load_config
from canon.evals.project import EvalProject
from canon.evals.runner import expand_models

ROOT = Path(__file__).resolve().parents[2]


@fixture(scope="module")
def project() -> EvalProject:
    return EvalProject(root=ROOT)


def _load(tmp_path: Path, text: str, project: EvalProject):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, standards=project.standards)


@mark.parametrize("name", ["default.yaml", "nightly.yaml"])
def test_load_config_bundled_files_load(name: str, project: EvalProject) -> None:
    config = load_config(ROOT / "evals" / "configs" / name, standards=project.standards)
    assert config.configurations


def test_load_config_unknown_target_points_at_it(tmp_path: Path, project: EvalProject) -> None:
    text = (
        "configurations:\n  - name: a\n    model: canon/reference\n"
        "    instructions: {target: nope}\n"
    )
    with raises(InputError) as info:
        _load(tmp_path, text, project)
    assert info.value.position.line == 4
    assert "unknown target 'nope'" in info.value.message


def test_load_config_duplicate_name_is_an_error(tmp_path: Path, project: EvalProject) -> None:
    text = (
        "configurations:\n  - name: a\n    model: canon/reference\n"
        "  - name: a\n    model: canon/legacy\n"
    )
    with raises(InputError, match="duplicate configuration name 'a'") as info:
        _load(tmp_path, text, project)
    assert info.value.position.line == 4


def test_load_config_unknown_section_left_out_is_an_error(
    tmp_path: Path, project: EvalProject
) -> None:
    text = (
        "configurations:\n  - name: a\n    model: canon/reference\n"
        "    instructions:\n      leave_out: [No Such Section]\n"
    )
    with raises(InputError, match="no section 'No Such Section'"):
        _load(tmp_path, text, project)


def test_expand_models_two_models_one_configuration_per_pair(
    tmp_path: Path, project: EvalProject
) -> None:
    config = load_config(ROOT / "evals" / "configs" / "nightly.yaml", standards=project.standards)
    expanded = expand_models(config.configurations, ["openai/a", "openai-api/local/b"])
    assert len(expanded) == 6
    assert {item.model for item in expanded} == {"openai/a", "openai-api/local/b"}
    assert len({item.name for item in expanded}) == 6
