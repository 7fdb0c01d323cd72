"""Desktop UI figures, measured as a user meets them (medians of 5 runs), with targets:

- start to a painted window with the last document (the 41 KB paper): <= 0.4 s;
- open a 10 MB document with 10,000 highlights, process start to first paint: <= 1 s;
- peak RSS with that document open: <= 150 MiB, and no growth when it is reopened
  three times with the event loop running;
- ``main.py --screenshot`` of a new 10 MB document (import, open, paint) against the
  same for the 41 KB paper: <= +1.5 s, peak RSS <= 200 MiB;
- add one highlight in that document: <= 16 ms until it is drawn, and the window
  blocked no longer than that.

Every start is a fresh process (``bench/ui_child.py`` runs the app's real entry
point) timed from just before it is started to the first paint of the document, so
interpreter start and imports count. Offscreen unless ``QT_QPA_PLATFORM`` says
otherwise. Run: ``python bench/run.py ui`` or ``python bench/bench_ui.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen's size-hint notes

from big_document import HIGHLIGHTS, add_highlights, write_big  # noqa: E402
from timing import Run, median, run_process  # noqa: E402

RUNS = 5
CHILD = [sys.executable, str(BENCH / "ui_child.py")]
MAIN = [sys.executable, str(REPO / "main.py")]


def paper() -> Path:
    """The 41 KB paper: the 2016 corpus paper, or the synthetic stand-in in a bare clone."""
    folder = os.environ.get("READER_CORPUS") or str(REPO.parent / "shared" / "corpus")
    found = Path(folder) / "policy-paper-lac-2016.txt"
    return (
        found if found.is_file() else REPO / "tests/fixtures/papers/policy-paper-valdoria-2019.txt"
    )


def prepare(tmp: Path, name: str, source: Path, highlights: int) -> list[str]:
    """A library and settings whose last open document is ``source`` (with that many
    highlights); returns the app arguments that reopen it."""
    from PySide6.QtCore import QSettings

    from reader.core.store import Library
    from reader.ui.importer import import_now

    db, ini = tmp / f"{name}.db", tmp / f"{name}.ini"
    with Library.open(db) as library:
        info = import_now(library, source)
        if highlights:
            add_highlights(library, info.id, info.length, highlights)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue("session/document", info.id)
    settings.sync()
    return ["--db", str(db), "--settings", str(ini)]


def to_paint(args: list[str]) -> tuple[float, float]:
    """Seconds from process start to the document's first paint, and peak RSS (MiB)."""
    run = run_process([*CHILD, "start", *args])
    _word, epoch, _peak = run.out.split()[:3]
    return float(epoch) - run.started_epoch, run.peak_mib


def reopened(args: list[str]) -> tuple[float, list[float], float]:
    """RSS after the first paint, after each of three reopens, and the peak (MiB)."""
    run = run_process([*CHILD, "reopen", *args])
    lines = [line.split() for line in run.out.splitlines()]
    first = float(lines[0][2])
    after = [float(line[1]) for line in lines if line[0] == "reopened"]
    return first, after, run.peak_mib


def screenshot(tmp: Path, source: Path, k: int) -> Run:
    """``main.py --screenshot`` of ``source`` into a new library."""
    db = tmp / f"shot-{source.stem}-{k}.db"
    return run_process([*MAIN, "--db", str(db), "--screenshot", str(tmp / "shot.png"), str(source)])


def bare_qt_window() -> float:
    """Seconds from process start to the first paint of an empty Qt window (reference)."""
    code = (
        "import time\nfrom PySide6.QtWidgets import QApplication, QWidget\n"
        "from PySide6.QtCore import QTimer\n"
        "class W(QWidget):\n"
        "    def paintEvent(self, e):\n"
        "        print(time.time(), flush=True); QTimer.singleShot(0, app.quit)\n"
        "app = QApplication([]); w = W(); w.resize(1280, 800); w.show(); app.exec()\n"
    )
    run = run_process([sys.executable, "-c", code])
    return float(run.out.split()[0]) - run.started_epoch


def highlight_times(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Add one highlight ``runs`` times through the real action in the open document:
    ms until the view has painted it, and the longest the event loop was blocked."""
    from PySide6.QtWidgets import QApplication

    from reader.core.store import Library
    from reader.ui.context import AppContext
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import ini_settings

    app = QApplication.instance() or QApplication([])
    library = Library.open(args[1])
    window = MainWindow(AppContext(library, ini_settings(args[3])))
    window.resize(1280, 800)
    window.show()
    window.session.restore_document()
    for _ in range(20):
        app.processEvents()
    view = window.doc_view
    middle = len(window.doc.text) // 2
    drawn, blocked = [], []
    painted: list[float] = []
    view.painted.connect(lambda: painted.append(time.perf_counter()))
    for k in range(runs):
        view.select_span(middle + 500 * k, middle + 500 * k + 40)
        for _ in range(5):
            app.processEvents()
        painted.clear()
        view._waiting_for_paint = True  # the next paint is the one that shows the highlight
        started = time.perf_counter()
        window.actions.highlight.trigger()
        longest = time.perf_counter() - started
        until = time.perf_counter() + 0.3
        while time.perf_counter() < until or not painted:
            t = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - t)
        drawn.append((painted[0] - started) * 1000)
        blocked.append(longest * 1000)
    window.close()
    window.deleteLater()
    app.processEvents()
    library.close()
    return drawn, blocked


def row(label: str, value: str, target: str, extra: str = "") -> None:
    """One printed figure next to its target."""
    print(f"  {label:<58} {value:>16}   target {target}{extra}")


def main() -> None:
    """Print the medians next to their targets."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        big = write_big(tmp)
        small_args = prepare(tmp, "paper", paper(), 0)
        big_args = prepare(tmp, "big", big, HIGHLIGHTS)
        to_paint(small_args)  # warm the OS file cache
        bare = median([bare_qt_window() for _ in range(RUNS)])
        small = [to_paint(small_args) for _ in range(RUNS)]
        large = [to_paint(big_args) for _ in range(RUNS)]
        reopen = [reopened(big_args) for _ in range(RUNS)]
        shots_small = [screenshot(tmp, paper(), k) for k in range(RUNS)]
        shots_big = [screenshot(tmp, big, k) for k in range(RUNS)]
        drawn, blocked = highlight_times(big_args, RUNS * 3)
    print(f"desktop UI ({os.environ['QT_QPA_PLATFORM']}; medians of {RUNS} runs)")
    row(
        "start to a painted window, last document the 41 KB paper",
        f"{median([s[0] for s in small]) * 1000:.0f} ms",
        "<= 400 ms",
        f"   [bare Qt window {bare * 1000:.0f} ms]",
    )
    row(
        f"open a 10 MB document with {HIGHLIGHTS:,} highlights, to first paint",
        f"{median([s[0] for s in large]) * 1000:.0f} ms",
        "<= 1000 ms",
        "   [from process start]",
    )
    row(
        "peak RSS with that document open",
        f"{median([s[1] for s in large]):.0f} MiB",
        "<= 150 MiB",
        f"   [41 KB paper: {median([s[1] for s in small]):.0f} MiB]",
    )
    first = median([r[0] for r in reopen])
    after = [median([r[1][i] for r in reopen]) for i in range(3)]
    row(
        "RSS after reopening it 1, 2, 3 times (event loop running)",
        " / ".join(f"{a:.0f}" for a in after) + " MiB",
        "no growth",
        f"   [first open {first:.0f} MiB, peak {median([r[2] for r in reopen]):.0f} MiB]",
    )
    extra = median([s.wall for s in shots_big]) - median([s.wall for s in shots_small])
    row(
        "--screenshot of a new 10 MB document vs the 41 KB paper",
        f"+{extra:.2f} s",
        "<= +1.5 s",
        f"   [{median([s.wall for s in shots_small]):.2f} s vs "
        f"{median([s.wall for s in shots_big]):.2f} s]",
    )
    row(
        "  its peak RSS",
        f"{median([s.peak_mib for s in shots_big]):.0f} MiB",
        "<= 200 MiB",
    )
    row(
        "add one highlight there, until drawn / window blocked",
        f"{median(drawn):.1f} / {median(blocked):.1f} ms",
        "<= 16 ms both",
        f"   [max {max(drawn):.0f} / {max(blocked):.0f} ms of {len(drawn)}]",
    )


if __name__ == "__main__":
    main()
