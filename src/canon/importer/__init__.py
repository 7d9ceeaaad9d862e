"""Instruction files (Copilot, Cursor, AGENTS.md, CLAUDE.md, Markdown) to standards."""
