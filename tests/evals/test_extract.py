from canon.evals.extract import extract_loose, extract_strict, parses

CODE = "def add(a: int, b: int) -> int:\n    return a + b\n"


def test_extract_strict_fenced_python_returns_block() -> None:
    assert extract_strict(f"Here you go:\n\n```python\n{CODE}```\nEnjoy.") == CODE


def test_extract_strict_several_blocks_returns_longest() -> None:
    answer = f"```python\nx = 1\n```\n\nand\n\n```py\n{CODE}```\n"
    assert extract_strict(answer) == CODE


def test_extract_strict_other_language_ignored() -> None:
    assert extract_strict("```bash\nuv run pytest\n```\n") is None


def test_extract_strict_unfenced_returns_none() -> None:
    assert extract_strict(f"Sure! {CODE}") is None


def test_extract_loose_prose_around_unfenced_code_returns_code() -> None:
    answer = f"Sure, here is the function.\n\n{CODE}\nThis adds two numbers, as requested."
    # the prose is trimmed up to the blank line before it; the blank line stays
    assert extract_loose(answer) == CODE + "\n"


def test_extract_loose_prose_without_blank_lines_trimmed_exactly() -> None:
    answer = f"Sure, here is the function.\n{CODE}This adds two numbers, as requested."
    assert extract_loose(answer) == CODE


def test_parses_tells_python_from_prose() -> None:
    assert (parses(CODE), parses("def add(a, b:\n"), parses("Sure, here it is.")) == (
        True,
        False,
        False,
    )


def test_extract_loose_unterminated_fence_returns_code() -> None:
    assert extract_loose(f"```python\n{CODE}") == CODE


def test_extract_loose_no_code_returns_none() -> None:
    assert extract_loose("I cannot help with that.") is None
