"""Front matter: the top-level scalars YAML states, read as a YAML parser reads them."""

from __future__ import annotations

import pytest
import yaml

from reader.core.importers.front_matter import read_front_matter

CASES = [
    "title: On Rivers\ndate: 2021-03-04",
    "title: The Protection of Rivers, Lakes and Wetlands of the Upper Basin and Their\n"
    "  Tributaries\ndate: '2025-04-11'",
    "title: 'The Board''s Rules\n  on Water'",
    'title: "Rules on \\"Water\\" \\u00e9\n  and Land"',
    "title: >\n  A folded\n  block title\n\n  second line\nnext: x",
    "title: >-\n  Folded, chomped\n",
    "title: |\n  Literal\n  lines\n",
    "tags:\n  - rivers\n  - lakes\ntitle: After a List  # a comment",
    "owner:\n  title: Inner\ntitle: Outer",
    "title:\nsource: Water Office",
    "Title: Capital Key",
]


@pytest.mark.parametrize("front", CASES)
def test_top_level_scalars_agree_with_a_yaml_parser(front):
    expected = {str(k).lower(): v for k, v in yaml.safe_load(front).items() if isinstance(v, str)}
    mine = read_front_matter(front.split("\n"))
    assert {k: v for k, v in mine.items() if k in expected} == expected
    assert "owner" not in mine and "tags" not in mine  # collections are not scalars


@pytest.mark.parametrize(
    "junk", ["not: [closed", "{{{", ": no key", "title: 'never closed", "\t\t", "- a list"]
)
def test_front_matter_that_is_not_yaml_never_fails(junk):
    read_front_matter(junk.split("\n"))
