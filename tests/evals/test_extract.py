from __future__ import annotations

from canon.evals.extract import extract_loose, extract_strict, output_contract, parses
from canon.evals.solver import with_contract

CODE = "def add(a: int, b: int) -> int:\n    return a + b\n"


def test_extract_strict_fenced_python_returns_block() -> None:
    assert (
        extract_strict(f"Here you go:\n\n```python\n{CODE}```\nEnjoy.", "src/app/maths.py") == CODE
    )


def test_extract_strict_several_blocks_none_named_returns_none() -> None:
    # the contract asked for one block; two, neither naming the file, are not taken at a guess
    answer = f"```python\nx = 1\n```\n\nand\n\n```py\n{CODE}```\n"
    assert extract_strict(answer, "src/app/maths.py") is None


def test_extract_loose_several_blocks_returns_longest_that_parses() -> None:
    answer = f"```python\nx = 1\n```\n\nand\n\n```py\n{CODE}```\n\n```\ndef (:\n```\n"
    assert extract_loose(answer, "src/app/maths.py") == CODE


def test_extract_strict_two_files_takes_the_one_named_by_the_line_before() -> None:
    test = "from maths import add\n\n\ndef test_add() -> None:\n    assert add(1, 2) == 3\n"
    answer = (
        f"`src/app/maths.py`:\n\n```python\n{CODE}```\n\n"
        f"`tests/test_maths.py`, longer:\n\n```python\n{test}{test}```\n"
    )
    assert extract_strict(answer, "src/app/maths.py") == CODE
    assert extract_loose(answer, "src/app/maths.py") == CODE


def test_extract_strict_block_named_in_its_fence_header() -> None:
    answer = f'```python\nx = 1\n```\n\n```python title="src/app/maths.py"\n{CODE}```\n'
    assert extract_strict(answer, "src/app/maths.py") == CODE


def test_extract_strict_file_name_alone_names_the_block() -> None:
    answer = f"```python\nx = 1\n```\n\nmaths.py\n```python\n{CODE}```\n"
    assert extract_strict(answer, "src/app/maths.py") == CODE
    # a longer name containing it does not
    other = f"```python\nx = 1\n```\n\nold_maths.py\n```python\n{CODE}```\n"
    assert extract_strict(other, "src/app/maths.py") is None


def test_extract_strict_untagged_block_is_not_python() -> None:
    assert extract_strict(f"```\n{CODE}```\n", "src/app/maths.py") is None
    assert extract_loose(f"```\n{CODE}```\n", "src/app/maths.py") == CODE


def test_extract_loose_other_language_never_scored_as_python() -> None:
    # `name = "shop"` parses as Python; a toml block is still not code
    answer = '```toml\n[project]\nname = "shop"\nversion = "1.0"\n```\n'
    assert extract_loose(answer, "src/app/settings.py") is None
    unterminated = '```toml\nname = "shop"\nversion = "1.0"\n'
    assert extract_loose(unterminated, "src/app/settings.py") is None


def test_extract_loose_prose_and_toml_block_takes_the_unfenced_code() -> None:
    answer = f'Config:\n\n```toml\nname = "shop"\n```\n\nAnd the code:\n\n{CODE}'
    assert extract_loose(answer, "src/app/maths.py") == CODE


def test_output_contract_names_the_path_and_one_python_block() -> None:
    prompt = with_contract("Write the maths helpers.\n", "src/app/maths.py")
    assert prompt == (
        "Write the maths helpers.\n\nWrite the file `src/app/maths.py`. Answer with the whole "
        "file in one ```python block; explanations, if any, go outside it."
    )
    assert output_contract("src/app/maths.py") in prompt


def test_extract_strict_other_language_ignored() -> None:
    assert extract_strict("```bash\nuv run pytest\n```\n", "src/app/maths.py") is None


def test_extract_strict_unfenced_returns_none() -> None:
    assert extract_strict(f"Sure! {CODE}", "src/app/maths.py") is None


def test_extract_loose_prose_around_unfenced_code_returns_code() -> None:
    answer = f"Sure, here is the function.\n\n{CODE}\nThis adds two numbers, as requested."
    # the prose is trimmed up to the blank line before it; the blank line stays
    assert extract_loose(answer, "src/app/maths.py") == CODE + "\n"


def test_extract_loose_prose_without_blank_lines_trimmed_exactly() -> None:
    answer = f"Sure, here is the function.\n{CODE}This adds two numbers, as requested."
    assert extract_loose(answer, "src/app/maths.py") == CODE


def test_parses_tells_python_from_prose() -> None:
    assert (parses(CODE), parses("def add(a, b:\n"), parses("Sure, here it is.")) == (
        True,
        False,
        False,
    )


def test_extract_loose_unterminated_fence_returns_code() -> None:
    assert extract_loose(f"```python\n{CODE}", "src/app/maths.py") == CODE


def test_extract_loose_no_code_returns_none() -> None:
    assert extract_loose("I cannot help with that.", "src/app/maths.py") is None


def test_extract_strict_path_named_earlier_in_the_prose_names_no_block() -> None:
    # only the fence header or the line just before a block can name it
    answer = (
        "I'll write `src/app/maths.py`.\n\nFirst a helper:\n\n```python\nx = 1\n```\n\n"
        f"Then:\n\n```python\n{CODE}```\n"
    )
    assert extract_strict(answer, "src/app/maths.py") is None


def test_extract_strict_without_a_path_takes_only_the_only_block() -> None:
    two = f"maths:\n```python\nx = 1\n```\n\n```python\n{CODE}```\n"
    assert extract_strict(two, "") is None
    assert extract_strict(f"```python\n{CODE}```\n", "") == CODE


def test_extract_strict_file_name_dot_is_literal() -> None:
    answer = f"```python\nx = 1\n```\n\nmathsXpy\n```python\n{CODE}```\n"
    assert extract_strict(answer, "src/app/maths.py") is None


def test_extract_loose_unterminated_untagged_fence_returns_code() -> None:
    assert extract_loose(f"Here:\n```\n{CODE}", "src/app/maths.py") == CODE


def test_extract_loose_unterminated_fence_that_does_not_parse_gives_nothing() -> None:
    assert extract_loose("```python\ndef broken(:\n", "src/app/maths.py") is None


def test_extract_loose_code_around_a_toml_block_keeps_only_python_lines() -> None:
    answer = f'{CODE}\n```toml\nname = "shop"\n```\n\nx = add(1, 2)\n'
    assert extract_loose(answer, "src/app/maths.py") == f"{CODE}\n\n\n\nx = add(1, 2)\n"
