"""What `canon targets` prints: every target's facts, as a table or as JSON."""

from __future__ import annotations

from orjson import OPT_INDENT_2, dumps

from canon.compiler.targets import get_target, target_names

__all__ = ["target_table"]


def target_table(output_format: str) -> str:
    """Describe every target: name, paths, size limit, scoping, documentation.

    Args:
        output_format: `text` (two lines a target) or `json` (a list of objects).

    Returns:
        The text to print.

    Raises:
        InputError: A plugin target cannot be loaded.
    """
    infos = [get_target(name).info for name in target_names()]
    if output_format == "json":
        return dumps([info.as_json() for info in infos], option=OPT_INDENT_2).decode() + "\n"
    lines: list[str] = []
    for info in infos:
        limit = f"{info.size_limit:,} chars" if info.size_limit else "no limit"
        scoping = info.scoping or "no scoping (a line says which files)"
        lines.append(f"{info.name:<10} {', '.join(info.paths)}\n")
        lines.append(f"{'':<10} {limit}; {scoping}; {info.doc_url}\n")
    return "".join(lines)
