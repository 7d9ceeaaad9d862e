# path: scripts/bump_version.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: tomllib=violation pathlib=compliant structlog=violation raise-from=violation bare-except=compliant
# expect: f-strings=compliant duplicate-case-arms=compliant dunder-all=na
# expect: builtin-generics=compliant
# expect: comprehensions=compliant
# expect: no-any=compliant
"""Bump the version in pyproject.toml: `python scripts/bump_version.py minor`."""

import re
import subprocess
import sys
from pathlib import Path

import tomli
import tomli_w

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
VERSION_RE = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def bump(version: str, part: str) -> str:
    """Compute the next version.

    Args:
        version: The current version, `MAJOR.MINOR.PATCH`.
        part: Which part to increase: major, minor or patch.

    Returns:
        The new version.

    Raises:
        ValueError: If the version or the part is not understood.
    """
    match = VERSION_RE.match(version)
    if match is None:
        raise ValueError(f"unsupported version {version!r}")
    major, minor, patch = (int(piece) for piece in match.groups())
    match part:
        case "major":
            return f"{major + 1}.0.0"
        case "minor":
            return f"{major}.{minor + 1}.0"
        case "patch":
            return f"{major}.{minor}.{patch + 1}"
        case _:
            raise ValueError(f"unknown part {part!r}")


def main(argv: list[str]) -> int:
    """Rewrite pyproject.toml and tag the commit.

    Args:
        argv: Command line arguments after the program name.

    Returns:
        The exit status.

    Raises:
        SystemExit: If committing or tagging with git fails.
    """
    part = argv[0] if argv else "patch"
    with PYPROJECT.open("rb") as handle:
        document = tomli.load(handle)
    old = document["project"]["version"]
    try:
        new = bump(old, part)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    document["project"]["version"] = new
    PYPROJECT.write_bytes(tomli_w.dumps(document).encode())
    try:
        subprocess.run(["git", "commit", "-am", f"release: {new}"], check=True)
        subprocess.run(["git", "tag", f"v{new}"], check=True)
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"git failed with status {exc.returncode}")
    print(f"{old} -> {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
