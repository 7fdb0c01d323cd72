"""Numbered schema migrations of the library; ``PRAGMA user_version`` is the version.

Rules: a migration, once released, is never edited; a schema change is a new
function appended to :data:`MIGRATIONS`. Each runs in its own transaction together
with the bump of ``user_version``, so a crash leaves the library at the previous
version, never in between.

The released steps below are raw SQL, and stay so: sqlite-utils' ``create()`` cannot
say ``CHECK``, ``COLLATE NOCASE``, ``ON DELETE CASCADE`` or ``WITHOUT ROWID``, nor make
an FTS5 index with our tokenizer over a table of our own (``text_fts``) or one kept
by our triggers (``note_fts``); and a released step is never edited. A new step uses
``sqlite_utils.Database(conn)`` (``create_table``, ``add_column``, ``create_index``)
wherever it can say the schema, and raw SQL, with a comment why, where it cannot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.store.cjk_search import INSERT_ROWS, create_cjk_index, index_rows
from reader.core.store.indexing import (
    blocks_from_json,
    outline_from_json,
    search_chunks,
    section_rows,
)

APPLICATION = "policy-reader"  # the marker that tells our library from any SQLite file

# Porter stemming lets "trade" find "trading"; remove_diacritics lets "Peru" find "Perú".
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

_V1_SCHEMA = [
    """CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    f"""INSERT INTO library_meta (key, value) VALUES ('application', '{APPLICATION}')""",
    # Big columns last: SQLite then reads a row's title without touching its text.
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        date TEXT,
        source TEXT,
        format TEXT NOT NULL,
        encoding TEXT,
        filename TEXT,
        imported TEXT NOT NULL,
        length INTEGER NOT NULL,
        text TEXT NOT NULL,
        blocks TEXT NOT NULL,
        outline TEXT NOT NULL,
        clauses TEXT NOT NULL
    )""",
    """CREATE TABLE sections (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        depth INTEGER NOT NULL,
        path TEXT NOT NULL
    )""",
    """CREATE INDEX sections_by_document ON sections (document_id, start_offset)""",
    # seq is a stable integer key for the notes index; id is the public uuid4.
    # No ON DELETE CASCADE from documents: removing a document must never
    # silently take highlights with it.
    """CREATE TABLE annotations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents(id),
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        author TEXT,
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        deleted TEXT,
        CHECK (0 <= start_offset AND start_offset <= end_offset)
    )""",
    """CREATE INDEX annotations_by_document ON annotations (document_id, start_offset)""",
    """CREATE INDEX annotations_by_author ON annotations (author COLLATE NOCASE)""",
    """CREATE TABLE tags (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE COLLATE NOCASE)""",
    """CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
    ) WITHOUT ROWID""",
    """CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id, annotation_id)""",
]


def _v1_documents_annotations_tags(conn: sqlite3.Connection) -> None:
    for statement in _V1_SCHEMA:
        conn.execute(statement)


def _v2_full_text_search(conn: sqlite3.Connection) -> None:
    # Document text: one row per paragraph/heading (see indexing.search_chunks),
    # stored in the FTS table itself since documents never change once imported.
    conn.execute(
        "CREATE VIRTUAL TABLE text_fts USING fts5(document_id UNINDEXED, "
        f"start_offset UNINDEXED, end_offset UNINDEXED, text, tokenize='{FTS_TOKENIZER}')"
    )
    # Notes change often: an external-content index kept current by triggers.
    conn.execute(
        "CREATE VIRTUAL TABLE note_fts USING fts5(note, content='annotations', "
        f"content_rowid='seq', tokenize='{FTS_TOKENIZER}')"
    )
    conn.execute(
        """CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
            INSERT INTO note_fts (rowid, note) VALUES (new.seq, new.note);
        END"""
    )
    conn.execute(
        """CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
            INSERT INTO note_fts (note_fts, rowid, note) VALUES ('delete', old.seq, old.note);
        END"""
    )
    conn.execute(
        """CREATE TRIGGER annotations_fts_update AFTER UPDATE OF note ON annotations BEGIN
            INSERT INTO note_fts (note_fts, rowid, note) VALUES ('delete', old.seq, old.note);
            INSERT INTO note_fts (rowid, note) VALUES (new.seq, new.note);
        END"""
    )
    conn.execute("INSERT INTO note_fts (note_fts) VALUES ('rebuild')")
    documents = conn.execute("SELECT id, text, blocks, outline FROM documents").fetchall()
    for doc_id, text, blocks, outline in documents:
        conn.executemany(
            "INSERT INTO text_fts (document_id, start_offset, end_offset, text) "
            "VALUES (?, ?, ?, ?)",
            [
                (doc_id, s, e, text[s:e])
                for s, e in search_chunks(
                    text, blocks_from_json(blocks), outline_from_json(outline)
                )
            ],
        )


def _v3_shared_annotations_aside(conn: sqlite3.Connection) -> None:
    # Shared annotations that could not be placed: orphans (document_id set: the
    # document is here but the quote was not found) and those waiting for their document
    # (document_id NULL). Kept as received so that nothing a teammate sent is lost.
    conn.execute(
        """CREATE TABLE pending_annotations (
            id TEXT PRIMARY KEY,
            document_fingerprint TEXT,
            document_title TEXT,
            document_id TEXT REFERENCES documents(id),
            reason TEXT NOT NULL,
            modified TEXT NOT NULL,
            received TEXT NOT NULL,
            payload TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX pending_by_document ON pending_annotations (document_id)")


def _v4_document_pages(conn: sqlite3.Connection) -> None:
    # Where each page of a paged document (PDF) starts in its text, so that excerpts
    # and citations can say "p. 12" in SQL, as sections give the section path.
    # Documents imported before this version have no pages: nothing to backfill.
    conn.execute(
        """CREATE TABLE document_pages (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            PRIMARY KEY (document_id, start_offset)
        ) WITHOUT ROWID"""
    )


def _v5_tag_descriptions(conn: sqlite3.Connection) -> None:
    # What a tag means, as codebooks (REFI-QDA .qdc) carry it for each code.
    conn.execute("ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT ''")


def _v6_page_labels(conn: sqlite3.Connection) -> None:
    # The number printed on a page ("iv", "A-1") when a PDF has page labels, so citations
    # say what the reader sees; NULL: the physical number is the page number. Pages stored
    # before this version were imported without labels: NULL is what they had.
    conn.execute("ALTER TABLE document_pages ADD COLUMN label TEXT")


def _v7_code_identity(conn: sqlite3.Connection) -> None:
    # What a codebook says of a code beyond its name, kept so that exporting an imported
    # codebook gives it back: its GUID (other tools merge codes by GUID), its colour and
    # whether it may be applied. NULL guid/color: derived from the path / the highlights
    # using the tag, as before this version; codable 1 is what every older tag was.
    conn.execute("ALTER TABLE tags ADD COLUMN guid TEXT")
    conn.execute("ALTER TABLE tags ADD COLUMN color TEXT")
    conn.execute("ALTER TABLE tags ADD COLUMN codable INTEGER NOT NULL DEFAULT 1")


def _v9_text_rule(conn: sqlite3.Connection) -> None:
    # Before the text rule (reader.core.text_rules) a document could be stored with NUL
    # characters: SQLite's substr() stops at the first, so every highlight after it got
    # an empty quote. Such texts and notes now follow the rule, one character for one
    # (offsets, and the document's id, stay); quotes and context are taken again and
    # the text's search rows made anew. Raw SQL: a blob search is the only way to find
    # a NUL (SQLite's text functions stop at it), and the rows are found by keys.
    from reader.core.quotes import context
    from reader.core.text_rules import clean_field, clean_text

    nul = "instr(CAST({} AS BLOB), X'00') > 0"
    docs = conn.execute(
        f"SELECT id, text, blocks, outline FROM documents WHERE {nul.format('text')}"
    )
    for doc_id, text, blocks, outline in docs.fetchall():
        text = clean_text(text)
        conn.execute("UPDATE documents SET text = ? WHERE id = ?", (text, doc_id))
        spans = conn.execute(
            "SELECT seq, start_offset, end_offset FROM annotations WHERE document_id = ?", (doc_id,)
        ).fetchall()
        conn.executemany(
            "UPDATE annotations SET quote = ?, prefix = ?, suffix = ? WHERE seq = ?",
            [(text[s:e], *context(text, s, e), seq) for seq, s, e in spans],
        )
        chunks = search_chunks(text, blocks_from_json(blocks), outline_from_json(outline))
        conn.execute("DELETE FROM text_fts WHERE document_id = ?", (doc_id,))
        conn.executemany(
            "INSERT INTO text_fts (document_id, start_offset, end_offset, text) "
            "VALUES (?, ?, ?, ?)",
            [(doc_id, s, e, text[s:e]) for s, e in chunks],
        )
        conn.execute("DELETE FROM cjk_fts WHERE document_id = ?", (doc_id,))
        conn.executemany(INSERT_ROWS, index_rows(doc_id, text, chunks))
    notes = conn.execute(f"SELECT seq, note FROM annotations WHERE {nul.format('note')}")
    conn.executemany(
        "UPDATE annotations SET note = ? WHERE seq = ?",
        [(clean_field(note), seq) for seq, note in notes.fetchall()],
    )


def _v10_pages_by_number(conn: sqlite3.Connection) -> None:
    # A blank page starts where the next one does: keyed by start offset, a PDF with a
    # blank page could not be stored at all. Pages are keyed by their number now; the
    # page of an offset is the last page starting at or before it (blank ones lose the
    # tie). Raw SQL: SQLite changes a primary key only by making the table anew.
    conn.execute(
        """CREATE TABLE document_pages_v10 (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            label TEXT,
            PRIMARY KEY (document_id, page)
        ) WITHOUT ROWID"""
    )
    conn.execute(
        "INSERT INTO document_pages_v10 (document_id, page, start_offset, label) "
        "SELECT document_id, page, start_offset, label FROM document_pages"
    )
    conn.execute("DROP TABLE document_pages")
    conn.execute("ALTER TABLE document_pages_v10 RENAME TO document_pages")
    conn.execute(
        "CREATE INDEX document_pages_by_offset ON document_pages (document_id, start_offset)"
    )


def _v11_deleted_documents(conn: sqlite3.Connection) -> None:
    # A document can be deleted (and brought back): NULL while it is in the library, else
    # when it went to the trash. Its annotations are deleted with the same time, which is
    # how undeleting the document brings back exactly those and not ones deleted before.
    import sqlite_utils  # here, not at the top: opening a library must not load it

    sqlite_utils.Database(conn).table("documents").add_column("deleted", str)


def _v12_team_folder(conn: sqlite3.Connection) -> None:
    # A team folder carries deletions to teammates as tombstones (id and time). A deleted
    # annotation is its own tombstone while its row exists (``deleted`` set); this table
    # keeps those whose row is gone (removed for good) and the teammates' deletions of
    # annotations this library never had, so an older copy arriving later stays deleted.
    # Raw SQL: sqlite-utils cannot create triggers, and they keep the table right whatever
    # code removes or re-creates a row.
    conn.execute(
        """CREATE TABLE annotation_tombstones (
            id TEXT PRIMARY KEY,
            deleted TEXT NOT NULL,
            author TEXT
        ) WITHOUT ROWID"""
    )
    conn.execute(
        """CREATE TRIGGER annotations_tombstone AFTER DELETE ON annotations BEGIN
            INSERT OR REPLACE INTO annotation_tombstones (id, deleted, author) VALUES (
                old.id,
                CASE WHEN old.deleted IS NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                     ELSE max(old.deleted, old.modified) END,
                old.author);
        END"""
    )
    conn.execute(
        """CREATE TRIGGER annotations_tombstone_revived AFTER INSERT ON annotations BEGIN
            DELETE FROM annotation_tombstones WHERE id = new.id;
        END"""
    )
    # Where each document was imported from, so the team folder can hold the source file
    # of every document annotated (documents/<fingerprint>.<ext>); the hash tells whether
    # the file there is still the one imported.
    # Raw SQL for ON DELETE CASCADE, which sqlite-utils' create_table cannot say.
    conn.execute(
        """CREATE TABLE document_sources (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            recorded TEXT NOT NULL
        )"""
    )


def _v13_section_paths(conn: sqlite3.Connection) -> None:
    # Section paths showed the outermost section by its label alone, which for a bare
    # number ("4. > 4.2 Sanitization") told a reader nothing: such a section now keeps
    # its title (reader.core.model.path_text). The stored paths, which excerpts, search
    # and exports cite, are made again from each document's stored outline. Raw SQL:
    # rows found by their document's key, replaced in one statement each.
    docs = conn.execute("SELECT id, outline FROM documents").fetchall()
    for doc_id, outline in docs:
        rows = section_rows(outline_from_json(outline))
        conn.execute("DELETE FROM sections WHERE document_id = ?", (doc_id,))
        conn.executemany(
            "INSERT INTO sections (document_id, start_offset, end_offset, depth, path) "
            "VALUES (?, ?, ?, ?, ?)",
            [(doc_id, *row) for row in rows],
        )


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``apply`` brings a library at ``version - 1`` to ``version``."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = [
    Migration(1, "documents, annotations and tags", _v1_documents_annotations_tags),
    Migration(2, "full-text search over document text and notes", _v2_full_text_search),
    Migration(
        3,
        "shared annotations set aside (orphans, waiting for a document)",
        _v3_shared_annotations_aside,
    ),
    Migration(4, "page start offsets of paged documents (PDF)", _v4_document_pages),
    Migration(5, "tag descriptions (REFI-QDA codebooks)", _v5_tag_descriptions),
    Migration(6, "printed page labels of paged documents (PDF)", _v6_page_labels),
    Migration(7, "code GUIDs, colours and codability from codebooks", _v7_code_identity),
    # Chinese, Japanese and Korean words in document text (see store/cjk_search.py).
    Migration(8, "full-text search in CJK text (two-character grams)", create_cjk_index),
    Migration(9, "NUL in stored texts and notes replaced by the text rule", _v9_text_rule),
    Migration(10, "pages keyed by number, so blank pages can be stored", _v10_pages_by_number),
    Migration(11, "documents in the trash", _v11_deleted_documents),
    Migration(
        12, "team folder: tombstones of deleted annotations, document sources", _v12_team_folder
    ),
    Migration(13, "section paths keep the title of a section numbered only", _v13_section_paths),
]
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The library's schema version (0 for a new, empty file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """Apply every migration above the current version up to ``target``.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Each step takes
    the write lock first and re-reads the version, so two processes opening a new
    library at once do not both create it. Returns the versions applied.
    """
    applied = []
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        if schema_version(conn) >= migration.version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) < migration.version:
                migration.apply(conn)
                conn.execute(f"PRAGMA user_version = {migration.version:d}")
                applied.append(migration.version)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return applied
