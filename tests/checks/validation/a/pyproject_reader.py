# path: src/devtools/pyproject.py
# expect: tomllib=violation pathlib=compliant specific-imports=violation docstrings=compliant
# expect: google-docstrings=violation dunder-all=compliant annotations=compliant builtin-generics=compliant
# expect: union-operator=compliant raise-from=violation function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: type-checking-imports=violation
"""Read project metadata from pyproject.toml files in a monorepo."""

from pathlib import Path

import tomli

__all__ = ["ProjectInfo", "find_projects", "read_project"]


class ProjectInfo(dict):
    """The `[project]` table of one pyproject.toml, with its location."""

    def __repr__(self) -> str:
        return f"ProjectInfo({self.get('name')!r})"


def read_project(path: Path) -> ProjectInfo:
    """Read one pyproject.toml."""
    try:
        data = tomli.loads(path.read_text(encoding="utf-8"))
    except tomli.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}")
    info = ProjectInfo(data.get("project", {}))
    info["path"] = str(path.parent)
    return info


def find_projects(root: Path) -> list[ProjectInfo]:
    """Every project below a folder, sorted by name."""
    projects = [read_project(path) for path in sorted(root.rglob("pyproject.toml"))]
    return sorted(projects, key=lambda info: str(info.get("name", "")))


def dependency_names(info: ProjectInfo) -> set[str]:
    """The names of a project's runtime dependencies, without versions."""
    names = set()
    for requirement in info.get("dependencies", []):
        name = requirement.split(";")[0]
        for separator in ("==", ">=", "<=", "~=", ">", "<", "["):
            name = name.split(separator)[0]
        names.add(name.strip().lower())
    return names


def python_requirement(info: ProjectInfo) -> str | None:
    """The project's `requires-python`, if set."""
    return info.get("requires-python")
