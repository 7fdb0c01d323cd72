"""Parse + outline timings: the 2016 corpus paper and a generated 10 MB document.

Targets: corpus paper <= 20 ms; 10 MB <= 1 s with peak memory <= 300 MB.
Run: ``python bench/run.py`` (all benchmarks) or ``python bench/bench_parse.py``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_document import generate  # noqa: E402
from timing import median_ms  # noqa: E402

from reader.core.importers import load_document, parse_bytes  # noqa: E402


def _child_big(size: int) -> None:
    """Run in a fresh process so that peak RSS is this parse's own."""
    data = generate(size).encode("utf-8")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    doc = parse_bytes(data, "text", "big.txt")
    elapsed = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nodes = len(doc.iter_nodes())
    print(f"{elapsed:.3f} {peak / 1024:.0f} {(peak - base) / 1024:.0f} {nodes} {len(doc.clauses)}")


def main() -> None:
    corpus = Path(os.environ.get("READER_CORPUS", REPO.parent / "shared" / "corpus"))
    paper = corpus / "policy-paper-lac-2016.txt"
    print("parse + outline")
    if paper.is_file():
        load_document(paper)  # warm imports and regex caches
        ms = median_ms(lambda: load_document(paper), 30)
        print(f"  2016 corpus paper (41 KB)        median {ms:7.1f} ms   target <= 20 ms")
    else:
        print("  2016 corpus paper: corpus not found, skipped")
    size = 10 * 1024 * 1024
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        runs.append(out)
    secs = statistics.median(float(r[0]) for r in runs)
    peak = max(float(r[1]) for r in runs)
    print(
        f"  generated 10 MB ({runs[0][3]} sections, {runs[0][4]} clauses)"
        f"  median {secs * 1000:7.0f} ms   target <= 1000 ms"
    )
    print(
        f"  generated 10 MB peak RSS         {peak:7.0f} MB   target <= 300 MB "
        "(whole process, incl. the generated input)"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child_big(int(sys.argv[2]))
    else:
        main()
