"""Merging teammates' annotations, and keeping the ones set aside (orphans, waiting).

Where each goes is decided above the store (:mod:`reader.core.exchange.plan`); here a
merge is applied in one transaction: new ids are inserted, a newer ``modified``
replaces an older one, and anything that could not be placed is kept aside as
received, to be placed when its document arrives.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.errors import LibraryError
from reader.core.library_model import Annotation, MergeCounts, PendingAnnotation, SetAside
from reader.core.limits import MAX_NAME, MAX_NOTE, MAX_QUOTE, checked_field
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.tags import TagsMixin

_CHUNK = 500  # ids per IN (...) query
# The columns of an annotation a merge writes (the rest keep their defaults).
_MERGED_COLUMNS = (
    "id", "document_id", "start_offset", "end_offset", "quote", "prefix", "suffix",
    "color", "note", "author", "created", "modified",
)  # fmt: skip

# The payload is the annotation as an exchange file holds it, a W3C Web Annotation
# (reader.core.exchange.webannotation.to_web_annotation writes it): the quote is its
# TextQuoteSelector's exact text, the author its creator's name. Read in SQL so that
# listing what is aside needs nothing of the exchange format's code.
_PAYLOAD_QUOTE = (
    "coalesce((SELECT json_extract(s.value, '$.exact') "
    "FROM json_each(payload, '$.target.selector') s "
    "WHERE json_extract(s.value, '$.type') = 'TextQuoteSelector' LIMIT 1), '')"
)
_PAYLOAD_AUTHOR = "json_extract(payload, '$.creator.name')"


def _plain(value: str, limit: int) -> bool:
    """Whether a field is short enough and has nothing for the text rule to change
    (checked as the library stores it only when not: most notes and names)."""
    return len(value) <= limit and value.isascii() and value.isprintable()


class ExchangeMixin(TagsMixin, StoreBase):
    """Apply merges; keep and list the annotations set aside."""

    def document_text(self, document_id: str) -> str:
        """A document's text alone (cheaper than rebuilding the whole Document)."""
        row = self._one("SELECT text FROM documents WHERE id = ?", (document_id,))
        return row[0] if row else ""

    def _modified_of(self, table: str, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT id, modified FROM {table} WHERE id IN ({marks})", chunk
            )
            out.update(rows)
        return out

    def _tag_ids(self, tags: Iterable[str], cache: dict[str, int]) -> list[int]:
        ids = []
        for tag in tags:
            if tag not in cache:
                cache[tag] = self._ensure_tag(tag)
            ids.append(cache[tag])
        return ids

    def _set_tags(self, ann_id: str, tags: Iterable[str], cache: dict[str, int]) -> None:
        self.conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (ann_id,))
        rows = [{"annotation_id": ann_id, "tag_id": t} for t in self._tag_ids(tags, cache)]
        self.db.table("annotation_tags").insert_all(rows, ignore=True)

    def apply_merge(
        self, placed: list[Annotation], unplaced: list[PendingAnnotation]
    ) -> MergeCounts:
        """Write a merge in one transaction: ``placed`` annotations (anchored in a
        document) and ``unplaced`` ones to keep aside. Importing the same file twice
        changes nothing the second time."""
        counts = MergeCounts()
        tag_ids: dict[str, int] = {}
        with self.transaction():
            ids = [a.id for a in placed] + [u.id for u in unplaced]
            have = self._modified_of("annotations", ids)
            aside = self._modified_of("pending_annotations", ids)
            # New annotations (most of a first merge) go in as one batch, then their tags.
            new_rows: list[tuple] = []
            new_tags: list[tuple[str, int]] = []
            merged_ids: list[tuple[str]] = []
            # Waiting ones whose document is matched now become its orphans.
            waiting = {
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM pending_annotations WHERE document_id IS NULL"
                )
            }
            for a in placed:
                if a.end - a.start > MAX_QUOTE:
                    raise LibraryError(
                        f"annotation {a.id}: a highlight may cover at most {MAX_QUOTE:,} characters"
                    )
                if not _plain(a.note, MAX_NOTE):
                    a.note = checked_field(a.note, f"annotation {a.id}: the note", MAX_NOTE)
                if a.author and not _plain(a.author, MAX_NAME):
                    a.author = checked_field(a.author, f"annotation {a.id}: the author", MAX_NAME)
                row = (
                    a.id, a.document_id, a.start, a.end, a.quote, a.prefix, a.suffix, a.color,
                    a.note, a.author, a.created, a.modified,
                )  # fmt: skip
                if a.id not in have:
                    new_rows.append(row)
                    new_tags.extend((a.id, t) for t in self._tag_ids(a.tags, tag_ids))
                    counts.added += 1
                elif a.modified > have[a.id]:
                    # Raw SQL: the row is found by the public id, not the table's key (seq),
                    # and only when the incoming version is newer (checked above).
                    self.conn.execute(
                        "UPDATE annotations SET document_id = :document_id, "
                        "start_offset = :start_offset, end_offset = :end_offset, quote = :quote, "
                        "prefix = :prefix, suffix = :suffix, color = :color, note = :note, "
                        "author = :author, modified = :modified, deleted = NULL WHERE id = :id",
                        dict(zip(_MERGED_COLUMNS, row, strict=True)),
                    )
                    self._set_tags(a.id, a.tags, tag_ids)
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                    continue
                merged_ids.append((a.id,))
            if new_rows:
                self._insert_annotations(new_rows)
            # Raw SQL, as above; in key order, so each row goes next to the one before.
            new_tags.sort()
            self.conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                new_tags,
            )
            self.conn.executemany("DELETE FROM pending_annotations WHERE id = ?", merged_ids)
            for u in unplaced:
                if u.id in have:
                    # Placed here before: a newer version that cannot be placed still
                    # brings its note, tags and colour; the highlight stays where it is.
                    if u.modified > have[u.id]:
                        self.conn.execute(
                            "UPDATE annotations SET color = ?, note = ?, modified = ? WHERE id = ?",
                            (u.color, u.note, u.modified, u.id),
                        )
                        self._set_tags(u.id, u.tags, tag_ids)
                        counts.updated += 1
                    else:
                        counts.unchanged += 1
                    continue
                found_its_document = u.document_id is not None and u.id in waiting
                if u.id in aside and u.modified <= aside[u.id] and not found_its_document:
                    counts.unchanged += 1
                    continue
                self._put_aside(u)
                counts.set_aside += 1
        return counts

    def _insert_annotations(self, rows: list[tuple]) -> None:
        """Insert many new annotations (rows of :data:`_MERGED_COLUMNS`) in the order
        given, with one statement.

        Raw SQL: sqlite-utils' insert_all spends about 50 us a row in Python (type
        checks, query building); a teammate's 10,000 annotations must merge in well
        under a second (bench/bench_team.py). One statement, not one a row: the notes
        index (FTS5, kept by a trigger) writes a segment of its own for each statement
        that fires it, and merges them later, which made inserting 10,000 rows one by
        one take three times as long. The rows pass through a table of this
        connection's temporary database (nothing of the library's schema)."""
        columns = ", ".join(_MERGED_COLUMNS)
        self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS merged_annotations ({columns})")
        self.conn.execute("DELETE FROM temp.merged_annotations")
        marks = ", ".join("?" * len(_MERGED_COLUMNS))
        self.conn.executemany(f"INSERT INTO temp.merged_annotations VALUES ({marks})", rows)
        self.conn.execute(
            f"INSERT INTO annotations ({columns}) "
            f"SELECT {columns} FROM temp.merged_annotations ORDER BY rowid"
        )
        self.conn.execute("DELETE FROM temp.merged_annotations")

    def _put_aside(self, u: PendingAnnotation) -> None:
        self.db.table("pending_annotations").insert(
            {
                "id": u.id,
                "document_fingerprint": u.document_fingerprint,
                "document_title": u.document_title,
                "document_id": u.document_id,
                "reason": u.reason,
                "modified": u.modified,
                "received": utc_now(),
                "payload": u.payload,
            },
            replace=True,  # a newer version of one already aside replaces it
        )

    def set_aside(self) -> list[SetAside]:
        """Shared annotations not placed yet: orphans first, then those waiting."""
        rows = self.conn.execute(
            f"SELECT id, {_PAYLOAD_QUOTE}, document_title, document_fingerprint, document_id, "
            f"reason, {_PAYLOAD_AUTHOR} "
            "FROM pending_annotations ORDER BY document_id IS NULL, document_title, id"
        )
        return [SetAside(*row) for row in rows]

    def pending_annotation(self, pending_id: str) -> PendingAnnotation:
        """One annotation set aside, as received (raises when it is not aside)."""
        row = self._one(
            "SELECT id, document_fingerprint, document_title, document_id, reason, modified, "
            "payload FROM pending_annotations WHERE id = ?",
            (pending_id,),
        )
        if row is None:
            raise LibraryError(f"no shared annotation set aside with id {pending_id}")
        pid, fingerprint, title, doc_id, reason, modified, payload = row
        return PendingAnnotation(
            pid, fingerprint, title, doc_id, reason, modified, "", "", [], payload
        )

    def dismiss_pending(self, pending_id: str) -> PendingAnnotation:
        """Drop an annotation set aside; returns it (to keep aside again on undo)."""
        with self.transaction():
            pending = self.pending_annotation(pending_id)
            self.conn.execute("DELETE FROM pending_annotations WHERE id = ?", (pending_id,))
        return pending

    def keep_aside(self, pending: PendingAnnotation) -> None:
        """Keep ``pending`` aside (again)."""
        with self.transaction():
            self._put_aside(pending)

    def place_pending(self, annotation: Annotation) -> None:
        """Make the annotation set aside with ``annotation``'s id a highlight, as
        ``annotation`` says (placed by hand), in one transaction."""
        with self.transaction():
            self.pending_annotation(annotation.id)
            self.apply_merge([annotation], [])

    def unplace(self, pending: PendingAnnotation) -> None:
        """Undo :meth:`place_pending`: the highlight goes, ``pending`` is aside again."""
        with self.transaction():
            self.conn.execute("DELETE FROM annotations WHERE id = ?", (pending.id,))
            self._put_aside(pending)

    def waiting_payloads(self) -> list[str]:
        """The payloads of the shared annotations waiting for their document."""
        rows = self.conn.execute(
            "SELECT payload FROM pending_annotations WHERE document_id IS NULL"
        )
        return [r[0] for r in rows]
