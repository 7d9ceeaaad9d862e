# path: tests/test_parsers.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=compliant test-names=violation function-length=compliant parameter-count=compliant
# expect: timezone-aware=violation class-length=compliant
# expect: relative-imports=compliant
# expect: parametrize=compliant
"""Tests for the log line parsers."""

import datetime

import pytest

from logparse.parsers import ParseError, parse_access_line, parse_duration


class TestAccessLine:
    def test_ok(self):
        line = '203.0.113.9 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326'
        entry = parse_access_line(line)
        assert entry.ip == "203.0.113.9"
        assert entry.status == 200
        assert entry.when == datetime.datetime(2023, 10, 10, 13, 55, 36, tzinfo=datetime.timezone.utc)

    def test_bad(self):
        with pytest.raises(ParseError):
            parse_access_line("garbage")

    def test_ipv6(self):
        line = '2001:db8::1 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/2" 304 0'
        assert parse_access_line(line).ip == "2001:db8::1"


@pytest.mark.parametrize(
    "text,seconds",
    [("150ms", 0.15), ("2s", 2.0), ("1m30s", 90.0), ("1h", 3600.0)],
)
def test_duration(text, seconds):
    assert parse_duration(text) == pytest.approx(seconds)


def test_duration2():
    with pytest.raises(ValueError):
        parse_duration("soon")


def test_naive_timestamps():
    entry = parse_access_line('198.51.100.4 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 200 1')
    assert entry.when.replace(tzinfo=None) == datetime.datetime(2024, 1, 1)
