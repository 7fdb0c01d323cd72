"""The real entry point: ``main.py --screenshot`` and start-up, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_screenshot_of_a_file(tmp_path, paper):
    out = tmp_path / "shot.png"
    res = _run(
        "--db", str(tmp_path / "lib.db"), "--screenshot", str(out), str(paper), tmp_path=tmp_path
    )
    assert res.returncode == 0, res.stderr
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 800


def test_screenshot_of_the_guide_without_a_file(tmp_path):
    out = tmp_path / "guide.png"
    res = _run("--screenshot", str(out), "--db", str(tmp_path / "lib.db"), tmp_path=tmp_path)
    assert res.returncode == 0, res.stderr
    assert QImage(str(out)).width() >= 1200


def test_startup_probe_opens_and_quits(tmp_path):
    res = _run(
        "--db", str(tmp_path / "lib.db"), "--settings", str(tmp_path / "s.ini"), "--startup-probe",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "shown in" in res.stdout


def test_bad_library_exits_with_message(tmp_path):
    bad = tmp_path / "not-a-library.db"
    bad.write_text("hello")
    res = _run("--db", str(bad), "--screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert res.returncode == 2
    assert "not a Policy Reader library" in res.stderr
