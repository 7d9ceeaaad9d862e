# path: tests/blog/test_slugs.py
# expect: annotations=violation docstrings=violation parametrize=violation
# expect: specific-imports=violation function-length=compliant module-length=compliant
# expect: no-star-args=compliant parameter-count=compliant pytest-style=compliant
# expect: relative-imports=compliant test-names=compliant type-checking-imports=compliant
# expect: wildcard-import=compliant
import pytest

from blog.slugs import slugify, unique_slug


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hello World", "hello-world"),
        ("  Trim me  ", "trim-me"),
        ("Ça va?", "ca-va"),
    ],
)
def test_slugify_normalises_titles(title, expected):
    assert slugify(title) == expected


def test_slugify_rejects_empty_titles():
    for title in ["", "   ", "!!!"]:
        with pytest.raises(ValueError):
            slugify(title)


def test_unique_slug_appends_counter():
    taken = {"hello-world", "hello-world-2"}
    assert unique_slug("Hello World", taken) == "hello-world-3"


def test_unique_slug_keeps_free_slug():
    assert unique_slug("Fresh post", set()) == "fresh-post"


def test_slugify_limits_length():
    limits = {10: "a-very-lon", 20: "a-very-long-title-th", 5: "a-ver"}
    for limit, expected in limits.items():
        assert slugify("A very long title that goes on", max_length=limit) == expected
