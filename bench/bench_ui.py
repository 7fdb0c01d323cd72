"""Desktop UI timings (medians), with the issue's targets:

- cold start to a shown window with the last document (the 2016 paper) open: <= 0.5 s;
- opening the 2016 paper to first paint: <= 100 ms;
- adding a highlight in a document that already has 10,000 highlights: <= 16 ms.

Run: ``python bench/run.py ui`` or ``python bench/bench_ui.py``. Offscreen by default.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7


def corpus_paper() -> Path:
    """The 2016 paper: ``$READER_CORPUS`` or ``../shared/corpus``."""
    folder = os.environ.get("READER_CORPUS") or str(REPO.parent / "shared" / "corpus")
    return Path(folder) / "policy-paper-lac-2016.txt"


def bench_open(tmp: Path) -> list[float]:
    """Milliseconds from ``open_document`` to the reading view's first paint."""
    from PySide6.QtWidgets import QApplication

    from reader.core.store import Library
    from reader.ui.context import AppContext
    from reader.ui.importer import import_now
    from reader.ui.main_window import MainWindow
    from reader.ui.resources import guide_path
    from reader.ui.settings import ini_settings

    app = QApplication.instance() or QApplication([])
    library = Library.open(tmp / "open.db")
    paper = import_now(library, corpus_paper())
    guide = import_now(library, guide_path())
    window = MainWindow(AppContext(library, ini_settings(tmp / "open.ini")))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    times: list[float] = []
    painted: list[float] = []
    window.doc_view.painted.connect(lambda: painted.append(time.perf_counter()))
    for _ in range(RUNS):
        window.open_document(guide.id)  # switch away, so the paper is opened afresh
        app.processEvents()
        painted.clear()
        started = time.perf_counter()
        window.open_document(paper.id)
        while not painted:
            app.processEvents()
        times.append((painted[0] - started) * 1000)
    window.close()
    window.deleteLater()
    app.processEvents()
    library.close()
    return times


def _prepare_last_document(tmp: Path) -> None:
    """A library holding the paper, and settings whose last open document is the paper."""
    from PySide6.QtWidgets import QApplication

    from reader.core.store import Library
    from reader.ui.context import AppContext
    from reader.ui.importer import import_now
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import ini_settings

    app = QApplication.instance() or QApplication([])
    library = Library.open(tmp / "start.db")
    paper = import_now(library, corpus_paper())
    window = MainWindow(AppContext(library, ini_settings(tmp / "start.ini")))
    window.show()
    window.open_document(paper.id)
    app.processEvents()
    window.close()  # saves the open document and window state
    window.deleteLater()
    app.processEvents()
    library.close()


def bench_start(tmp: Path) -> tuple[list[float], list[float]]:
    """Wall milliseconds of ``main.py --startup-probe`` (process start, the last document
    restored and shown, quit), and the in-process time it reports."""
    _prepare_last_document(tmp)
    wall, inside = [], []
    args = [sys.executable, str(REPO / "main.py"), "--db", str(tmp / "start.db")]
    args += ["--settings", str(tmp / "start.ini"), "--startup-probe"]
    subprocess.run(args, check=True, capture_output=True)  # warm the OS file cache
    for _ in range(RUNS):
        started = time.perf_counter()
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        wall.append((time.perf_counter() - started) * 1000)
        inside.append(float(out.split("shown in")[1].split()[0]))
    return wall, inside


def bench_highlight(tmp: Path, existing: int = 10_000) -> list[float]:
    """Milliseconds to add one highlight (store write, undo entry, redraw) in a document
    that already has ``existing`` highlights."""
    import random

    from PySide6.QtWidgets import QApplication

    from reader.core.store import Library
    from reader.ui.context import AppContext
    from reader.ui.importer import import_now
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import ini_settings

    app = QApplication.instance() or QApplication([])
    library = Library.open(tmp / "busy.db")
    paper = import_now(library, corpus_paper())
    text = library.document_text(paper.id)
    rng = random.Random(1)
    with library.transaction():
        for _ in range(existing):
            s = rng.randrange(0, len(text) - 200)
            library.add_annotation(paper.id, s, s + rng.randint(10, 150))
    window = MainWindow(AppContext(library, ini_settings(tmp / "busy.ini")))
    window.resize(1280, 800)
    window.show()
    window.open_document(paper.id)
    app.processEvents()
    times = []
    for k in range(RUNS * 3):
        start = 1000 + 400 * k
        window.doc_view.select_span(start, start + 40)
        t = time.perf_counter()
        window.actions.highlight.trigger()
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    window.close()
    window.deleteLater()
    app.processEvents()
    library.close()
    return times


def main() -> None:
    """Print the medians."""
    if not corpus_paper().is_file():
        print(f"skipped: {corpus_paper()} not found (set READER_CORPUS)")
        return
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        opens = bench_open(tmp)
        wall, inside = bench_start(tmp)
        adds = bench_highlight(tmp)
    print("desktop UI (offscreen)")
    rows = [
        (
            "cold start to shown window, last document open",
            wall,
            "500 ms",
            f"   [in-process {statistics.median(inside):.0f} ms]",
        ),
        ("open the 2016 paper to first paint", opens, "100 ms", ""),
        ("add a highlight, 10,000 already in the document", adds, "16 ms", ""),
    ]
    for label, values, target, extra in rows:
        print(
            f"  {label:<48} median {statistics.median(values):7.1f} ms   target <= {target}{extra}"
        )


if __name__ == "__main__":
    main()
