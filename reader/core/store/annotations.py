"""Annotations: create from offsets or a quote, tag, note, colour, delete and undelete."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from reader.core.clauses import widen_to_clauses
from reader.core.colors import DEFAULT_COLOR, normalize_color
from reader.core.errors import LibraryError
from reader.core.ids import MIN_ID_PREFIX
from reader.core.library_model import Annotation
from reader.core.limits import MAX_NAME, MAX_NOTE, MAX_QUOTE, checked_field
from reader.core.quotes import CONTEXT_CHARS, find_quote
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.documents import DocumentsMixin
from reader.core.store.tags import TagsMixin
from reader.core.tags import normalize_tag

ANNOTATION_COLUMNS = (
    "a.id, a.document_id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, "
    "a.color, a.note, a.author, a.created, a.modified, a.deleted"
)
# Tag paths of annotation a, joined by the unit separator (which no tag contains).
TAGS_OF_ANNOTATION = (
    "(SELECT group_concat(t.path, char(31)) FROM annotation_tags x "
    "JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id)"
)


def annotation_from_row(row: tuple, tags: str | None) -> Annotation:
    """An :class:`Annotation` from ``ANNOTATION_COLUMNS`` and ``TAGS_OF_ANNOTATION``."""
    ann = Annotation(*row)
    ann.tags = sorted(tags.split("\x1f"), key=str.lower) if tags else []
    return ann


def annotations_from_rows(rows: Iterable[tuple]) -> list[Annotation]:
    """Annotations from rows of ``ANNOTATION_COLUMNS`` followed by
    ``TAGS_OF_ANNOTATION``, with the strings many of them repeat (document ids,
    colours, authors, tag lists, a modified time equal to the created time) held once:
    a document's 10,000 highlights then take a quarter less memory."""
    shared: dict[str, str] = {}
    tag_lists: dict[str, list[str]] = {}
    out: list[Annotation] = []
    for *row, tags in rows:
        ann = Annotation(*row)
        ann.document_id = shared.setdefault(ann.document_id, ann.document_id)
        ann.color = shared.setdefault(ann.color, ann.color)
        if ann.author is not None:
            ann.author = shared.setdefault(ann.author, ann.author)
        if ann.modified == ann.created:
            ann.modified = ann.created
        if tags:
            known = tag_lists.get(tags)
            if known is None:
                known = tag_lists[tags] = sorted(tags.split("\x1f"), key=str.lower)
            ann.tags = known.copy()  # each its own list: a caller may change one
        out.append(ann)
    return out


class AnnotationsMixin(DocumentsMixin, TagsMixin, StoreBase):
    """Create and change annotations; every change is one transaction."""

    def add_annotation(
        self,
        document_id: str,
        start: int,
        end: int,
        *,
        note: str = "",
        color: str = DEFAULT_COLOR,
        author: str | None = None,
        tags: Iterable[str] = (),
        text: str | None = None,
    ) -> Annotation:
        """Annotate ``text[start:end]`` of a document, keeping the quote and its context.

        ``text`` is the document's text when the caller holds it (an open document): a
        long text is then not read back (SQLite reads all of a value to take a slice).
        """
        color = normalize_color(color)
        tag_paths = [normalize_tag(t) for t in tags]
        note = checked_field(note, "the note", MAX_NOTE)
        author = checked_field(author, "the author's name", MAX_NAME) if author else author
        if end - start > MAX_QUOTE:
            raise LibraryError(
                f"a highlight may cover at most {MAX_QUOTE:,} characters ({end - start:,} chosen)"
            )
        lo = max(0, start - CONTEXT_CHARS)
        with self.transaction():
            row = self._one("SELECT length FROM documents WHERE id = ?", (document_id,))
            if row is None:
                raise LibraryError(f"unknown document: {document_id}")
            length = row[0]
            if not 0 <= start < end <= length:
                raise LibraryError(
                    f"span {start}-{end} is not inside the document (0-{length}, non-empty)"
                )
            if text is None or len(text) != length:
                # substr() counts characters, as Python indexes str; one slice, as each
                # substr() reads the whole value again.
                window = self._row(
                    "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                    (lo + 1, end + CONTEXT_CHARS - lo, document_id),
                )[0]
            else:
                window = text[lo : end + CONTEXT_CHARS]
            prefix, quote = window[: start - lo], window[start - lo : end - lo]
            suffix = window[end - lo :]
            now = utc_now()
            ann_id = str(uuid.uuid4())
            # Plain INSERTs: no sqlite-utils on the path of a highlight (see StoreBase).
            self.conn.execute(
                "INSERT INTO annotations (id, document_id, start_offset, end_offset, quote, "
                "prefix, suffix, color, note, author, created, modified) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ann_id, document_id, start, end, quote, prefix, suffix, color, note, author)
                + (now, now),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                [(ann_id, self._ensure_tag(p)) for p in tag_paths],  # a tag given twice: once
            )
        return Annotation(
            id=ann_id,
            document_id=document_id,
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            color=color,
            note=note,
            author=author,
            created=now,
            modified=now,
            tags=sorted(set(tag_paths), key=str.lower),
        )

    def annotate_quote(
        self,
        document_id: str,
        quote: str,
        *,
        occurrence: int | None = None,
        whole_clauses: bool = False,
        note: str = "",
        color: str = DEFAULT_COLOR,
        author: str | None = None,
        tags: Iterable[str] = (),
    ) -> Annotation:
        """Annotate where ``quote`` occurs (see :func:`reader.core.quotes.find_quote`).

        :param whole_clauses: widen the span to the whole clause(s) it touches.
        """
        doc = self.get_document(document_id)
        start, end = find_quote(doc.text, quote, occurrence, where=f'"{doc.title}"')
        if whole_clauses:
            start, end = widen_to_clauses(doc.clauses, start, end)
        return self.add_annotation(
            doc.id, start, end, note=note, color=color, author=author, tags=tags
        )

    def get_annotation(self, annotation_id: str) -> Annotation:
        """One annotation (live or deleted) with its tags."""
        row = self._one(
            f"SELECT {ANNOTATION_COLUMNS}, {TAGS_OF_ANNOTATION} FROM annotations a WHERE a.id = ?",
            (annotation_id,),
        )
        if row is None:
            raise LibraryError(f"unknown annotation: {annotation_id}")
        return annotation_from_row(row[:-1], row[-1])

    def annotations(self, document_id: str, include_deleted: bool = False) -> list[Annotation]:
        """A document's annotations in text order (what a viewer highlights)."""
        deleted = "" if include_deleted else "AND a.deleted IS NULL"
        rows = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, {TAGS_OF_ANNOTATION} FROM annotations a "
            f"WHERE a.document_id = ? {deleted} ORDER BY a.start_offset, a.end_offset",
            (document_id,),
        )
        return annotations_from_rows(rows)

    def resolve_annotation(self, ref: str) -> str:
        """The id of the one annotation whose id is or starts with ``ref``."""
        ref = ref.strip().lower()
        if len(ref) < MIN_ID_PREFIX:
            raise LibraryError(
                f"annotation id too short: {ref!r} (give at least {MIN_ID_PREFIX} characters)"
            )
        rows = self.conn.execute(
            "SELECT id FROM annotations WHERE id = ? OR substr(id, 1, ?) = ? LIMIT 3",
            (ref, len(ref), ref),
        ).fetchall()
        if not rows:
            raise LibraryError(f"unknown annotation: {ref}")
        if len(rows) > 1:
            raise LibraryError(f"ambiguous annotation id {ref!r}: give more characters")
        return rows[0][0]

    def _change(
        self, annotation_id: str, sql: str, params: tuple, want_deleted: bool = False
    ) -> None:
        """Run ``sql`` (its last parameter: the annotation id) on a live annotation (or,
        for undelete, a deleted one) and update its modified time, in one transaction."""
        with self.transaction():
            row = self._one("SELECT deleted FROM annotations WHERE id = ?", (annotation_id,))
            if row is None:
                raise LibraryError(f"unknown annotation: {annotation_id}")
            if want_deleted and row[0] is None:
                raise LibraryError(f"annotation {annotation_id} is not deleted")
            if not want_deleted and row[0] is not None:
                raise LibraryError(f"annotation {annotation_id} is deleted (undelete it first)")
            self.conn.execute(sql, (*params, annotation_id))
            self.conn.execute(
                "UPDATE annotations SET modified = ? WHERE id = ?", (utc_now(), annotation_id)
            )

    def set_note(self, annotation_id: str, note: str) -> Annotation:
        """Replace an annotation's note (an empty string clears it)."""
        note = checked_field(note, "the note", MAX_NOTE)
        self._change(annotation_id, "UPDATE annotations SET note = ? WHERE id = ?", (note,))
        return self.get_annotation(annotation_id)

    def set_color(self, annotation_id: str, color: str) -> Annotation:
        """Change an annotation's colour."""
        color = normalize_color(color)
        self._change(annotation_id, "UPDATE annotations SET color = ? WHERE id = ?", (color,))
        return self.get_annotation(annotation_id)

    def tag_annotation(self, annotation_id: str, tag: str) -> Annotation:
        """Add ``tag`` (created if new) to an annotation; adding it twice is harmless."""
        path = normalize_tag(tag)
        with self.transaction():
            self._change(
                annotation_id,
                "INSERT OR IGNORE INTO annotation_tags (tag_id, annotation_id) VALUES (?, ?)",
                (self._ensure_tag(path),),
            )
        return self.get_annotation(annotation_id)

    def untag_annotation(self, annotation_id: str, tag: str) -> Annotation:
        """Remove ``tag`` (exactly that tag, not its sub-tags) from an annotation."""
        path = normalize_tag(tag)
        with self.transaction():
            row = self._one(
                "SELECT x.tag_id FROM annotation_tags x JOIN tags t ON t.id = x.tag_id "
                "WHERE x.annotation_id = ? AND t.path = ?",
                (annotation_id, path),
            )
            if row is None:
                self.get_annotation(annotation_id)  # unknown id beats unknown tag
                raise LibraryError(f"annotation {annotation_id} has no tag {path}")
            self._change(
                annotation_id,
                "DELETE FROM annotation_tags WHERE tag_id = ? AND annotation_id = ?",
                (row[0],),
            )
        return self.get_annotation(annotation_id)

    def unsigned_annotations(self) -> list[str]:
        """Ids of the live annotations that have no author (made before a name was
        set): a team file carries only its author's, so these stay out of it."""
        rows = self.conn.execute(
            "SELECT id FROM annotations WHERE author IS NULL AND deleted IS NULL ORDER BY seq"
        )
        return [r[0] for r in rows]

    def set_authors(self, annotation_ids: Iterable[str], author: str | None) -> int:
        """Write ``author`` (``None``: nobody) on the annotations ``annotation_ids``, in
        one transaction; each is modified now, so a team file carries the change.
        Returns how many changed."""
        if author is not None:
            author = checked_field(author, "the author", MAX_NAME).strip() or None
        now = utc_now()
        with self.transaction():
            cur = self.conn.executemany(
                "UPDATE annotations SET author = ?, modified = ? WHERE id = ? AND author IS NOT ?",
                [(author, now, i, author) for i in annotation_ids],
            )
        return cur.rowcount

    def delete_annotation(self, annotation_id: str) -> Annotation:
        """Delete an annotation recoverably: it disappears from views until undeleted."""
        self._change(annotation_id, "UPDATE annotations SET deleted = ? WHERE id = ?", (utc_now(),))
        return self.get_annotation(annotation_id)

    def undelete_annotation(self, annotation_id: str) -> Annotation:
        """Bring back a deleted annotation with its tags and note (not while its document
        is in the trash: undeleting the document brings it back)."""
        if self._one(
            "SELECT 1 FROM annotations a JOIN documents d ON d.id = a.document_id "
            "WHERE a.id = ? AND d.deleted IS NOT NULL",
            (annotation_id,),
        ):
            raise LibraryError(
                f"annotation {annotation_id} is in a deleted document (undelete the document)"
            )
        self._change(
            annotation_id,
            "UPDATE annotations SET deleted = NULL WHERE id = ?",
            (),
            want_deleted=True,
        )
        return self.get_annotation(annotation_id)

    def deleted_annotations(self) -> list[Annotation]:
        """Deleted annotations, most recently deleted first (the trash)."""
        rows = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, {TAGS_OF_ANNOTATION} FROM annotations a "
            "WHERE a.deleted IS NOT NULL ORDER BY a.deleted DESC"
        )
        return [annotation_from_row(r[:-1], r[-1]) for r in rows]
