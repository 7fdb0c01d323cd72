"""Full-text search in Chinese text: two-character words, longer words, single
characters, OR, notes; English search syntax unchanged; an older library upgraded."""

from __future__ import annotations

import sqlite3

from reader.core.importers import parse_text
from reader.core.store import Library, migrations
from reader.core.store.cjk_search import grams, match_query
from reader.core.store.indexing import (
    blocks_to_json,
    clauses_to_json,
    outline_to_json,
    search_chunks,
)

RULES = (
    "# 河道管理办法\n\n## 第一章 总则\n\n第一条 为了加强河道管理，保障防洪安全，制定本办法。\n\n"
    "第二条 河道管理机构负责河道的监督检查。\n\n## 第二章 保护\n\n"
    "第三条 禁止在河道内倾倒垃圾。\n"
)
ENGLISH = "Trade Paper\n\nPart I Trade\n\nTrading partners will lower tariffs on grain.\n"


def test_grams_and_queries():
    assert grams("河道管理 rules") == " 河道 道管 管理  rules"
    assert match_query("监督") == '"监督"'
    assert match_query("防洪安全") == '"防洪 洪安 安全"'
    assert match_query("河 OR 垃圾") == '河* OR "垃圾"'


def test_a_two_character_chinese_word_is_found(library):
    info, _ = library.add_document(parse_text(RULES, "markdown"))
    [hit] = library.search("监督")
    assert hit.document_id == info.id
    doc = library.get_document(info.id)
    assert doc.text[hit.start : hit.end] == "监督"
    assert "«监督»" in hit.snippet
    assert hit.section_path.endswith("第二条")


def test_longer_words_single_characters_and_or(library):
    library.add_document(parse_text(RULES, "markdown"))
    assert len(library.search("防洪安全")) == 1
    assert len(library.search("垃圾 OR 监督")) == 2
    assert len(library.search("垃圾 监督")) == 0  # both words: no chunk has both
    assert len(library.search("河")) >= 3
    assert library.search("汽车") == []


def test_english_search_syntax_is_unchanged(library):
    library.add_document(parse_text(ENGLISH))
    library.add_document(parse_text(RULES, "markdown"))
    assert len(library.search('"lower tariffs"')) == 1
    assert len(library.search("trad*")) >= 1
    assert len(library.search("grain OR nothingsuch")) == 1


def test_chinese_words_in_notes(library):
    info, _ = library.add_document(parse_text(RULES, "markdown"))
    ann = library.annotate_quote(info.id, "禁止在河道内倾倒垃圾", note="这一条与环保有关")
    hits = [h for h in library.search("环保") if h.kind == "note"]
    assert [h.annotation_id for h in hits] == [ann.id]


def test_a_library_from_before_cjk_search_is_indexed_on_upgrade(tmp_path):
    path = tmp_path / "v7.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=7)
    doc = parse_text(RULES, "markdown")
    conn.execute(
        "INSERT INTO documents (id, title, date, source, format, encoding, filename, "
        "imported, length, text, blocks, outline, clauses) "
        "VALUES (?, ?, NULL, NULL, 'markdown', NULL, NULL, '2024-01-01', ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.title,
            len(doc.text),
            doc.text,
            blocks_to_json(doc.blocks),
            outline_to_json(doc.outline),
            clauses_to_json(doc.clauses),
        ),
    )
    conn.executemany(
        "INSERT INTO text_fts (document_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?)",
        [
            (doc.id, s, e, doc.text[s:e])
            for s, e in search_chunks(doc.text, doc.blocks, doc.outline)
        ],
    )
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION >= 8
        [hit] = lib.search("监督")
        assert hit.document_id == doc.id
