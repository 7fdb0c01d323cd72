"""Run every benchmark: each ``bench/bench_*.py`` module's ``main()``, in name order.

Usage: ``python bench/run.py [NAME ...]`` (names like ``store`` or ``bench_store``
pick some modules; none runs them all).
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def modules(names: list[str]) -> list[Path]:
    """The benchmark files to run, optionally only those named."""
    found = sorted(BENCH.glob("bench_*.py"))
    if not names:
        return found
    wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in names}
    return [p for p in found if p.stem in wanted]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; returns 1 if a name matched nothing."""
    names = sys.argv[1:] if argv is None else argv
    paths = modules(names)
    if not paths:
        print(f"no benchmark named {' '.join(names)}", file=sys.stderr)
        return 1
    for path in paths:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module  # dataclasses look their module up while defined
        spec.loader.exec_module(module)
        started = time.perf_counter()
        print(f"== {path.stem}")
        module.main()
        print(f"   ({time.perf_counter() - started:.0f} s)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
