"""Parse + outline timings: the 2016 corpus paper and a generated 10 MB document.

Targets: corpus paper <= 20 ms; 10 MB <= 1 s with peak memory <= 300 MB.
Run: ``python bench/run.py`` (all benchmarks) or ``python bench/bench_parse.py``.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_ms  # noqa: E402

from reader.core.importers import load_document, parse_bytes  # noqa: E402

WORDS = [
    "cooperation",
    "development",
    "trade",
    "investment",
    "policy",
    "region",
    "partnership",
    "security",
    "exchange",
    "finance",
    "energy",
    "culture",
    "education",
    "climate",
    "governance",
    "the",
    "of",
    "and",
    "in",
    "to",
    "with",
    "on",
    "for",
    "will",
    "shall",
    "countries",
    "both",
    "sides",
    "further",
    "strengthen",
    "promote",
]


def generate(size: int, seed: int = 1) -> str:
    """A synthetic policy paper of about ``size`` characters with parts and sections."""
    rng = random.Random(seed)
    out: list[str] = ["Home > Papers > Generated\n\nA Generated Policy Paper\n\n2020/01/02\n\n"]
    total = 0
    part = 0
    while total < size:
        part += 1
        out.append(f"Part {part} {rng.choice(WORDS).title()} {rng.choice(WORDS).title()}\n\n")
        for field in range(1, 9):
            out.append(f"{field}. In the {rng.choice(WORDS).title()} Field\n\n")
            for sec in range(1, 7):
                out.append(f"({sec}) {rng.choice(WORDS).title()} {rng.choice(WORDS).title()}\n\n")
                for _ in range(2):
                    sentences = []
                    for _ in range(rng.randint(3, 7)):
                        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
                        sentences.append(" ".join(words).capitalize() + ".")
                    para = " ".join(sentences) + "\n\n"
                    out.append(para)
                    total += len(para)
    out.append("Copyright 2020 Ministry of Generated Affairs\n")
    return "".join(out)


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
