"""Page furniture: the debris of a saved web page (breadcrumbs, form widgets, rules,
"Related News" lists, copyright and contact footers, source lines).

Furniture stays in the stored text (nothing is lost) but is marked so that the
reading view can show it apart and the outline never includes it.
"""

from __future__ import annotations

import re

from reader.core.clauses import sentence_count
from reader.core.dates import find_date, parse_date_line
from reader.core.model import BLANK, FURNITURE, LIST_ITEM, PARAGRAPH, Block, is_gap

_BREADCRUMB_SEP_RE = re.compile(r"\s(?:>|»|›|→|/|\|)\s")
_BREADCRUMB_START_RE = re.compile(r"^(?:home|homepage|you are here|main page|首页)\b", re.I)
_WIDGET_RE = re.compile(
    r"<\s*(?:input|button|select|form|textarea)\b|^\s*(?:suggest to a friend|print(?: this)?"
    r"(?: page)?|close(?: window)?|share(?: this)?|e-?mail(?: this)?(?: page)?|bookmark"
    r"|back to top|font size|\[?\s*print\s*\]?\s*\[?\s*close\s*\]?)\s*$",
    re.I,
)
_RULE_RE = re.compile(r"^[\s\-=_*~|+#.\u2014\u2013\u2500\u2550]{3,}$")
_RELATED_RE = re.compile(
    r"^(?:related(?: news| articles| stories| links| content| reading| topics)?|see also"
    r"|read more|more news|more on this|recommended(?: for you)?|most (?:read|popular|viewed)"
    r"|popular (?:news|articles)|latest news|other news|tags|keywords|share(?: this)?)\s*:?\s*$",
    re.I,
)
# The first letters _RELATED_RE can match (ignoring case as it does): a paragraph
# starting otherwise is not copied out to be tried.
_RELATED_FIRST_RE = re.compile(r"[klmoprst]", re.I)
_FOOTER_RE = re.compile(
    r"copyright|\u00a9|\(c\)\s*\d{4}|all rights reserved|^\s*contact us\b|privacy policy"
    r"|terms of (?:use|service)|\btel\s*:|\bfax\s*:|^\s*address\s*:|^\s*(?:responsible )?"
    r"editor\s*:|webmaster|icp\s*备|sitemap|site map",
    re.I,
)
_SOURCE_LINE_RE = re.compile(
    r"^\s*[(\[]\s*(?:source\s*:\s*)?(?P<body>[^()\[\]]{3,160})[)\]]\s*$", re.I
)
_SOURCE_PREFIX_RE = re.compile(r"^\s*source\s*:\s*(?P<body>.{2,120}?)\s*$", re.I)
_COPYRIGHT_OWNER_RE = re.compile(
    r"(?:copyright|\u00a9)\s*(?:\u00a9|\(c\))?\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?\s*[,.]?\s*"
    r"(?P<owner>[^.\n|]{3,120}?)\s*(?:\.|all rights reserved|$)",
    re.I,
)
_MAX_FURNITURE_CHARS = 500  # widgets, rules, breadcrumbs and date lines are short
_HEAD_ZONE = 8  # blocks near the top where breadcrumbs and date lines live
_PROSE_CHARS = 150


def _line(text: str, b: Block) -> str:
    return text[b.content_start : b.content_end]


def _mark(b: Block, role: str) -> None:
    b.kind = FURNITURE
    b.role = role


def is_breadcrumb(line: str) -> bool:
    """``Home > Topics > ...``: a short line of links separated by arrows."""
    if len(line) > 300 or "\n" in line.strip() or line.rstrip().endswith("."):
        return False
    seps = len(_BREADCRUMB_SEP_RE.findall(line))
    return seps >= 2 or (seps >= 1 and bool(_BREADCRUMB_START_RE.match(line)))


_NAME_SMALL_WORDS = frozenset(
    re.findall(r"\S+", "of the and for on in at de del la le du des der die und für & - – y et")
)


def looks_like_name(text: str) -> bool:
    """An organisation's or a person's name ("Xinhua News Agency", "Ministry of
    Foreign Affairs, the People's Republic of China"), not a piece of a sentence."""
    words = text.replace(",", " ").split()
    if not words or len(words) > 10 or text.rstrip()[-1:] in ":;":
        return False
    content = [w for w in words if w.lower() not in _NAME_SMALL_WORDS]
    if not content:
        return False
    named = sum(1 for w in content if w[0].isupper() or w[0].isdigit() or w[0] >= "\u4e00")
    return named * 3 >= len(content) * 2


def source_line(line: str) -> tuple[str | None, str | None] | None:
    """``(Xinhua News Agency November 5, 2008)``: returns ``(source, date)`` or None."""
    m = _SOURCE_LINE_RE.match(line) or _SOURCE_PREFIX_RE.match(line)
    if not m:
        return None
    body = m.group("body")
    found = find_date(body)
    date = None
    if found:
        date, s, e = found
        body = body[:s] + body[e:]
    elif m.re is _SOURCE_LINE_RE and "source" not in line.lower():
        return None  # a parenthesised line without a date is not a source line
    source = re.sub(r"(?i)^\s*source\s*:\s*", "", body).strip(" \t,;:-\u2013\u2014")
    source = " ".join(source.split())
    if source and not looks_like_name(source):
        return None  # "(The order was signed on May 5, 2021 by ...)" is a sentence
    return (source or None, date)


def copyright_owner(line: str) -> str | None:
    """The owner named in a copyright line, if any."""
    m = next((m for ln in line.splitlines() if (m := _COPYRIGHT_OWNER_RE.search(ln))), None)
    if not m:
        return None
    owner = m.group("owner").strip(" ,;:-")
    if len(owner) < 3 or not any(c.isalpha() for c in owner) or not looks_like_name(owner):
        return None
    return owner


def mark_furniture(text: str, blocks: list[Block], by_words: bool = True) -> None:
    """Classify page-furniture blocks in place (kind FURNITURE with a role).

    ``by_words=False`` is for text whose importer set its furniture apart by the
    source's structure (a web page's main content): only its date line and a source
    line closing it are marked, never a widget, related list or footer guessed from
    words, which in a document's own text are body text ("Share means ...").
    """
    content = [i for i, b in enumerate(blocks) if b.kind in (PARAGRAPH, LIST_ITEM)]
    if not content:
        return
    for n, i in enumerate(content):
        b = blocks[i]
        if b.content_end - b.content_start > _MAX_FURNITURE_CHARS:
            continue
        line = _line(text, b)
        rule = _RULE_RE.match(line)
        if by_words and (rule or _WIDGET_RE.search(line)):
            _mark(b, "rule" if rule else "widget")
        elif by_words and n < _HEAD_ZONE and is_breadcrumb(line):
            _mark(b, "breadcrumb")
        elif n < _HEAD_ZONE and parse_date_line(line):
            _mark(b, "date")
    if by_words:
        _mark_related_lists(text, blocks)
        _mark_footer(text, blocks)
    else:
        _mark_source_line(text, blocks)


def _mark_related_lists(text: str, blocks: list[Block]) -> None:
    """A "Related News:" line and the list of links after it."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if (
            b.kind == PARAGRAPH
            and _RELATED_FIRST_RE.match(text, b.content_start, b.content_end)
            and _RELATED_RE.match(_line(text, b))
        ):
            _mark(b, "related")
            j = i + 1
            while j < len(blocks):
                nb = blocks[j]
                # A PDF's page break (header, page number) inside the list does not end it.
                if is_gap(nb):
                    j += 1
                    continue
                line = _line(text, nb)
                if _FOOTER_RE.search(line):
                    break
                if nb.kind == LIST_ITEM or (
                    nb.kind == PARAGRAPH and len(line) < 200 and not line.rstrip().endswith(".")
                ):
                    _mark(nb, "related")
                    j += 1
                    continue
                break
            i = j
        else:
            i += 1


def _prose(line: str) -> bool:
    """Sentences of body text, which a page's footer never has after its copyright line."""
    return len(line) >= _PROSE_CHARS and sentence_count(line) >= 2


def _mark_footer(text: str, blocks: list[Block]) -> None:
    """Copyright/contact lines near the end, and the short lines that follow them."""
    live = [i for i, b in enumerate(blocks) if b.kind not in (BLANK,)]
    if not live:
        return
    zone = live[-max(6, len(live) // 5) :]
    first_footer = None
    for i in zone:
        b = blocks[i]
        if (
            b.kind in (PARAGRAPH, LIST_ITEM, FURNITURE)
            and len(_line(text, b)) < 400
            and _FOOTER_RE.search(_line(text, b))
        ):
            first_footer = i
            break
    if first_footer is not None and any(
        _prose(_line(text, blocks[i])) for i in live if i > first_footer
    ):
        first_footer = None  # a notice quoted in the text ("Copyright [yyyy] ..." and its terms)
    if first_footer is not None:
        for i in live:
            b = blocks[i]
            if i >= first_footer and b.kind in (PARAGRAPH, LIST_ITEM) and len(_line(text, b)) < 400:
                _mark(b, "footer")
            elif i >= first_footer and b.kind == FURNITURE and b.role != "related":
                b.role = b.role or "footer"
    _mark_source_line(text, blocks)


def _mark_source_line(text: str, blocks: list[Block]) -> None:
    """A source line, e.g. "(Xinhua News Agency November 5, 2008)", closing the text."""
    live = [i for i, b in enumerate(blocks) if b.kind not in (BLANK,)]
    for i in reversed(live):
        b = blocks[i]
        if b.kind == FURNITURE:
            continue
        if b.kind in (PARAGRAPH, LIST_ITEM) and source_line(_line(text, b)):
            _mark(b, "source")
        break
