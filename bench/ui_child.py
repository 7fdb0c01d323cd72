"""The desktop app started as a user starts it, reporting when the document shows.

``python bench/ui_child.py MODE ARGS...`` runs ``reader.entry.main(ARGS)`` (what
``main.py ARGS`` runs) and, when the reading view first paints the restored document,
prints ``painted EPOCH_SECONDS PEAK_RSS_MIB``; the parent subtracts its own clock
reading taken before it started this process, so interpreter start and every import
are counted. MODE ``start`` quits then; MODE ``reopen`` then switches to the guide and
back three times with the event loop running, printing ``reopened RSS_MIB`` after
each reopened document has painted, then quits.

Nothing of the app is changed: the probe only connects to the reading view's
``painted`` signal as each view is created.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REOPENS = 3


def rss_mib() -> float:
    """This process's resident set now, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mib() -> float:
    """This process's peak resident set so far, in MiB (VmHWM: since its exec; the
    kernel's ru_maxrss also counts the parent's pages the child had before it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    mode, args = sys.argv[1], sys.argv[2:]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import reader.ui.document_view as document_view

    state = {"paints": 0, "document": None}

    def painted(view: document_view.DocumentView) -> None:
        window = view.window()
        if view.doc is None or not hasattr(window, "open_guide"):
            return
        if state["paints"] == 0:
            print(f"painted {time.time():.6f} {peak_mib():.1f}", flush=True)
            state["document"] = view.doc.id
            state["paints"] = 1
            if mode == "start":
                QTimer.singleShot(0, QApplication.instance().quit)
            else:
                QTimer.singleShot(200, lambda: switch(window))
        elif view.doc.id == state["document"]:
            state["paints"] += 1
            QTimer.singleShot(300, lambda: report(window))

    def switch(window: object) -> None:
        window.open_guide()  # type: ignore[attr-defined]
        QTimer.singleShot(200, lambda: window.open_document(state["document"]))  # type: ignore[attr-defined]

    def report(window: object) -> None:
        print(f"reopened {rss_mib():.1f} {peak_mib():.1f}", flush=True)
        if state["paints"] > REOPENS:
            QApplication.instance().quit()
        else:
            switch(window)

    original_init = document_view.DocumentView.__init__

    def init(self: document_view.DocumentView, *a: object, **k: object) -> None:
        original_init(self, *a, **k)
        self.painted.connect(lambda: painted(self))

    document_view.DocumentView.__init__ = init  # type: ignore[method-assign]
    from reader.entry import main as entry_main

    return entry_main(args)


if __name__ == "__main__":
    sys.exit(main())
