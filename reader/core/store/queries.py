"""Reading across the library: excerpts by tag/document/author, and full-text search."""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.core.errors import LibraryError
from reader.core.library_model import Excerpt, SearchHit
from reader.core.store import cjk_search
from reader.core.store.annotations import (
    ANNOTATION_COLUMNS,
    TAGS_OF_ANNOTATION,
    annotations_from_rows,
)
from reader.core.store.base import StoreBase
from reader.core.store.tags import TAG_AND_SUBTAGS
from reader.core.tags import normalize_tag

DEFAULT_MARKS = ("«", "»")


def section_at(document: str, offset: str) -> str:
    """SQL for the section path of ``offset`` in ``document`` (both SQL expressions).

    The deepest outline section containing the offset; '' before the first heading.
    """
    return (
        "coalesce((SELECT s.path FROM sections s "
        f"WHERE s.document_id = {document} AND s.start_offset <= {offset} "
        f"AND {offset} < s.end_offset ORDER BY s.depth DESC LIMIT 1), '')"
    )


def page_at_sql(document: str, offset: str, column: str = "p.page") -> str:
    """SQL for the 1-based page of ``offset`` in ``document``; NULL for unpaged documents.

    ``column="p.label"`` gives the page's printed label instead (NULL when it has none).
    """
    return (
        f"(SELECT {column} FROM document_pages p "
        f"WHERE p.document_id = {document} AND p.start_offset <= {offset} "
        "ORDER BY p.start_offset DESC, p.page DESC LIMIT 1)"
    )


# The ORDER BY of excerpts, done in Python: by document title (ignoring the case of
# ASCII letters, as SQLite's NOCASE does), document id, then position.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Places:
    """Where offsets of one document stand: the deepest section and the page."""

    def __init__(self, sections: list[tuple], pages: list[tuple]) -> None:
        # Sections nest (they come from the outline): sorted by start, then depth, each
        # one's parent is the nearest earlier section still open, so the deepest
        # section holding an offset is found from the last one starting before it.
        sections.sort(key=lambda s: (s[0], s[2]))
        self.starts = [s[0] for s in sections]
        self.ends = [s[1] for s in sections]
        self.paths = [s[3] for s in sections]
        self.parent = [-1] * len(sections)
        open_: list[int] = []
        for i, (start, _end, depth, _path) in enumerate(sections):
            while open_ and (self.ends[open_[-1]] <= start or sections[open_[-1]][2] >= depth):
                open_.pop()
            self.parent[i] = open_[-1] if open_ else -1
            open_.append(i)
        self.page_starts = [p[0] for p in pages]
        self.pages = pages

    def section_path(self, offset: int) -> str:
        """The path of the deepest section holding ``offset``; '' before the first."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.ends[i] <= offset:
            i = self.parent[i]
        return self.paths[i] if i >= 0 else ""

    def page(self, offset: int) -> tuple[int | None, str | None]:
        """The page holding ``offset`` and its printed label; (None, None) unpaged."""
        i = bisect_right(self.page_starts, offset) - 1
        return (self.pages[i][1], self.pages[i][2]) if i >= 0 else (None, None)


def read_excerpts(
    conn: sqlite3.Connection, where: str, params: Sequence[object], by_document: bool = False
) -> list[Excerpt]:
    """Excerpts of the live or deleted annotations ``a`` matching ``where``, by document
    title then position (``by_document``) or in no particular order.

    One query reads the annotations with their tags; titles, section paths and pages
    come from each document's rows read once, and the order is made here: linear in
    rows, where correlated subqueries per row cost a scan of the document's sections
    each, and SQLite's own sort copies every row (its quote and context) once more.
    """
    anns = annotations_from_rows(
        conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, {TAGS_OF_ANNOTATION} FROM annotations a WHERE {where}",
            params,
        )
    )
    if not anns:
        return []
    doc_ids = list(dict.fromkeys(a.document_id for a in anns))
    titles: dict[str, str] = dict(
        conn.execute(
            "SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(doc_ids),),
        )
    )
    if by_document:
        doc_ids.sort(key=lambda d: (titles[d].translate(_ASCII_LOWER), d))
        rank = {d: i for i, d in enumerate(doc_ids)}
        anns.sort(key=lambda a: (rank[a.document_id], a.start, a.end))
    places: dict[str, _Places] = {}
    for doc_id in doc_ids:
        sections = conn.execute(
            "SELECT start_offset, end_offset, depth, path FROM sections WHERE document_id = ?",
            (doc_id,),
        ).fetchall()
        pages = conn.execute(
            "SELECT start_offset, page, label FROM document_pages WHERE document_id = ? "
            "ORDER BY start_offset",
            (doc_id,),
        ).fetchall()
        places[doc_id] = _Places(sections, pages)
    out: list[Excerpt] = []
    append = out.append
    for ann in anns:
        at = places[ann.document_id]
        page, label = at.page(ann.start) if at.page_starts else (None, None)
        append(Excerpt(ann, titles[ann.document_id], at.section_path(ann.start), page, label))
    return out


_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def fts_fallback_query(query: str) -> str:
    """``query`` with every word quoted, so FTS5 reads no operators or syntax in it.

    Stray operators are dropped: whoever typed ``trade AND`` did not mean the word "and".
    """
    words = [w for w in query.split() if w not in _OPERATORS] or query.split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


class QueriesMixin(StoreBase):
    """Excerpts and search: read-only queries over every document."""

    def excerpts(
        self,
        tags: Iterable[str] = (),
        document_id: str | None = None,
        author: str | None = None,
        any_tag: bool = False,
    ) -> list[Excerpt]:
        """Live annotations matching every filter, by document title then position.

        :param tags: a tag matches itself and its sub-tags (``economy`` matches
            ``economy/trade``); an excerpt must match all of them, or any of them
            with ``any_tag``.
        :param author: exact author name (ignoring case).
        """
        where = ["a.deleted IS NULL"]
        params: list[object] = []
        tag_clauses = []
        # Many excerpts of all there are: scan the annotations, testing each against the
        # tag's list (``+a.id``: no index); a few: look each up by id. Looking 10,000
        # up one by one takes twice as long as reading them all in order.
        scan = bool(tags) and self._tagged_share([normalize_tag(t) for t in tags]) > 0.3
        tagged = TAG_AND_SUBTAGS.replace(":tag", "?")
        for tag in tags:
            tag_clauses.append(
                f"{'+' if scan else ''}a.id IN (SELECT x.annotation_id FROM annotation_tags x "
                f"WHERE x.tag_id IN (SELECT id FROM tags WHERE {tagged}))"
            )
            params.extend([normalize_tag(tag)] * 3)
        if tag_clauses:
            where.append("(" + (" OR " if any_tag else " AND ").join(tag_clauses) + ")")
        if document_id is not None:
            where.append("a.document_id = ?")
            params.append(document_id)
        if author is not None:
            where.append("a.author = ? COLLATE NOCASE")
            params.append(author)
        return read_excerpts(self.conn, " AND ".join(where), params, by_document=True)

    def _tagged_share(self, tags: list[str]) -> float:
        """About what share of all annotations carry one of ``tags`` (or a sub-tag)."""
        tagged = sum(
            self._row(
                "SELECT count(*) FROM annotation_tags x WHERE x.tag_id IN "
                f"(SELECT id FROM tags WHERE {TAG_AND_SUBTAGS})",
                {"tag": tag},
            )[0]
            for tag in tags
        )
        return tagged / max(1, self._row("SELECT coalesce(max(seq), 0) FROM annotations")[0])

    def search(
        self, query: str, limit: int = 20, marks: tuple[str, str] = DEFAULT_MARKS
    ) -> list[SearchHit]:
        """Ranked full-text hits in document text and in live annotations' notes.

        ``query`` may use FTS5 syntax (``"a phrase"``, ``OR``, ``NOT``, ``trade*``);
        when it is not valid syntax (``trade AND``) its words are searched as typed.
        Snippets wrap matched terms in ``marks``.
        """
        if not query.strip():
            raise LibraryError("empty search query")
        if cjk_search.has_cjk(query):
            return self._search_cjk(query, limit, marks)
        try:
            return self._search(query, limit, marks)
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax ("fts5: syntax error", "unterminated string",
            # "no such column"): search the words as typed. A real failure fails
            # again below and propagates.
            pass
        return self._search(fts_fallback_query(query), limit, marks)

    def _search(self, match: str, limit: int, marks: tuple[str, str]) -> list[SearchHit]:
        # Rank first, on bare rowids; then build each kept hit with its own
        # rowid-bound query. Snippets, titles and section paths for every match,
        # or a second bm25() pass (it rescans all matches for its statistics),
        # would cost more than the ranking itself.
        hits = []
        top = self.conn.execute(
            "SELECT rowid, bm25(text_fts) AS score FROM text_fts WHERE text_fts MATCH ? "
            "AND document_id NOT IN (SELECT id FROM documents WHERE deleted IS NOT NULL) "
            "ORDER BY score LIMIT ?",
            (match, limit),
        ).fetchall()
        for rowid, score in top:
            doc_id, title, chunk_start, path, snippet, marked = self._row(
                "SELECT f.document_id, d.title, f.start_offset, "
                f"{section_at('f.document_id', 'f.start_offset')}, "
                "snippet(text_fts, 3, ?, ?, '…', 32), highlight(text_fts, 3, char(2), char(3)) "
                "FROM text_fts f JOIN documents d ON d.id = f.document_id "
                "WHERE text_fts MATCH ? AND f.rowid = ?",
                (*marks, match, rowid),
            )
            # The first marked words give the hit's exact span in the document.
            first = marked.find("\x02")
            start = chunk_start + max(first, 0)
            end = chunk_start + max(marked.find("\x03", first) - 1, first, 0)
            hit = SearchHit("text", doc_id, title, start, end, path, snippet, score)
            hits.append(self._with_page(hit))
        top = self.conn.execute(
            "SELECT n.rowid, bm25(note_fts) AS score FROM note_fts n "
            "JOIN annotations a ON a.seq = n.rowid "
            "WHERE note_fts MATCH ? AND a.deleted IS NULL ORDER BY score LIMIT ?",
            (match, limit),
        ).fetchall()
        for rowid, score in top:
            doc_id, title, start, end, path, snippet, annotation_id = self._row(
                "SELECT a.document_id, d.title, a.start_offset, a.end_offset, "
                f"{section_at('a.document_id', 'a.start_offset')}, "
                "snippet(note_fts, 0, ?, ?, '…', 32), a.id "
                "FROM note_fts JOIN annotations a ON a.seq = note_fts.rowid "
                "JOIN documents d ON d.id = a.document_id "
                "WHERE note_fts MATCH ? AND note_fts.rowid = ?",
                (*marks, match, rowid),
            )
            hit = SearchHit("note", doc_id, title, start, end, path, snippet, score, annotation_id)
            hits.append(self._with_page(hit))
        # bm25 scores from the two indexes are on similar scales (both negative,
        # lower is better); merging by score keeps the strongest hits first.
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]

    def _search_cjk(self, query: str, limit: int, marks: tuple[str, str]) -> list[SearchHit]:
        """Hits for a query with Chinese, Japanese or Korean words: the grams index for
        document text, the notes read as they are (they are short)."""
        words = cjk_search.query_words(query)
        hits = []
        match = cjk_search.match_query(query)
        top = self.conn.execute(
            "SELECT rowid, bm25(cjk_fts) AS score FROM cjk_fts WHERE cjk_fts MATCH ? "
            "AND document_id NOT IN (SELECT id FROM documents WHERE deleted IS NOT NULL) "
            "ORDER BY score LIMIT ?",
            (match, limit),
        ).fetchall()
        for rowid, score in top:
            doc_id, title, start, path, chunk = self._row(
                "SELECT f.document_id, d.title, f.start_offset, "
                f"{section_at('f.document_id', 'f.start_offset')}, "
                "substr(d.text, f.start_offset + 1, f.end_offset - f.start_offset) "
                "FROM cjk_fts f JOIN documents d ON d.id = f.document_id WHERE f.rowid = ?",
                (rowid,),
            )
            span = cjk_search.first_match(chunk, words) or (0, 0)
            text = cjk_search.snippet(chunk, span, marks)
            hit = SearchHit(
                "text", doc_id, title, start + span[0], start + span[1], path, text, score
            )
            hits.append(self._with_page(hit))
        any_word = " OR " in f" {query} "
        test = (" OR " if any_word else " AND ").join("instr(lower(a.note), ?) > 0" for _ in words)
        rows = self.conn.execute(
            "SELECT a.document_id, d.title, a.start_offset, a.end_offset, "
            f"{section_at('a.document_id', 'a.start_offset')}, a.note, a.id "
            "FROM annotations a JOIN documents d ON d.id = a.document_id "
            f"WHERE a.deleted IS NULL AND a.note != '' AND ({test}) LIMIT ?",
            (*[w.lower() for w in words], limit),
        ).fetchall()
        for doc_id, title, start, end, path, note, annotation_id in rows:
            span = cjk_search.first_match(note, words) or (0, 0)
            text = cjk_search.snippet(note, span, marks)
            # Notes rank by how often the words occur, on bm25's scale (lower is better).
            score = -float(sum(note.lower().count(w.lower()) for w in words))
            hit = SearchHit("note", doc_id, title, start, end, path, text, score, annotation_id)
            hits.append(self._with_page(hit))
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]

    def _with_page(self, hit: SearchHit) -> SearchHit:
        """``hit`` with the page (and printed label) of its start, for paged documents."""
        hit.page, hit.page_label = self._row(
            f"SELECT {page_at_sql('?', '?')}, {page_at_sql('?', '?', 'p.label')}",
            (hit.document_id, hit.start) * 2,
        )
        return hit
