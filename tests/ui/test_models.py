"""The outline and tag models are well-behaved Qt models."""

from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester

from reader.core.importers import load_document
from reader.core.library_model import TagNode
from reader.ui.outline_model import OFFSET_ROLE, OutlineModel
from reader.ui.tag_model import PATH_ROLE, TagModel

Mode = QAbstractItemModelTester.FailureReportingMode


def test_outline_model_passes_model_tester(qtbot, paper):
    doc = load_document(paper)
    model = OutlineModel()
    QAbstractItemModelTester(model, Mode.Fatal)
    model.set_document(doc)
    assert model.rowCount() == len(doc.outline)
    part4 = model.index(4, 0)
    assert part4.data().startswith("Part IV")
    assert model.rowCount(part4) == len(doc.outline[4].children)
    child = model.index(1, 0, part4)
    assert child.parent() == part4
    assert child.data(OFFSET_ROLE) == doc.outline[4].children[1].start
    model.set_document(None)
    assert model.rowCount() == 0


def test_outline_index_for_offset_is_deepest_section(paper):
    doc = load_document(paper)
    model = OutlineModel()
    model.set_document(doc)
    node = doc.outline[4].children[1].children[2]
    index = model.index_for_offset(node.start + 5)
    assert index.data() == node.display
    assert not model.index_for_offset(0).isValid()  # before the first heading


def test_tag_model_passes_model_tester(qtbot):
    trade = TagNode("trade", "economy/trade", 2)
    roots = [TagNode("economy", "economy", 3, True, [trade]), TagNode("law", "law", 1)]
    model = TagModel()
    QAbstractItemModelTester(model, Mode.Fatal)
    model.set_tags(roots)
    assert model.rowCount() == 2
    economy = model.index(0, 0)
    assert economy.data() == "economy  (3)"
    assert model.index(0, 0, economy).data(PATH_ROLE) == "economy/trade"
    assert model.index_for_path("ECONOMY/Trade").data(PATH_ROLE) == "economy/trade"
    model.set_tags([])
    assert model.rowCount() == 0
