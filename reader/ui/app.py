"""Start the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from reader import __version__


class MainWindow(QMainWindow):
    """The main window (the full reader UI grows here)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Policy Reader")
        self.resize(1200, 800)
        label = QLabel(f"Policy Reader {__version__}")
        self.setCentralWidget(label)


def run(args: list[str]) -> int:
    """Create the application and its main window, then run the event loop."""
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    app.setApplicationName("Policy Reader")
    app.setOrganizationName("PolicyReader")
    window = MainWindow()
    window.show()
    return app.exec()
