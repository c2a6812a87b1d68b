"""Number phrases read by the forces extractor: digits and words, hedges, ranges, vague sizes.

No model needed: ``parse_quantity`` works on the verbatim number phrase.
"""

from __future__ import annotations

import pytest

from analysis.forces import parse_quantity


@pytest.mark.parametrize(
    "text, value, maximum, approximate",
    [
        ("about 100", 100, None, True),
        ("105", 105, None, False),
        ("some 1,500", 1500, None, True),
        ("300", 300, None, False),
        ("nearly a thousand", 1000, None, True),
        ("two", 2, None, False),
        ("several hundred", None, None, True),
        ("hundreds", None, None, True),
        ("between 850 and 1,100", 850, 1100, True),
        ("850 to 1,100", 850, 1100, True),
        ("up to 2,000", 2000, None, True),
        ("roughly 13,000", 13000, None, True),
        ("twenty-five", 25, None, False),
        ("two dozen", 24, None, False),
        ("a few dozen", None, None, True),
        ("around hundred", 100, None, True),
        ("1.5 million", 1_500_000, None, False),
    ],
)
def test_forces_quantity_parse(text, value, maximum, approximate):
    q = parse_quantity(text)
    assert (q.value, q.maximum, q.approximate) == (value, maximum, approximate)


def test_forces_quantity_keeps_text_verbatim():
    assert parse_quantity("  some 1,500 ").text == "some 1,500"
