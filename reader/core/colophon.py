"""Colophon lines: where a document states its own date and issuer near the top.

``1992年10月14日 中华人民共和国国务院令第106号发布`` (issued), ``2016年3月22日
最高人民检察院第十二届检察委员会第四十九次会议通过`` (adopted), a definition list
``Ausfertigungsdatum`` / ``: 2005-09-05``, ``Date: 5 May 2021``. An issuing date wins
over an adoption date; the issuer is the body named before its meeting or order number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.dates import find_date

_CJK_ISSUED = ("发布", "公布", "颁布", "印发", "施行")
_CJK_ADOPTED = ("通过", "批准", "修订", "修正")
_CJK_LINE_RE = re.compile(
    r"^\s*(?P<date>(?:1[5-9]|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?P<body>.{2,80}?)"
    r"(?P<verb>" + "|".join(_CJK_ISSUED + _CJK_ADOPTED) + r")\s*$"
)
# Where the issuer's name ends: its meeting, session, order or document number.
_CJK_ISSUER_END_RE = re.compile(r"第|令|常务会议|会议|\d")
_KEYED_DATE_RE = re.compile(
    r"^\s*(?:date|dated|date of issue|issued|adopted|published|fecha|datum|ausfertigungsdatum"
    r"|date d'adoption|date de publication)\s*\n?\s*:\s*(?P<value>.{4,40}?)\s*$",
    re.I,
)


@dataclass(slots=True)
class Colophon:
    """What one colophon line states."""

    date: str | None
    source: str | None
    issued: bool  # an issuing (publication) date rather than an adoption date


def read_colophon(line: str) -> Colophon | None:
    """The date (and issuer) a colophon line states, or None for any other line."""
    m = _CJK_LINE_RE.match(line)
    if m:
        found = find_date(m.group("date"))
        body = m.group("body").strip(" \u3000")
        end = _CJK_ISSUER_END_RE.search(body)
        issuer = body[: end.start()] if end else body
        return Colophon(
            found[0] if found else None,
            issuer.strip(" \u3000") or None,
            m.group("verb") in _CJK_ISSUED,
        )
    m = _KEYED_DATE_RE.match(line)
    if m:
        found = find_date(m.group("value"))
        if found:
            return Colophon(found[0], None, True)
    return None
