"""Median wall time of a callable or a whole process: what every benchmark prints."""

from __future__ import annotations

import os
import statistics
import subprocess
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
    """Run ``args`` to the end and measure it (stderr passes through)."""
    started_epoch = time.time()
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    out = proc.stdout.read() if proc.stdout else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}:\n{out}")
    return Run(wall, usage.ru_maxrss / 1024, out, started_epoch)


def median(values: list[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)
