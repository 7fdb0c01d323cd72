"""Section paths as excerpts, search and exports cite them: the outermost section by
its label alone only when the label names itself (``Part IV``), never a bare number;
a library made before that gains the new paths (migration 13)."""

from __future__ import annotations

import sqlite3

from reader.core.importers import parse_text
from reader.core.model import names_itself
from reader.core.store import Library, migrations

NUMBERED = (
    "# A Security Guide\n\n"
    "## 4. Compute Nodes\n\nNodes run the work.\n\n"
    "### 4.1 Sanitization\n\nNodes are wiped between jobs by the scheduler.\n"
)
PARTS = (
    "# A Policy Paper\n\n"
    "## Part I Cooperation\n\nThe parties cooperate.\n\n"
    "### 1. Trade\n\nTariffs will fall over the period.\n"
)


def test_labels_that_name_themselves():
    for label in ("Part IV", "Article 5", "Appendix A", "Chapitre II", "§ 4", "第一章", "Sec. 2"):
        assert names_itself(label), label
    for label in ("4.", "4.2", "IV.", "(a)", "A.", "II", ""):
        assert not names_itself(label), label


def test_a_numbered_section_keeps_its_title_and_a_part_its_label(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        numbered, _ = lib.add_document(parse_text(NUMBERED, "markdown"))
        parts, _ = lib.add_document(parse_text(PARTS, "markdown"))
        lib.annotate_quote(numbered.id, "wiped between jobs")
        lib.annotate_quote(parts.id, "Tariffs will fall")
        paths = {e.document_title: e.section_path for e in lib.excerpts()}
    assert paths == {
        "A Security Guide": "4. Compute Nodes > 4.1 Sanitization",
        "A Policy Paper": "Part I > 1. Trade",
    }


def test_a_version_12_library_gets_the_new_paths(tmp_path):
    path = tmp_path / "v12.db"
    with Library.open(path) as lib:
        info, _ = lib.add_document(parse_text(NUMBERED, "markdown"))
        lib.annotate_quote(info.id, "wiped between jobs")
    conn = sqlite3.connect(path)
    # As version 12 stored it: the outermost section by its bare number.
    conn.execute("UPDATE sections SET path = replace(path, '4. Compute Nodes', '4.')")
    conn.execute("PRAGMA user_version = 12")
    conn.commit()
    assert conn.execute("SELECT max(path) FROM sections").fetchone()[0] == "4. > 4.1 Sanitization"
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION >= 13
        [excerpt] = lib.excerpts()
        assert excerpt.section_path == "4. Compute Nodes > 4.1 Sanitization"
