"""Figures for a built binary: its size on disk and how long it takes to show its window.

Start-up is timed from launching the process to the moment the window has been shown:
the app's hidden ``--startup-probe`` flag prints ``shown in N ms`` after the first
frame and quits. Read through a pseudo-terminal (so the line is not held in a pipe
buffer), that line's arrival marks "window shown" from the outside, which includes
the bootloader, unpacking (one-file) and Python's own start. Where no pty exists
(Windows, some containers) the whole run, exit included, is timed instead.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

MB = 1_000_000  # sizes are reported in decimal megabytes, like du -sb / 1e6

PROBE_MARK = b"shown in"


def tree_size(path: Path) -> int:
    """Apparent size in bytes of a file or a folder tree (as ``du -sb`` counts it)."""
    if path.is_file():
        return path.stat().st_size
    total = path.lstat().st_size
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            total += (Path(root) / name).lstat().st_size
    return total


def offscreen_env(home: Path) -> dict[str, str]:
    """Environment for a headless run that cannot touch the user's own data."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["POLICY_READER_DB"] = str(home / "library.db")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    return env


def _until_shown_pty(cmd: list[str], env: dict[str, str]) -> float:
    import pty

    master, slave = pty.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    seen = b""
    shown: float | None = None
    try:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            if shown is None and PROBE_MARK in seen:
                shown = time.perf_counter() - started
    finally:
        os.close(master)
        code = proc.wait(timeout=60)
    if code != 0 or shown is None:
        raise RuntimeError(f"{' '.join(cmd)} exited with {code}: {seen.decode(errors='replace')}")
    return shown


def _until_exit(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=60)
    return time.perf_counter() - started


def time_to_shown(cmd: list[str], runs: int = 5) -> float:
    """Median seconds from starting ``cmd`` to its window being shown (offscreen)."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="policy-reader-probe-") as tmp:
            home = Path(tmp)
            probe = cmd + ["--settings", str(home / "settings.ini"), "--startup-probe"]
            env = offscreen_env(home)
            try:
                samples.append(_until_shown_pty(probe, env))
            except (ImportError, OSError):  # no pty module (Windows) or no pty device
                samples.append(_until_exit(probe, env))
    return statistics.median(samples)


def time_screenshot(cmd: list[str], runs: int = 3) -> float:
    """Median seconds for a whole ``--screenshot`` run (start, render the guide, save, exit)."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="policy-reader-shot-") as tmp:
            home = Path(tmp)
            shot = cmd + ["--screenshot", str(home / "shot.png")]
            samples.append(_until_exit(shot, offscreen_env(home)))
    return statistics.median(samples)
