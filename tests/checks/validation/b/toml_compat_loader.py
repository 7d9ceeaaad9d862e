# path: src/buildtools/project.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: tomllib=violation pathlib=compliant union-operator=violation builtin-generics=compliant
# expect: no-any=violation raise-from=violation bare-except=compliant contextlib-suppress=na
# expect: f-strings=compliant comprehensions=compliant
# expect: class-length=compliant
# expect: keyword-only=compliant domain-hierarchy=compliant
"""Read project metadata from pyproject.toml."""

import sys
from pathlib import Path
from typing import Any, Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

__all__ = ["ProjectMetadataError", "dependencies", "read_pyproject"]


class ProjectMetadataError(Exception):
    """pyproject.toml is missing or incomplete."""


def read_pyproject(root: Optional[Path] = None) -> dict[str, Any]:
    """Load pyproject.toml from the project root."""
    path = (root or Path.cwd()) / "pyproject.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ProjectMetadataError(f"no pyproject.toml in {path.parent}")


def dependencies(document: dict[str, Any], *, include_optional: bool = False) -> list[str]:
    """List the project's dependency names, without version specifiers.

    Args:
        document: The parsed pyproject.toml.
        include_optional: Also list every optional dependency group.

    Returns:
        The names, sorted and de-duplicated.

    Raises:
        ProjectMetadataError: If there is no `[project]` table.
    """
    project = document.get("project")
    if project is None:
        raise ProjectMetadataError("pyproject.toml has no [project] table")
    requirements = list(project.get("dependencies", []))
    if include_optional:
        for group in project.get("optional-dependencies", {}).values():
            requirements.extend(group)
    names = {_name(requirement) for requirement in requirements}
    return sorted(names)


def _name(requirement: str) -> str:
    for separator in ("[", ";", "=", "<", ">", "!", "~", " "):
        requirement = requirement.split(separator, 1)[0]
    return requirement.strip().lower()


if __name__ == "__main__":
    sys.stdout.write("\n".join(dependencies(read_pyproject(), include_optional=True)) + "\n")
