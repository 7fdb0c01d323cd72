"""Codebook import at scale (issue 18, case 6): 8,000 and 50,000 codes.

Targets: a 50,000-code codebook (about 3 MB) imports in <= 5 s, and holds the write
lock (BEGIN IMMEDIATE to COMMIT) <= 1 s, so other writers wait rather than fail.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.refiqda import codebook_xml, import_codebook  # noqa: E402
from reader.core.refiqda.codebook import Code  # noqa: E402
from reader.core.store import Library  # noqa: E402

SIZES = (8_000, 50_000)
TARGET_TOTAL_S, TARGET_LOCK_S = 5.0, 1.0


def codebook(n: int) -> bytes:
    """A codebook of ``n`` codes: 100 top-level codes with descriptions, the rest beneath."""
    tops = [
        Code(f"{t:08x}-0000-4000-8000-{t:012x}", f"topic {t}", f"topic {t}", f"about {t}")
        for t in range(100)
    ]
    for i in range(100, n):
        top = tops[i % 100]
        guid = f"{i:08x}-0000-4000-8000-{i:012x}"
        top.children.append(Code(guid, f"code {i}", f"{top.path}/code {i}", f"what {i} means"))
    return codebook_xml(tops)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            path = Path(tmp) / f"c{n}.qdc"
            path.write_bytes(codebook(n))
            lib = Library.open(Path(tmp) / f"l{n}.db")
            marks: dict[str, float] = {}

            def trace(sql: str, marks: dict[str, float] = marks) -> None:
                if sql.startswith(("BEGIN", "COMMIT")):
                    marks[sql.split()[0]] = time.perf_counter()

            lib.conn.set_trace_callback(trace)
            start = time.perf_counter()
            counts = import_codebook(lib, path)
            total = time.perf_counter() - start
            lock = marks["COMMIT"] - marks["BEGIN"]
            lib.close()
            size = path.stat().st_size / 1e6
            print(
                f"  {n:>6,} codes ({size:.1f} MB): {total:5.2f} s "
                f"(target {TARGET_TOTAL_S:.0f} s), write lock held {lock:.2f} s "
                f"(target {TARGET_LOCK_S:.0f} s); {len(counts.added):,} tags added"
            )


if __name__ == "__main__":
    main()
