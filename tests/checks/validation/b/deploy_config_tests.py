# path: tests/deployer/test_config.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: pytest-style=compliant test-names=compliant function-length=compliant parameter-count=compliant
# expect: google-docstrings=compliant pathlib=compliant relative-imports=compliant tomllib=na
# expect: type-checking-imports=violation
# expect: comprehensions=compliant no-any=compliant
"""Tests for loading `deploy.toml`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import MonkeyPatch, fixture, raises

from deployer.config import ConfigError, load_config

if TYPE_CHECKING:
    from pathlib import Path

VALID = """
[targets.web1]
host = "10.0.0.11"
tags = ["web", "eu"]

[targets.db1]
host = "10.0.0.21"
port = 2222
user = "ops"
"""


@fixture
def config_file(tmp_path: Path) -> Path:
    """A valid deploy.toml in a temporary directory.

    Args:
        tmp_path: Pytest's per-test directory.

    Returns:
        The file's path.
    """
    path = tmp_path / "deploy.toml"
    path.write_text(VALID, encoding="utf-8")
    return path


def test_load_config_valid_file_reads_every_target(config_file: Path) -> None:
    config = load_config(config_file)
    assert [target.name for target in config.targets] == ["web1", "db1"]
    assert config.targets[1].port == 2222


def test_load_config_missing_file_raises_config_error(tmp_path: Path) -> None:
    with raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_load_config_invalid_toml_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "deploy.toml"
    path.write_text("[targets.web1\nhost=", encoding="utf-8")
    with raises(ConfigError):
        load_config(path)


def test_load_config_target_without_host_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "deploy.toml"
    path.write_text('[targets.web1]\nport = 22\n', encoding="utf-8")
    with raises(ConfigError, match="needs a host"):
        load_config(path)


def test_tagged_known_tag_selects_matching_targets(config_file: Path) -> None:
    assert [target.name for target in load_config(config_file).tagged("eu")] == ["web1"]


def test_ssh_key_from_env_expands_home(config_file: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("DEPLOY_SSH_KEY", "~/.ssh/deploy")
    config = load_config(config_file)
    assert config.ssh_key is not None
    assert not str(config.ssh_key).startswith("~")
