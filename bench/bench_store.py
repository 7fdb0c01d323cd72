"""Library timings with 1,000 imported papers and 10,000 annotations over ~200 tags.

Targets: one annotation insert <= 5 ms, ``excerpts --tag`` <= 50 ms, ``search``
<= 50 ms, library open <= 100 ms. Each figure is the median of several runs.
Run: ``python bench/run.py store`` or ``python bench/bench_store.py``.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_ms  # noqa: E402

from reader.core.importers import parse_text  # noqa: E402
from reader.core.store import Library  # noqa: E402

PAPERS = 1000
ANNOTATIONS = 10_000
TOPICS = 20  # top-level tags, each with SUBTOPICS sub-tags: 200 leaf tags
SUBTOPICS = 10
SEARCHES = [
    ("financial", "a topic word"),
    ("cooperation", "the commonest content word"),
    ('"financial cooperation"', "a phrase"),
    ("centr*", "a prefix"),
    ("the", "worst case: a word in nearly every paragraph"),
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def vocabulary() -> tuple[list[str], list[float]]:
    """Words to write with and their weights: the corpus paper's words as often as
    it uses them (so "the" is common and "cooperation" fairly so), else a small list."""
    corpus = Path(os.environ.get("READER_CORPUS", REPO.parent / "shared" / "corpus"))
    paper = corpus / "policy-paper-lac-2016.txt"
    if paper.is_file():
        counts = Counter(re.findall(r"[a-z]+", paper.read_text(encoding="utf-8").lower()))
        words = sorted(counts)
        return words, [float(counts[w]) for w in words]
    words = ["the", "of", "and", "to", "trade", "finance", "energy", "climate", "policy"]
    return words, [1 / (i + 1) for i in range(len(words))]


def generate_paper(rng: random.Random, words: list[str], weights: list[float], n: int) -> str:
    """A synthetic paper of 10-40 KB: title, date, Parts, numbered fields, sections."""

    def sentence() -> str:
        return " ".join(rng.choices(words, weights, k=rng.randint(8, 28))).capitalize() + "."

    def heading() -> str:
        return " ".join(w.title() for w in rng.choices(words, weights, k=rng.randint(2, 5)))

    out = [
        f"Paper {n}: {heading()}\n\n{rng.randint(2000, 2025)}/0{rng.randint(1, 9)}/1{n % 10}\n\n"
    ]
    out.append("Preface\n\n" + " ".join(sentence() for _ in range(5)) + "\n\n")
    target = rng.randint(10_000, 40_000)
    size = 0
    for part in ROMAN[: rng.randint(2, 6)]:
        out.append(f"Part {part} {heading()}\n\n")
        for field in range(1, rng.randint(2, 5)):
            out.append(f"{field}. In the {heading()} Field\n\n")
            for sec in range(1, rng.randint(2, 6)):
                out.append(f"({sec}) {heading()}\n\n")
                for _ in range(rng.randint(1, 3)):
                    para = " ".join(sentence() for _ in range(rng.randint(2, 6))) + "\n\n"
                    out.append(para)
                    size += len(para)
        if size > target:
            break
    return "".join(out)


def build(path: Path) -> tuple[list[str], list[str]]:
    """Fill a library at ``path``; returns the document ids and the leaf tags."""
    rng = random.Random(7)
    words, weights = vocabulary()
    tags = [f"topic{t:02d}/sub{s:02d}" for t in range(TOPICS) for s in range(SUBTOPICS)]
    doc_ids = []
    lengths = {}
    with Library.open(path) as lib:
        for n in range(PAPERS):
            doc = parse_text(generate_paper(rng, words, weights, n), filename=f"paper-{n}.txt")
            info, _ = lib.add_document(doc)
            doc_ids.append(info.id)
            lengths[info.id] = info.length
        with lib.transaction():  # setup speed only; the timed inserts commit one by one
            for _ in range(ANNOTATIONS):
                doc_id = rng.choice(doc_ids)
                start = rng.randrange(lengths[doc_id] - 300)
                lib.add_annotation(
                    doc_id,
                    start,
                    start + rng.randint(20, 300),
                    note=" ".join(rng.choices(words, weights, k=rng.randint(0, 12))),
                    author=rng.choice(["ana", "bo", "chen", None]),
                    tags=rng.sample(tags, rng.randint(1, 3)),
                )
    return doc_ids, tags


def row(label: str, ms: float, target: float | None = None, extra: str = "") -> None:
    """One printed figure."""
    goal = f"target <= {target:.0f} ms" if target else ""
    print(f"  {label:<44} median {ms:7.2f} ms   {goal}{extra}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.db"
        started = time.perf_counter()
        doc_ids, tags = build(path)
        size_mb = path.stat().st_size / 1e6
        print(
            f"library: {PAPERS} papers, {ANNOTATIONS} annotations, {len(tags)} leaf tags, "
            f"{size_mb:.0f} MB, built in {time.perf_counter() - started:.0f} s"
        )
        row("library open (+ close)", median_ms(lambda: Library.open(path).close(), 20), 100)
        with Library.open(path) as lib:
            rng = random.Random(1)

            def insert() -> None:
                doc_id = rng.choice(doc_ids)
                lib.add_annotation(doc_id, 100, 180, note="a fresh note", tags=[tags[5], "new"])

            row("insert one annotation (own transaction)", median_ms(insert, 200), 5)
            for tag in ("topic03", "topic03/sub04"):
                count = len(lib.excerpts([tag]))
                ms = median_ms(lambda tag=tag: lib.excerpts([tag]), 20)
                row(f"excerpts --tag {tag}", ms, 50, f"   ({count} excerpts)")
            ms = median_ms(lambda: lib.excerpts(["topic03"], author="ana"), 20)
            row("excerpts --tag topic03 --author ana", ms, 50)
            for query, what in SEARCHES:
                ms = median_ms(lambda query=query: lib.search(query), 20)
                row(f"search {query}", ms, 50, f"   ({what})")
            row("tags (tree with counts)", median_ms(lib.tag_tree, 10))
            row("docs (list with counts)", median_ms(lib.list_documents, 10))
        fresh = median_ms(
            lambda: subprocess.run(
                [
                    sys.executable,
                    str(REPO / "main.py"),
                    "--db",
                    str(path),
                    "excerpts",
                    "--tag",
                    "topic03/sub04",
                ],
                check=True,
                capture_output=True,
            ),
            5,
        )
        row("CLI excerpts --tag, fresh process (info)", fresh)


if __name__ == "__main__":
    main()
