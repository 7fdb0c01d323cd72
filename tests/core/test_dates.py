"""dates.find_date on its own: the ways policy pages write dates, as ``YYYY-MM-DD``."""

from __future__ import annotations

import pytest

from reader.core.dates import find_date, parse_date_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed in Beijing on November 24, 2016 and", ("2016-11-24", 21, 38)),
        ("Beijing, 5 November 2008.", ("2008-11-05", 9, 24)),
        ("Nov. 5, 2008", ("2008-11-05", 0, 12)),
        ("2016-11-24", ("2016-11-24", 0, 10)),
        ("2008年11月5日", ("2008-11-05", 0, 10)),
    ],
)
def test_the_first_date_with_its_span(text, expected):
    assert find_date(text) == expected
    iso, start, end = expected
    assert text[start:end].strip()  # the span is the date as written


@pytest.mark.parametrize("text", ["no date here", "version 2.3.4", "2016-13-01", "2016/02/30"])
def test_no_date_or_an_impossible_one(text):
    assert find_date(text) is None


def test_a_date_line_is_nothing_but_a_date():
    assert parse_date_line("2016-11-24") == "2016-11-24"
    assert parse_date_line("Signed on November 24, 2016 in Beijing") is None
