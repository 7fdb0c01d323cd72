"""Full-text search in Chinese, Japanese and Korean text.

FTS5's ``unicode61`` tokenizer takes a run of CJK characters as one word, so ``监督``
(a two-character word) is never found inside ``行政诉讼监督规则``. The ``trigram``
tokenizer (SQLite 3.34+) cannot find words shorter than three characters either: in
SQLite 3.40, ``MATCH`` needs three and ``LIKE '%监督%'`` returns nothing. So CJK text
is indexed the way CJK search engines do without a dictionary: every run of CJK
characters as its overlapping two-character grams (``行政 政诉 诉讼 …``), in a
table of its own (``cjk_fts``) that holds only the chunks with CJK text in them. A
query word in CJK becomes the phrase of its grams; one character becomes a prefix.
Other words are searched as they are; ``OR`` is kept. Queries without CJK never come
here: the existing index and its syntax (phrases, ``trade*``, ``OR``) are unchanged.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from reader.core.store.indexing import blocks_from_json, outline_from_json, search_chunks

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_RUN_RE = re.compile(f"[{_CJK}]+")
_TERM_RE = re.compile(r'"[^"]*"|\S+')
SNIPPET_CHARS = 40  # characters of context on each side of a hit


def has_cjk(text: str) -> bool:
    """Whether ``text`` has any Chinese, Japanese or Korean character."""
    return not text.isascii() and _CJK_RUN_RE.search(text) is not None


def grams(text: str) -> str:
    """``text`` as the index sees it: every CJK run as its overlapping two-character
    grams (a lone character stays as it is); other text unchanged."""

    def split(m: re.Match[str]) -> str:
        run = m.group()
        if len(run) == 1:
            return f" {run} "
        return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "

    return _CJK_RUN_RE.sub(split, text)


def _term(word: str) -> str:
    """One query word as an FTS5 expression over the grams index."""
    parts = []
    for piece in re.split(f"([{_CJK}]+)", word.strip('"')):
        if not piece.strip():
            continue
        if _CJK_RUN_RE.fullmatch(piece):
            if len(piece) == 1:
                parts.append(f"{piece}*")  # a gram that starts with the character
            else:
                parts.append('"' + grams(piece).strip() + '"')
        else:
            parts.extend('"' + w.replace('"', '""') + '"' for w in piece.split())
    return " ".join(parts)


def match_query(query: str) -> str:
    """An FTS5 query over the grams index for a query with CJK words in it."""
    out: list[str] = []
    for word in _TERM_RE.findall(query):
        if word in ("OR", "AND", "NOT"):
            if out and out[-1] not in ("OR", "AND", "NOT"):
                out.append(word)
            continue
        expr = _term(word)
        if expr:
            out.append(f"({expr})" if " " in expr and not expr.startswith('"') else expr)
    while out and out[-1] in ("OR", "AND", "NOT"):
        out.pop()
    return " ".join(out)


def query_words(query: str) -> list[str]:
    """The words of a query to find and mark in a hit's text (operators left out)."""
    return [
        w.strip('"').rstrip("*")
        for w in _TERM_RE.findall(query)
        if w not in ("OR", "AND", "NOT") and w.strip('"').rstrip("*")
    ]


def first_match(text: str, words: Iterable[str]) -> tuple[int, int] | None:
    """The earliest span of ``text`` where one of ``words`` occurs (ignoring case)."""
    low = text.lower()
    best = None
    for w in words:
        i = low.find(w.lower())
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(w))
    return best


def snippet(text: str, span: tuple[int, int], marks: tuple[str, str]) -> str:
    """A few dozen characters around ``span`` of ``text``, the span between ``marks``."""
    s, e = span
    lo, hi = max(0, s - SNIPPET_CHARS), min(len(text), e + SNIPPET_CHARS)
    head = ("…" if lo > 0 else "") + text[lo:s]
    tail = text[e:hi] + ("…" if hi < len(text) else "")
    return " ".join(f"{head}{marks[0]}{text[s:e]}{marks[1]}{tail}".split())


def index_rows(document_id: str, text: str, chunks: Iterable[tuple[int, int]]) -> list[tuple]:
    """Rows of ``cjk_fts`` for the chunks of a document that have CJK text."""
    if not has_cjk(text):
        return []  # one pass over the whole text, not one a chunk
    return [(document_id, s, e, grams(text[s:e])) for s, e in chunks if has_cjk(text[s:e])]


INSERT_ROWS = (
    "INSERT INTO cjk_fts (document_id, start_offset, end_offset, grams) VALUES (?, ?, ?, ?)"
)


def create_cjk_index(conn: sqlite3.Connection) -> None:
    """Schema step: the CJK grams index, filled from the documents already stored."""
    conn.execute(
        "CREATE VIRTUAL TABLE cjk_fts USING fts5(document_id UNINDEXED, "
        "start_offset UNINDEXED, end_offset UNINDEXED, grams, tokenize='unicode61')"
    )
    for doc_id, text, blocks, outline in conn.execute(
        "SELECT id, text, blocks, outline FROM documents"
    ).fetchall():
        if not has_cjk(text):
            continue
        chunks = search_chunks(text, blocks_from_json(blocks), outline_from_json(outline))
        conn.executemany(INSERT_ROWS, index_rows(doc_id, text, chunks))
