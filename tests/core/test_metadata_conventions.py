"""Title, date and source from where documents state them: metadata.derive, colophon
lines, dates in several languages, and names rather than sentence fragments."""

from __future__ import annotations

import pytest

from reader.core.colophon import read_colophon
from reader.core.dates import find_date, parse_date_line
from reader.core.furniture import copyright_owner, looks_like_name, source_line
from reader.core.importers import parse_text
from reader.core.importers.html_title import page_title
from reader.core.metadata import Metadata, derive
from reader.core.model import HEADING, PARAGRAPH, TITLE, Block


@pytest.mark.parametrize(
    "text,iso",
    [
        ("13 décembre 1799", "1799-12-13"),
        ("Saturday, October 27, 1787", "1787-10-27"),
        ("8 de septiembre de 1989", "1989-09-08"),
        ("5. September 2005", "2005-09-05"),
        ("1er janvier 2006", "2006-01-01"),
        ("2016年3月22日", "2016-03-22"),
    ],
)
def test_dates_in_several_languages(text, iso):
    assert find_date(text)[0] == iso


def test_a_year_alone_or_a_day_without_a_year_is_no_date():
    assert find_date("in 1787 the states met") is None
    assert parse_date_line("Mai 5") is None


def test_colophon_lines():
    issued = read_colophon("2003年4月7日 河道管理委员会令第12号发布")
    assert (issued.date, issued.source, issued.issued) == ("2003-04-07", "河道管理委员会", True)
    adopted = read_colophon("2003年3月1日 市人民政府第9次常务会议通过")
    assert (adopted.date, adopted.source, adopted.issued) == ("2003-03-01", "市人民政府", False)
    assert read_colophon("Ausfertigungsdatum\n:   2005-09-05").date == "2005-09-05"
    assert read_colophon("The date: it is not known") is None


def test_derive_prefers_the_issuing_date_of_a_colophon():
    doc = parse_text(
        "# 河道管理办法\n\n2003年3月1日 市人民政府第9次常务会议通过\n\n"
        "2003年4月7日 河道管理委员会令第12号发布\n\n## 第一章 总则\n\n"
        "第一条 为了管理河道，制定本办法。\n",
        "markdown",
    )
    assert (doc.title, doc.date, doc.source) == ("河道管理办法", "2003-04-07", "市人民政府")


def test_derive_stated_values_win_over_derived_ones():
    text = "A Plan for Rivers\n\nThe plan protects the rivers of the region.\n"
    blocks = [
        Block(TITLE, 0, 19, 0, 17),
        Block(PARAGRAPH, 19, len(text), 19, len(text) - 1),
    ]
    meta = derive(
        text, blocks, Metadata(title=None, date="2020-01-02", source="Water Office"), None
    )
    assert (meta.title, meta.date, meta.source) == (
        "A Plan for Rivers",
        "2020-01-02",
        "Water Office",
    )


def test_derive_names_a_document_that_opens_with_a_heading_by_it():
    text = "LETTER No. 1\n\nOn Rivers\n\nDear Sir, the rivers are in danger.\n"
    doc = parse_text(text)
    assert doc.title == "LETTER No. 1 On Rivers"
    blocks = [Block(HEADING, 0, 13, 0, 12, level=1, label="LETTER No. 1", title="On Rivers")]
    assert derive(text, blocks, Metadata(), None).title == "LETTER No. 1 On Rivers"


@pytest.mark.parametrize(
    "name,ok",
    [
        ("Xinhua News Agency", True),
        ("Ministry of Foreign Affairs, the People's Republic of China", True),
        ("最高人民检察院", True),
        ("IETF Trust and the persons identified as the document authors", False),
        ("the order was signed by the President", False),
    ],
)
def test_a_source_is_a_name_not_a_sentence_fragment(name, ok):
    assert looks_like_name(name) is ok


def test_source_and_copyright_lines_give_names_only():
    assert source_line("(Rivers Daily, March 3, 2021)") == ("Rivers Daily", "2021-03-03")
    assert source_line("(The order was signed on March 3, 2021 by the board)") is None
    assert copyright_owner("Copyright 2021 River Trust. All rights reserved.") == "River Trust"
    assert copyright_owner("Copyright (c) 2021 the board and the people named as authors.") is None


def test_page_title_without_the_site_name():
    assert page_title("Rules on Rivers | Ministry of Water", None) == "Rules on Rivers"
    assert page_title("RFC 1 - Host Software", "Host Software") == "Host Software"
    assert page_title("Plain Title", None) == "Plain Title"
