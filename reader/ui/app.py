"""Start the desktop application: arguments, the library, the window, the event loop.

``python main.py [--db PATH] [FILE ...]`` imports and opens FILEs (as "open with"
does); ``--screenshot OUT.png [FILE]`` renders the window offscreen and exits.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SCREENSHOT_SIZE = (1280, 800)


def build_parser() -> argparse.ArgumentParser:
    """Arguments of the GUI (the CLI's subcommands are handled before Qt loads)."""
    parser = argparse.ArgumentParser(prog="policy-reader", description="Policy Reader")
    parser.add_argument("files", nargs="*", metavar="FILE", help="documents to import and open")
    parser.add_argument("--db", metavar="PATH", help="library file")
    parser.add_argument("--settings", metavar="PATH", help="keep settings in this INI file")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window (FILE or the guide) and exit"
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _set_icon(app: QApplication) -> None:
    """The window and taskbar icon; the desktop file name ties windows to the launcher
    entry on Wayland."""
    from PySide6.QtGui import QIcon

    from reader.ui.resources import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "policy-reader.png")))
    app.setDesktopFileName("policy-reader")


def run(args: list[str]) -> int:
    """Create the application and its main window, then run the event loop."""
    started = time.perf_counter()
    opts = build_parser().parse_args(args)
    if opts.screenshot and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.core.errors import ReaderError
    from reader.core.store import Library
    from reader.ui.memory import map_large_blocks

    map_large_blocks()  # a long document's text must not stay in the heap twice
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Policy Reader")
    app.setOrganizationName("PolicyReader")
    _set_icon(app)
    try:
        library = Library.open(opts.db)
    except ReaderError as exc:
        if opts.screenshot or opts.startup_probe:
            print(f"error: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "Policy Reader", f"Cannot open the library:\n\n{exc}")
        return 2

    from reader.ui.context import AppContext
    from reader.ui.main_window import MainWindow, connect_system_theme
    from reader.ui.settings import default_settings, ini_settings

    if opts.screenshot:
        # A fixed, fresh look: never the user's own window state.
        settings = ini_settings(Path(tempfile.mkdtemp(prefix="policy-reader-")) / "shot.ini")
    elif opts.settings:
        settings = ini_settings(opts.settings)
    else:
        settings = default_settings()
    try:
        window = MainWindow(AppContext(library, settings))
        connect_system_theme(window)
        if opts.screenshot:
            return _screenshot(app, window, opts.screenshot, opts.files[:1])
        from reader.ui.quit_signals import close_on_quit_signals

        # SIGTERM (log-out, kill), SIGINT and SIGHUP close the window as a user would:
        # its state, the reading position and a pending team-file write are kept.
        restore_signals = close_on_quit_signals(window, window.close)
        window.show()
        if opts.files:
            window.import_files(opts.files)
        else:
            window.session.restore_document()
        if opts.startup_probe:
            # Quit once the first frame is out: the benchmark times start-up.
            def done() -> None:
                print(f"shown in {(time.perf_counter() - started) * 1000:.0f} ms")
                app.quit()

            QTimer.singleShot(0, done)
        try:
            return app.exec()
        finally:
            restore_signals()
    finally:
        library.close()


def _screenshot(app: object, window: object, out: str, files: list[str]) -> int:
    """Render ``window`` with FILE (or the guide) open and save it as a PNG."""
    from reader.core.errors import ReaderError
    from reader.ui.importer import import_now

    window.resize(*SCREENSHOT_SIZE)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    if files:
        try:
            info = import_now(window.library, files[0])  # type: ignore[attr-defined]
        except ReaderError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        window.refresh_library()  # type: ignore[attr-defined]
        window.open_document(info.id)  # type: ignore[attr-defined]
    else:
        window.open_guide()  # type: ignore[attr-defined]
    for _ in range(3):
        app.processEvents()  # type: ignore[attr-defined]
    if not window.grab().save(out):  # type: ignore[attr-defined]
        print(f"error: cannot write {out}", file=sys.stderr)
        return 2
    print(out)
    return 0
