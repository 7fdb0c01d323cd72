"""Exports and team exchange with 10,000 annotations (medians of 5), with targets:

- all excerpts of one tag, 10,000 of them: <= 50 ms;
- CSV export / Markdown export of 10,000 excerpts (select + write the text): <= 150 ms each;
- Markdown export of 400 excerpts: >= 3x faster than Taguette's HTML export of 400
  highlights (its figure is read from ``bench/taguette.json``, a stored run);
- share-import (validate + merge) of 10,000 annotations into a library holding the
  document: <= 0.5 s.

Run: ``python bench/run.py exchange`` or ``python bench/bench_exchange.py``.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median, median_ms  # noqa: E402

from reader.core.exchange import export_collection, import_files  # noqa: E402
from reader.core.export import select, to_csv, to_json, to_markdown  # noqa: E402
from reader.core.importers import load_document  # noqa: E402
from reader.core.store import Library  # noqa: E402

N = 10_000
SMALL = 400
RUNS = 5
TAGS = [f"topic{i % 20}/sub{i % 7}" for i in range(200)]
EVERY = "reviewed"  # the one tag every excerpt carries


def _populate(lib: Library, doc_id: str, text: str, count: int) -> None:
    rng = random.Random(5)
    with lib.transaction():
        for _ in range(count):
            s = rng.randrange(0, len(text) - 300)
            lib.add_annotation(
                doc_id,
                s,
                s + rng.randint(20, 250),
                tags=[EVERY, *rng.sample(TAGS, 2)],
                note="a note",
                author=rng.choice(["ana", "ben", "chen"]),
            )


def taguette() -> dict:
    """The stored figures of the peer."""
    return json.loads((Path(__file__).resolve().parent / "taguette.json").read_text())


def row(label: str, ms: float, target: str, extra: str = "") -> None:
    """One printed figure next to its target."""
    print(f"  {label:<52} median {ms:8.1f} ms   target {target}{extra}")


def main() -> None:
    """Print the medians next to their targets."""
    corpus = Path(os.environ.get("READER_CORPUS", REPO.parent / "shared" / "corpus"))
    paper = corpus / "policy-paper-lac-2016.txt"
    if not paper.is_file():
        paper = REPO / "tests" / "fixtures" / "trade-policy-paper.txt"
    doc = load_document(paper)
    print(f"exports and exchange ({N:,} annotations on {paper.name}; medians of {RUNS})")
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "a.db")
        lib.add_document(doc)
        _populate(lib, doc.id, doc.text, N)
        count = len(lib.excerpts([EVERY]))
        row(
            f"all excerpts of one tag ({count:,})",
            median_ms(lambda: lib.excerpts([EVERY]), RUNS),
            "<= 50 ms",
        )
        ms = median_ms(lambda: to_csv(select(lib)), RUNS)
        row(f"CSV export of {N:,} excerpts", ms, "<= 150 ms")
        ms = median_ms(lambda: to_markdown(select(lib), "tag"), RUNS)
        row(f"Markdown export of {N:,} excerpts, by tag", ms, "<= 150 ms")
        ms = median_ms(lambda: to_markdown(select(lib), "document"), RUNS)
        row(f"Markdown export of {N:,} excerpts, by document", ms, "<= 150 ms")
        row(f"JSON export of {N:,} excerpts", median_ms(lambda: to_json(select(lib)), RUNS), "-")
        share = Path(tmp) / "share.json"
        share.write_text(json.dumps(export_collection(lib)), encoding="utf-8")
        lib.close()

        small = Library.open(Path(tmp) / "small.db")
        small.add_document(doc)
        _populate(small, doc.id, doc.text, SMALL)
        ms = median_ms(lambda: to_markdown(select(small), "tag"), RUNS * 4)
        peer = taguette()
        theirs = peer["figures"]["export_400_excerpts_ms"]["value"]
        row(
            f"Markdown export of {SMALL} excerpts",
            ms,
            f">= 3x faster than {peer['peer']} ({theirs:.0f} ms: <= {theirs / 3:.1f} ms)",
            f"   [{theirs / ms:.1f}x faster]",
        )
        small.close()

        times = []
        for run in range(RUNS):
            other = Library.open(Path(tmp) / f"b{run}.db")
            other.add_document(doc)
            times.append(median_ms(lambda other=other: import_files(other, [share]), 1))
            assert other.list_documents()[0].annotations == N
            other.close()
        row(f"share-import (merge) of {N:,} annotations", median(times), "<= 500 ms")
        other = Library.open(Path(tmp) / "b0.db")
        ms = median_ms(lambda: import_files(other, [share]), 1)
        row("  the same again (all unchanged)", ms, "-")
        other.close()


if __name__ == "__main__":
    main()
