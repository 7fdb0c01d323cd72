"""Command-line figures, each a whole fresh process (medians of 5), with targets:

- one CLI call (``annotate``, ``docs``, ``outline`` of the 41 KB paper): <= 0.1 s more
  than a bare interpreter start (``python -c pass``), run in turn with it, pair by pair;
- ``import`` and ``outline`` of a generated 10 MB document: <= 1 s each.

Run: ``python bench/run.py cli`` or ``python bench/bench_cli.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from bench_ui import paper  # noqa: E402
from big_document import write_big  # noqa: E402
from timing import median, run_process  # noqa: E402

RUNS = 5
MAIN = [sys.executable, str(REPO / "main.py")]
BARE = [sys.executable, "-c", "pass"]


def over_bare(args: list[str]) -> tuple[float, float]:
    """Median extra seconds of ``main.py ARGS`` over a bare start (paired), and the
    median of the call itself."""
    run_process(BARE), run_process([*MAIN, *args])  # warm-up
    extra, alone = [], []
    for _ in range(RUNS):
        bare = run_process(BARE).wall
        call = run_process([*MAIN, *args]).wall
        extra.append(call - bare)
        alone.append(call)
    return median(extra), median(alone)


def row(label: str, value: str, target: str, extra: str = "") -> None:
    """One printed figure next to its target."""
    print(f"  {label:<58} {value:>12}   target {target}{extra}")


def main() -> None:
    """Print the medians next to their targets."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = str(tmp / "cli.db")
        run_process([*MAIN, "--db", db, "import", str(paper())])
        bare = median([run_process(BARE).wall for _ in range(RUNS)])
        print(f"command line (fresh processes; medians of {RUNS} runs)")
        print(f"  bare interpreter start {bare * 1000:.0f} ms")
        calls = {
            "annotate": [
                "--db",
                db,
                "annotate",
                "Latin",
                "--quote",
                "Caribbean",
                "--occurrence",
                "2",
            ],
            "docs": ["--db", db, "docs"],
            "outline (41 KB paper)": ["outline", str(paper())],
        }
        if "Latin" not in paper().read_text(encoding="utf-8"):
            calls["annotate"][3:6] = ["Valdoria", "--quote", "Valdoria"]
        for name, args in calls.items():
            extra, alone = over_bare(args)
            row(
                f"one CLI call: {name}",
                f"+{extra * 1000:.0f} ms",
                "<= +100 ms",
                f"   [{alone * 1000:.0f} ms]",
            )
        big = write_big(tmp)
        run_process([*MAIN, "outline", str(big)])  # warm the OS file cache
        outline = [run_process([*MAIN, "outline", str(big)]) for _ in range(RUNS)]
        imports = [
            run_process([*MAIN, "--db", str(tmp / f"big{k}.db"), "import", str(big)])
            for k in range(RUNS)
        ]
        for name, runs in (("outline", outline), ("import", imports)):
            row(
                f"{name} a generated 10 MB document",
                f"{median([r.wall for r in runs]) * 1000:.0f} ms",
                "<= 1000 ms",
                f"   [peak RSS {median([r.peak_mib for r in runs]):.0f} MiB]",
            )


if __name__ == "__main__":
    main()
