"""Median wall time of a callable or a whole process: what every benchmark prints."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass


def median_seconds(fn: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of ``fn`` over ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    return median_seconds(fn, runs) * 1000


@dataclass
class Run:
    """One finished child process: wall seconds from just before it was started, its
    peak resident set (MiB, from the kernel's accounting) and what it printed."""

    wall: float
    peak_mib: float
    out: str
    started_epoch: float


def run_process(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``args`` to the end and measure it (stderr passes through).

    The peak RSS is the command's own: taken by ``/usr/bin/time`` where it exists,
    because a child forked from this (large) process counts this process's pages in
    its peak until it execs, which is what the kernel's ``ru_maxrss`` reports."""
    timer = shutil.which("time", path="/usr/bin:/bin")
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        command = [timer, "-f", "%M", "-o", peak.name, *args] if timer else args
        started_epoch = time.time()
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
        out = proc.stdout.read() if proc.stdout else ""
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code:
            raise RuntimeError(f"{' '.join(args)} exited {code}:\n{out}")
        kib = int(peak.read().split()[-1]) if timer else usage.ru_maxrss
    return Run(wall, kib / 1024, out, started_epoch)


def median(values: list[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)
