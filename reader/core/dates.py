"""Find dates written the ways policy pages write them, as ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
# Spanish, French and German month names (laws and colophons in those languages).
MONTHS.update(
    {
        name: i + 1
        for i, names in enumerate(
            [
                ("enero", "janvier", "januar", "jänner"),
                ("febrero", "février", "fevrier", "februar"),
                ("marzo", "mars", "märz", "maerz"),
                ("abril", "avril"),
                ("mayo", "mai"),
                ("junio", "juin", "juni"),
                ("julio", "juillet", "juli"),
                ("agosto", "août", "aout"),
                ("septiembre", "setiembre", "septembre"),
                ("octubre", "octobre", "oktober"),
                ("noviembre", "novembre"),
                ("diciembre", "décembre", "decembre", "dezember"),
            ]
        )
        for name in names
    }
)
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_PATTERNS = [
    # 2016/11/24, 2016-11-24, 2016.11.24
    (
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[/.\-](?P<m>\d{1,2})[/.\-](?P<d>\d{1,2})(?!\d)"),
        "ymd",
    ),
    # 2016年11月24日
    (
        re.compile(r"(?P<y>(?:1[5-9]|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        "ymd",
    ),
    # November 5, 2008 / Nov. 5 2008
    (
        re.compile(
            rf"(?i:\b(?P<mon>{_MONTH_RE})\.?)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            r"(?P<y>(?:1[5-9]|20)\d{2})(?!\d)"
        ),
        "mdy",
    ),
    # 5 November 2008, 16-Dec-2018
    (
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?(?:\s+|-)(?:de\s+)?"
            rf"(?i:(?P<mon>{_MONTH_RE})\b\.?),?(?:\s+|-)(?:de\s+)?"
            r"(?P<y>(?:1[5-9]|20)\d{2})(?!\d)"
        ),
        "dmy",
    ),
]
_DATE_LINE_RE = re.compile(
    r"^[\s(\[]*(?:(?:date|published|posted|updated|release date|issued)\s*:?\s*)?"
    r"(?P<date>[\w ,./\-年月日]+?)[\s)\].]*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.I,
)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text``: ``(iso, start, end)`` or None."""
    best: tuple[str, int, int] | None = None
    for regex, _order in _PATTERNS:
        for m in regex.finditer(text):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower()]
            iso = _valid(int(g["y"]), month, int(g["d"]))
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
            if iso:
                break
    return best


def parse_date_line(line: str) -> str | None:
    """The date when ``line`` is nothing but a date (with an optional 'Date:' prefix)."""
    line = line.strip()
    if not line or len(line) > 60:
        return None
    if not _DATE_LINE_RE.match(line):
        return None
    found = find_date(line)
    if found is None:
        return None
    iso, s, e = found
    rest = (line[:s] + line[e:]).strip(" \t()[].,:")
    rest = re.sub(r"(?i)^(date|published|posted|updated|release date|issued)\s*:?", "", rest)
    rest = re.sub(r"\d{1,2}:\d{2}(:\d{2})?", "", rest).strip(" \t()[].,:")
    return iso if not rest else None


def utc_timestamp(value: str) -> str:
    """An ISO-8601 date and time (``2026-11-24T10:15:00+01:00``; UTC when it names no
    zone) as our annotations keep times: UTC with milliseconds, ``...T09:15:00.000Z``.

    Raises ValueError for text that is not one, and for a time that falls outside the
    calendar's years 1 to 9999 once in UTC (``0001-01-01T00:00:00+01:00``)."""
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("z", "Z"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        when = when.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError(f"{value!r} falls outside years 1 to 9999 in UTC") from None
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
