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
    code = extract_loose(answer)
    assert code is not None
    assert parses(code)
    assert "return a + b" in code


def test_extract_loose_unterminated_fence_returns_code() -> None:
    assert extract_loose(f"```python\n{CODE}") == CODE


def test_extract_loose_no_code_returns_none() -> None:
    assert extract_loose("I cannot help with that.") is None
