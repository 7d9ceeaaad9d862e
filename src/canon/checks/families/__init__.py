"""The checks, one module per family (typing, modern, errors, structure, docs, libraries)."""

__all__: list[str] = []
