# path: tests/test_text_utils.py
# expect: pytest-style=violation test-names=violation annotations=violation specific-imports=compliant
# expect: docstrings=violation function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: parametrize=violation
from unittest import TestCase, main

from common.text import normalize_whitespace, slugify, truncate


class SlugifyTests(TestCase):
    def test_lowercases(self):
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_strips_accents(self):
        self.assertEqual(slugify("Crème Brûlée"), "creme-brulee")

    def test_collapses_separators(self):
        self.assertEqual(slugify("a  --  b"), "a-b")

    def test_empty(self):
        self.assertEqual(slugify(""), "")


class TruncateTests(TestCase):
    def test_short_text_unchanged(self):
        self.assertEqual(truncate("short", 10), "short")

    def test_long_text_gets_ellipsis(self):
        self.assertEqual(truncate("a long sentence here", 10), "a long...")

    def test_width_below_ellipsis_raises(self):
        with self.assertRaises(ValueError):
            truncate("text", 2)


class WhitespaceTests(TestCase):
    def setUp(self):
        self.samples = {
            "a  b": "a b",
            " leading": "leading",
            "trailing ": "trailing",
            "tabs\tand\nnewlines": "tabs and newlines",
        }

    def test_samples(self):
        for raw, expected in self.samples.items():
            with self.subTest(raw=raw):
                self.assertEqual(normalize_whitespace(raw), expected)


if __name__ == "__main__":
    main()
