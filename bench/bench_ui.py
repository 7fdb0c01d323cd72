"""Desktop UI timings: open the 2016 paper to first paint; app start to a shown window.

Targets: open to first paint <= 300 ms; start to shown window <= 1 s (medians).
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
    from reader.ui.importer import import_now
    from reader.ui.main_window import MainWindow
    from reader.ui.resources import guide_path
    from reader.ui.settings import ini_settings

    app = QApplication.instance() or QApplication([])
    library = Library.open(tmp / "open.db")
    paper = import_now(library, corpus_paper())
    guide = import_now(library, guide_path())
    window = MainWindow(library, ini_settings(tmp / "open.ini"))
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


def bench_start(tmp: Path) -> tuple[list[float], list[float]]:
    """Wall milliseconds of ``main.py --startup-probe`` (process start to shown and quit),
    and the in-process time it reports (argument parsing to shown window)."""
    wall, inside = [], []
    args = [sys.executable, str(REPO / "main.py"), "--db", str(tmp / "start.db")]
    args += ["--settings", str(tmp / "start.ini"), "--startup-probe"]
    subprocess.run(args, check=True, capture_output=True)  # first run creates the library
    for _ in range(RUNS):
        started = time.perf_counter()
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        wall.append((time.perf_counter() - started) * 1000)
        inside.append(float(out.split("shown in")[1].split()[0]))
    return wall, inside


def main() -> None:
    """Print the medians."""
    if not corpus_paper().is_file():
        print(f"skipped: {corpus_paper()} not found (set READER_CORPUS)")
        return
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        opens = bench_open(tmp)
        wall, inside = bench_start(tmp)
    print(f"open 2016 paper to first paint: median {statistics.median(opens):6.0f} ms  (<= 300)")
    print(
        f"app start to shown window:      median {statistics.median(wall):6.0f} ms  (<= 1000)"
        f"  [in-process {statistics.median(inside):.0f} ms]"
    )


if __name__ == "__main__":
    main()
