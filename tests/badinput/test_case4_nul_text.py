"""Issue 18, case 4: a text file with NUL bytes. The stored text follows the text rule
(NUL shown as U+2400, one for one), so SQLite and Python see the same text, highlights
after it keep their quotes, and the author's share-export imports again. Libraries made
before the rule are repaired by migration 9."""

from __future__ import annotations

import sqlite3

from reader.core.exchange import exchange_json, export_collection, import_files
from reader.core.importers import parse_bytes
from reader.core.store import Library, migrations

RAW = (
    "Trade Policy Paper\n\nPart I Economy\n\nA field\x00with NUL.\n\n"
    "Banks will cooperate. 银行将合作。\n"
).encode()


def test_nul_bytes_are_shown_and_quotes_after_them_kept(tmp_path):
    doc = parse_bytes(RAW, "text", "nul.txt")
    assert "\x00" not in doc.text and "field\u2400with" in doc.text
    assert len(doc.text) == len(RAW.decode())  # one for one: offsets hold
    with Library.open(tmp_path / "a.db") as lib:
        info, _ = lib.add_document(doc)
        sql_length = lib.conn.execute("SELECT length(text) FROM documents").fetchone()[0]
        assert sql_length == len(doc.text)
        ann = lib.annotate_quote(info.id, "Banks will cooperate.", tags=["economy"])
        assert ann.quote == "Banks will cooperate." and ann.prefix.endswith("with NUL.\n\n")
        path = tmp_path / "share.json"
        path.write_text(exchange_json(export_collection(lib)), encoding="utf-8")
    with Library.open(tmp_path / "b.db") as teammate:
        teammate.add_document(parse_bytes(RAW, "text", "nul.txt"))
        report = import_files(teammate, [path])
        assert report.added == 1
        [ex] = teammate.excerpts()
        assert ex.annotation.quote == "Banks will cooperate."


def test_migration_9_repairs_a_library_stored_before_the_rule(tmp_path):
    path = tmp_path / "old.db"
    text = RAW.decode()  # stored as it was, NUL and all, as imports did before the rule
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=8)
    conn.execute(
        "INSERT INTO documents (id, title, format, imported, length, text, blocks, outline, "
        "clauses) VALUES ('d1', 'Old', 'text', '2025-01-01', ?, ?, '[]', '[]', '[]')",
        (len(text), text),
    )
    start = text.index("Banks")
    conn.execute(
        "INSERT INTO annotations (id, document_id, start_offset, end_offset, quote, prefix, "
        "suffix, color, note, created, modified) VALUES ('a1', 'd1', ?, ?, '', '', '', "
        "'yellow', ?, '2025-01-01', '2025-01-01')",
        (start, start + len("Banks will cooperate."), "n\x00b"),
    )
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        ann = lib.get_annotation("a1")
        assert ann.quote == "Banks will cooperate." and ann.note == "n\u2400b"
        assert "field\u2400with" in lib.document_text("d1")
        assert lib.conn.execute("SELECT length(text) FROM documents").fetchone()[0] == len(text)
        assert lib.integrity_check() == "ok"
        assert [hit.document_id for hit in lib.search("banks")] == ["d1"]
        assert [hit.document_id for hit in lib.search("合作")] == ["d1"]
