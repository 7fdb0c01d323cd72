"""Headings that run into their paragraph: ``Sec. 3.  Definitions.  For the purposes
of this order ...``, ``第一条 为了 ...``, ``Article 1. - La République ...``.

Only keyword labels that usually run in (sections, articles, ``§``, ``条``) are split
off, and a title only when it reads as one (title case, or a few words of sentence
case that neither start nor read like a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.headings import (
    RUN_IN_KEYS,
    HeadingMatch,
    is_cjk,
    keyword_match,
    title_cased,
    word_set,
)


@dataclass(slots=True)
class RunIn:
    """A heading at the start of a paragraph: the match and where the heading ends."""

    match: HeadingMatch
    end: int  # offset in the line just after the heading (label and title)


# A run-in title ends at a full stop followed by two spaces or by a capital (Latin
# scripts), or at a dash: "Definitions.  For the purposes", "Objeto. La presente ley".
_RUN_IN_TITLE_RE = re.compile(r"^(?P<title>[^.!?\n]{1,90}?[^\s.])(?P<end>[.*]+)(?=\s+\S)")
_SENTENCE_START = word_set(
    "the this these that those each every any all no a an it its such there "
    "el la los las este esta cada todo le les ce cette chaque tout der die das jeder"
)
_VERBISH = word_set(
    "shall must may will is are was were has have should can does do "
    "deberá deberán es son será est sont doit doivent ist sind wird muss"
)


def run_in_title(title: str) -> bool:
    """A run-in title: in title case, or a few words of sentence case that do not
    start or read like a sentence (``Duties of the board``, ``Objeto``)."""
    if title_cased(title):
        return True
    words = title.lower().split()
    return 0 < len(words) <= 5 and words[0] not in _SENTENCE_START and not (_VERBISH & set(words))


_RUN_IN_START_RE = re.compile(
    r"\s*(?:[^\W\d_]{2,12}\.?\s*[\dIVXLCDM]|§|第|\d{1,3}\.(?:\s|[^\W\d_]))"
)
# A bare number: "2. Grant of Copyright License. Subject to the terms of ...".
_NUMBER_RE = re.compile(r"(?P<num>\d{1,3})\.\s+")


def may_run_in(line: str) -> bool:
    """Whether ``line`` starts the way a run-in heading does (a cheap first test)."""
    return _RUN_IN_START_RE.match(line) is not None


def split_run_in(line: str) -> RunIn | None:
    """A keyword heading that runs into its paragraph, or None.

    ``Sec. 3.  Definitions.  For the purposes of ...`` gives label ``Sec. 3.`` and
    title ``Definitions``; ``第一条 为了 ...`` and ``Article 1. - La République ...``
    give a label alone. The text after the heading must be there.
    """
    if not may_run_in(line):
        return None  # most paragraphs: decided by one regular expression
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    found = keyword_match(stripped)
    if found is None:
        return _numbered(line, lead)
    m, rest = found
    if m.key not in RUN_IN_KEYS or not rest.strip():
        return None
    offset = lead + len(stripped) - len(rest)
    body = rest
    title_end = 0
    t = _RUN_IN_TITLE_RE.match(rest)
    if t and not is_cjk(rest[0]):
        title = t.group("title").strip(" *_")  # Markdown emphasis around the title
        after = rest[t.end() :].lstrip(" \t*_")
        if (
            run_in_title(title)
            and after
            and (after[0].isupper() or after[0] in '("“‘' or after[0].isdigit())
        ):
            m.title = title
            title_end = len(rest) - len(after)
            body = after
    if not body.strip():
        return None
    if not title_end and rest[:1].islower():
        return None  # "Section 3 of the Act provides ..." is a sentence, not a heading
    end = offset + title_end
    while end > lead and line[end - 1].isspace():
        end -= 1
    if not title_end:
        # The label alone; a separator after it (" - ", "：") stays with the text.
        end = lead + len((m.label or "").rstrip("."))
        tail = stripped[len((m.label or "").rstrip(".")) :]
        if tail.startswith("."):
            end += 1
    return RunIn(m, end)


def _numbered(line: str, lead: int) -> RunIn | None:
    """A bare number with a title in title case running into its text: ``2. Grant of
    Copyright License. Subject to ...``. Without a keyword, only a title in title case
    followed by a sentence says the number heads a section (``1. The board shall meet.
    It ...`` is a numbered paragraph)."""
    m = _NUMBER_RE.match(line, lead)
    if m is None:
        return _tight(line, lead)
    rest = line[m.end() :]
    t = _RUN_IN_TITLE_RE.match(rest)
    if t is None or t.group("end") != ".":
        return None
    title = t.group("title").strip()
    after = rest[t.end() :].lstrip()
    if not title_cased(title) or not after or not (after[0].isupper() or after[0] in '"“'):
        return None
    num = m.group("num")
    return RunIn(HeadingMatch("num.", f"{num}.", title, int(num)), m.end() + len(title) + 1)


_TIGHT_RE = re.compile(r"(?P<num>\d{1,3})\.(?=[^\W\d_])")
# A sentence-case title run into its text with no stop between: "4.Fees Every owner pays
# ...". The title ends before the first word with a capital; the text is a sentence.
_TIGHT_TITLE_RE = re.compile(
    r"(?P<title>[^\W\d_][\w'’-]*(?:\s+[^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]*){0,4})\s+(?=[A-ZÀ-ÖØ-Þ])"
)
_SENTENCE_WORDS = 8


def _tight(line: str, lead: int) -> RunIn | None:
    """A number with no space after its stop and a title that runs into a sentence:
    ``4.Fees Every owner pays ...`` (the title in sentence case, the text starting with
    a capital). The match is ``tight``: context keeps it only in a document that numbers
    a series of sections that way."""
    m = _TIGHT_RE.match(line, lead)
    if m is None:
        return None
    t = _TIGHT_TITLE_RE.match(line, m.end())
    if t is None:
        return None
    title = t.group("title")
    after = line[t.end() :]
    if not run_in_title(title) or len(after.split()) < _SENTENCE_WORDS:
        return None
    num = m.group("num")
    found = HeadingMatch("num.", f"{num}.", title, int(num), tight=True)
    return RunIn(found, m.end() + len(title))
