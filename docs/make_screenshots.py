"""Render the screenshots the README shows, and the ones checked by hand at 1280x800.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/make_screenshots.py OUT_DIR

Builds a throw-away library from the policy paper (the real one in ../shared/corpus
when it is there, else the repository's synthetic one): a 3,000-highlight copy with
tags, notes and four authors (light and dark theme, the Tags context menu, the
keyboard shortcuts sheet), two same-title editions for the library list, and a lightly
annotated copy for ``docs/screenshot.png``. Never touches the user's library.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.importers import load_document  # noqa: E402
from reader.core.store import Library  # noqa: E402
from reader.ui.context import AppContext  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402
from reader.ui.settings import ini_settings  # noqa: E402

AUTHORS = ["Ana", "Ben", "Chen", "Dara"]
TAGS = ["economy/trade", "economy/finance", "politics/dialogue", "culture", "security", "law"]
COLORS = ["yellow", "green", "blue", "pink", "purple"]
NOTES = [
    "Compare with the 2008 paper: the wording is firmer here.",
    "CELAC forum named as the main channel.",
    "Check the figures against the ministry's statement.",
]


def paper() -> Path:
    real = REPO.parent / "shared" / "corpus" / "policy-paper-lac-2016.txt"
    return real if real.exists() else REPO / "tests" / "fixtures" / "trade-policy-paper.txt"


def spans(text: str, count: int) -> list[tuple[int, int]]:
    """``count`` spans of a few words each, spread over the text's words."""
    words: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                words.append((start, i))
                start = None
        elif start is None:
            start = i
    step = max(1, len(words) // count)
    out = []
    for n in range(0, len(words) - 6, step):
        out.append((words[n][0], words[min(n + 3 + n % 4, len(words) - 1)][1]))
    return out[:count]


def clause_spans(doc: object, every: int) -> list[tuple[int, int]]:
    """Every ``every``-th clause after the first heading: what a reader would mark."""
    first = doc.outline[0].start if doc.outline else 0  # type: ignore[attr-defined]
    clauses = [(c.start, c.end) for c in doc.clauses if c.start >= first]  # type: ignore[attr-defined]
    return clauses[::every]


def fill(lib: Library, doc_id: str, text: str, count: int, chosen: list | None = None) -> None:
    for n, (s, e) in enumerate(chosen or spans(text, count)):
        lib.add_annotation(
            doc_id, s, e,
            color=COLORS[n % len(COLORS)],
            author=AUTHORS[n % len(AUTHORS)],
            tags=[TAGS[n % len(TAGS)]] + ([TAGS[(n + 2) % len(TAGS)]] if n % 3 == 0 else []),
            note=NOTES[n % len(NOTES)] if n % 4 == 0 else "",
        )  # fmt: skip


def window_for(lib: Library, folder: Path, theme: str) -> MainWindow:
    window = MainWindow(AppContext(lib, ini_settings(folder / f"{theme}.ini")))
    window.set_theme(theme)
    window.resize(1280, 800)
    window.show()
    return window


def settle(app: QApplication, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    source = load_document(paper())
    # 3,000 highlights by four authors.
    with Library.open(folder / "big.db") as lib:
        info, _ = lib.add_document(source)
        fill(lib, info.id, source.text, 3000)
        for theme in ("light", "dark"):
            w = window_for(lib, folder, theme)
            w.open_document(info.id, offset=len(source.text) // 3)
            w.doc_view.move_caret(len(source.text) // 3 + 40)
            settle(app)
            w.annotations_panel.select(
                w.current_annotation().id if w.current_annotation() else None
            )
            settle(app)
            w.grab().save(str(out / f"main-3000-{theme}.png"))
            if theme == "light":
                w.tabs.setCurrentWidget(w.tags_panel)
                w.tags_panel.select_tag("economy/trade")
                settle(app)
                tree = w.tags_panel.tree
                rect = tree.visualRect(w.tags_panel.tag_model.index_for_path("economy/trade"))
                menu = w.tag_actions.menu_for("economy/trade")
                menu.popup(tree.viewport().mapToGlobal(rect.center() + QPoint(10, 0)))
                settle(app)
                QApplication.primaryScreen().grabWindow(0).save(str(out / "tags-menu.png"))
                menu.close()
                w.show_search()
                w.search_panel.edit.setText("financial cooperation")
                w.search_panel.edit.returnPressed.emit()
                settle(app)
                w.grab().save(str(out / "search.png"))
                sheet = w.keyboard.show_sheet()
                settle(app)
                sheet.grab().save(str(out / "shortcuts.png"))
                sheet.close()
            w.close()
    # Two same-title editions in the library list, and the README's main window.
    with Library.open(folder / "small.db") as lib:
        info, _ = lib.add_document(source)
        clauses = clause_spans(source, 4)
        fill(lib, info.id, source.text, len(clauses), clauses)
        news = REPO.parent / "shared" / "corpus" / "news-lac-paper-2008.txt"
        if news.exists():
            lib.add_document(load_document(news))
        edition = folder / "policy-paper-revised.txt"
        edition.write_text(source.text.replace("will", "shall", 3), encoding="utf-8")
        lib.add_document(load_document(edition))
        w = window_for(lib, folder, "light")
        w.tabs.setCurrentWidget(w.annotations_panel)
        at = clauses[len(clauses) // 3]
        w.open_document(info.id, offset=max(0, at[0] - 400))
        w.doc_view.move_caret(at[0] + 5)
        settle(app)
        current = w.current_annotation()
        w.annotations_panel.select(current.id if current else None)
        settle(app)
        w.grab().save(str(out / "screenshot.png"))
        w.grab().save(str(out / "library-same-title.png"))
        w.close()
    QTimer.singleShot(0, app.quit)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/shots"))
