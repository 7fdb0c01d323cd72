"""Count crashes over a fixed number of mutated files (seeded, so a run can be repeated).

    .venv/bin/python -m tests.fuzz.count                  # 5,205 exchange + 1,000 REFI-QDA
    .venv/bin/python -m tests.fuzz.count --exchange 500 --refiqda 100 --seed 7

A crash is any exception other than our one-line error, or a refusal that changed the
library. The figures (and the first crash of each kind) are printed; the exit code is 1
when anything crashed. The pytest fuzz suite asserts the same with hypothesis.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.exchange import import_files
from reader.core.refiqda import import_codebook, import_project
from reader.core.store import Library
from tests.fuzz.mutators import mutate_exchange, mutate_xml, mutate_zip
from tests.fuzz.sources import attempt, exports, filled_library


def read_then_import(lib: Library, path: Path) -> None:
    """Import a project whole (qdpx-import; a refusal is fine), then its codebook."""
    with contextlib.suppress(ReaderError):
        import_project(lib, path)
    import_codebook(lib, path)


def _tally(name: str, outcomes: list) -> int:
    kinds = Counter(o.kind for o in outcomes)
    crashes = [o for o in outcomes if o.kind == "crashed"]
    print(
        f"{name}: {len(outcomes)} files: {kinds['accepted']} accepted, "
        f"{kinds['refused']} refused with one line, {len(crashes)} crashed"
    )
    causes = Counter(o.detail.split(":")[0] for o in crashes)
    for cause, n in causes.most_common():
        example = next(o.detail for o in crashes if o.detail.startswith(cause))
        print(f"  {n:5d}  {example}")
    return len(crashes)


def main(argv: list[str] | None = None) -> int:
    """Run the counts; 1 when anything crashed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exchange", type=int, default=5205)
    ap.add_argument("--refiqda", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lib = filled_library(folder / "lib.db")
        out = exports(lib, folder)
        bad = folder / "bad"
        results = []
        for _ in range(args.exchange):
            path = bad.with_suffix(".json")
            path.write_bytes(mutate_exchange(out.collection, rnd))
            results.append(attempt(lib, lambda p=path: import_files(lib, [p])))
        crashed = _tally("exchange JSON (share-import)", results)
        results = []
        for i in range(args.refiqda):
            if i % 2:
                path = bad.with_suffix(".qdc")
                path.write_bytes(mutate_xml(out.qdc, rnd))
                results.append(attempt(lib, lambda p=path: import_codebook(lib, p)))
            else:
                path = bad.with_suffix(".qdpx")
                path.write_bytes(mutate_zip(out.qdpx, rnd))
                results.append(attempt(lib, lambda p=path: read_then_import(lib, p)))
        crashed += _tally("codebook and project (.qdc, .qdpx)", results)
        lib.close()
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
