"""What the store indexes: search chunks stay inside one section."""

from __future__ import annotations

from reader.core.importers import load_document
from reader.core.store.indexing import CHUNK_CHARS, search_chunks


def test_chunks_stay_in_one_section_and_cover_the_content(paper_and_news):
    facts = paper_and_news[0]
    doc = load_document(facts.path)
    chunks = search_chunks(doc.text, doc.blocks, doc.outline)
    assert chunks == sorted(chunks)
    for start, end in chunks:
        # The section path of every offset in a chunk is that of its start.
        assert doc.section_path(start) == doc.section_path(end - 1)
    sizes = [end - start for start, end in chunks]
    long_blocks = [b for b in doc.blocks if b.content_end - b.content_start > CHUNK_CHARS]
    assert sum(s > CHUNK_CHARS for s in sizes) <= len(long_blocks)
    covered = "".join(doc.text[s:e] for s, e in chunks)
    assert facts.section_title in covered and "Part IV" in covered
    assert len(chunks) < len(doc.blocks) / 2  # paragraphs of a section are grouped


def test_text_without_blocks_is_chunked_by_paragraph():
    text = "First para\nstill first.\n\n\nSecond para.\n"
    assert search_chunks(text, [], []) == [(0, len(text) - 1)]
    many = "\n\n".join("x" * 900 for _ in range(3))
    assert search_chunks(many, [], None) == [(0, 1802), (1804, 2704)]
