"""Close the main window properly when the system asks the app to quit.

A desktop session that logs out, ``kill``, a terminal's Ctrl+C or a closed terminal
send SIGTERM, SIGINT or SIGHUP. Python's default for SIGTERM ends the process at once,
and its SIGINT handler runs only when the interpreter next gets control, which Qt's
event loop never gives it: either way the window's state, the reading position, the
open document and a pending team-file write were lost. Here the signal is written to a
socket (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches, so the event loop
wakes at once, with no polling timer, and closes the window as a user would.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

# SIGHUP does not exist on Windows; there, a console's Ctrl+C is SIGINT.
QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


def close_on_quit_signals(owner: QObject, close: Callable[[], object]) -> Callable[[], None]:
    """Call ``close`` in the GUI thread when a quit signal arrives; returns a function
    that puts the previous handlers back. Does nothing outside the main thread (Python
    installs signal handlers only there)."""
    try:
        reader, writer = socket.socketpair()
    except OSError:
        return lambda: None
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread
        reader.close()
        writer.close()
        return lambda: None
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in QUIT_SIGNALS}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, owner)

    def woken() -> None:
        try:
            received = reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        if any(b in QUIT_SIGNALS for b in received):
            close()

    notifier.activated.connect(woken)

    def restore() -> None:
        notifier.setEnabled(False)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()

    return restore
