"""Standards to instruction files: targets, Markdown rendering, safe writing."""
