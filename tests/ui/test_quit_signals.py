"""The app closes its window as a user would when the system asks it to quit
(SIGTERM at log-out or from ``kill``, Ctrl+C in a terminal), so what it remembers is
kept; and the open document is remembered as soon as it opens."""

from __future__ import annotations

import configparser
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ui_helpers import import_and_open

from reader.ui.quit_signals import close_on_quit_signals
from reader.ui.settings import Settings, ini_settings

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_a_quit_signal_closes_the_window(qtbot, make_window, trade_paper, settings_path):
    window = make_window()
    doc = import_and_open(qtbot, window, trade_paper)
    restore = close_on_quit_signals(window, window.close)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        restore()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    settings = Settings(ini_settings(settings_path))
    assert settings.string("session/document") == doc.id
    assert settings.bytes("window/geometry") is not None  # saved by the window's close


def test_the_open_document_is_remembered_when_it_opens(
    qtbot, make_window, trade_paper, settings_path
):
    window = make_window()
    doc = import_and_open(qtbot, window, trade_paper)
    window.settings.sync()
    assert Settings(ini_settings(settings_path)).string("session/document") == doc.id


def _saved(ini: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ini)
    return parser


def test_sigterm_to_the_real_app_keeps_its_state(tmp_path, trade_paper):
    """End to end: the app started as a user starts it, then ``kill``ed; started again
    it reopens the same document."""
    ini = tmp_path / "s.ini"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, str(REPO / "main.py"), "--db", str(tmp_path / "lib.db")]
    app = subprocess.Popen(
        [*cmd, "--settings", str(ini), str(trade_paper)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not _saved(ini).has_option("session", "document"):
            assert app.poll() is None, app.stderr.read() if app.stderr else ""
            assert time.monotonic() < deadline, "the document never opened"
            time.sleep(0.1)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
    saved = _saved(ini)
    assert saved.has_option("window", "geometry")  # only the window's close writes it
    document = saved.get("session", "document")
    probe = subprocess.run(
        [*cmd, "--settings", str(ini), "--startup-probe"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert Settings(ini_settings(ini)).string("session/document") == document
