"""Tag statistics and co-occurrence over 10,000 annotations with 200 tags.

Target (issue 9): statistics + co-occurrence together <= 200 ms. Timed with the
data already read (the computation alone) and with the store read (what the CLI
and the statistics window do), median of 5 runs each.
Run: ``python bench/run.py statistics`` or ``python bench/bench_statistics.py``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from bench_store import generate_paper, median_ms, row, vocabulary  # noqa: E402

from reader.core.analysis.cooccurrence import cooccurrence  # noqa: E402
from reader.core.analysis.statistics import tag_statistics  # noqa: E402
from reader.core.importers import parse_text  # noqa: E402
from reader.core.store import Library  # noqa: E402

PAPERS = 40
ANNOTATIONS = 10_000
TOPICS = 20  # top-level tags with SUBTOPICS sub-tags each: 200 leaf tags
SUBTOPICS = 10
TARGET_MS = 200
RUNS = 5


def build(path: Path) -> int:
    """A library of PAPERS papers with ANNOTATIONS annotations by three authors;
    returns the number of leaf tags used."""
    rng = random.Random(9)
    words, weights = vocabulary()
    tags = [f"topic{t:02d}/sub{s:02d}" for t in range(TOPICS) for s in range(SUBTOPICS)]
    with Library.open(path) as lib:
        lengths = {}
        for n in range(PAPERS):
            doc = parse_text(generate_paper(rng, words, weights, n), filename=f"paper-{n}.txt")
            info, _ = lib.add_document(doc)
            lengths[info.id] = info.length
        doc_ids = list(lengths)
        with lib.transaction():
            for _ in range(ANNOTATIONS):
                doc_id = rng.choice(doc_ids)
                start = rng.randrange(lengths[doc_id] - 300)
                lib.add_annotation(
                    doc_id,
                    start,
                    start + rng.randint(20, 300),
                    author=rng.choice(["ana", "bo", "chen"]),
                    tags=rng.sample(tags, rng.randint(1, 3)),
                )
    return len(tags)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.db"
        started = time.perf_counter()
        leaf_tags = build(path)
        print(
            f"library: {PAPERS} papers, {ANNOTATIONS} annotations, {leaf_tags} leaf tags, "
            f"built in {time.perf_counter() - started:.0f} s"
        )
        with Library.open(path) as lib:
            data = lib.coding_data()
            report = tag_statistics(data)
            matrix = cooccurrence(data)
            print(
                f"  {len(report.tags)} tags with parents, {len(report.sections)} sections, "
                f"{len(matrix.pairs())} co-occurring pairs (max {matrix.maximum})"
            )
            row("read (Library.coding_data)", median_ms(lib.coding_data, RUNS))
            row("tag statistics", median_ms(lambda: tag_statistics(data), RUNS))
            row("co-occurrence (leaf tags)", median_ms(lambda: cooccurrence(data), RUNS))
            row(
                "co-occurrence (rolled up to depth 1)",
                median_ms(lambda: cooccurrence(data, 1), RUNS),
            )
            both = median_ms(lambda: (tag_statistics(data), cooccurrence(data)), RUNS)
            row("statistics + co-occurrence", both, TARGET_MS)

            def with_read() -> None:
                fresh = lib.coding_data()
                tag_statistics(fresh)
                cooccurrence(fresh)

            row("read + statistics + co-occurrence", median_ms(with_read, RUNS), TARGET_MS)


if __name__ == "__main__":
    main()
