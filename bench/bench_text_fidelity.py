"""Outline fidelity for text formats (plain text, Markdown, HTML, Word): heading
precision, recall and F1 against hand-made heading lists, per document and overall.

Documents: ``bench/documents/`` (public-domain texts found in public repositories,
README there) and the real documents in ``../shared/corpus/real/`` (skipped when
absent). Each has a heading list in ``bench/documents/ground/``; the HTML and the Word
file use the corpus's own ``ground.json``. The split is fixed in those files: the
``held-out`` documents were annotated before any tuning and are never tuned on;
``held-out-2`` was a second such group, chosen and annotated by someone who did not
tune the detector. Its review led to fixes of the patterns it missed, so it is now
*studied* (:data:`STUDIED`): printed apart, no longer held out, not in the target.
``held-out-3`` is a third such group (HTML pages with site chrome, a Japanese page,
licence and reStructuredText plain text), annotated before the detector ran on it
(F1 0.509 then); the code was since fixed for its misses, so it is studied as well.
``held-out-4`` is a fourth group, annotated by a measurer who did not touch the detector
(licence texts in French and Spanish, a Spanish decree, FSF and CC pages; F1 0.742
then); the code was since fixed for its misses, so it is studied too.
``held-out-5`` is a fifth group from such a measurer (laws and orders only: U.S. executive
orders as Federal Register HTML and GPO text, a German act and an Azorean decree in
Markdown, a Dutch act in plain text), held out with its target.
Each held-out group is totalled apart, then those still held out together as
``held-out*``.

A heading counts as found when its label and title, compared without case, spaces
and punctuation, equal a ground heading's (each ground heading matches once).
Corpus heading lists keep only a hash of each heading, so no corpus text is copied.

Targets: F1 >= 0.95 on each held-out part not yet studied; both seed corpus documents exact;
Chinese search finds a two-character word in the Chinese rules.
Run: ``python bench/run.py text_fidelity`` or ``python bench/bench_text_fidelity.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.importers import load_document  # noqa: E402
from reader.core.model import Document  # noqa: E402

DOCS = REPO / "bench" / "documents"
GROUND = DOCS / "ground"
HELD_OUT_TARGET = 0.95
# Held-out groups whose misses the code was since fixed for: they say how well those
# fixes work, no longer how well the detector generalises.
STUDIED = frozenset({"held-out-2", "held-out-3", "held-out-4"})
CHINESE_RULES = "zh-spp-xingzheng-susong-jiandu-guize-2016.md"
CHINESE_WORD = "\u76d1\u7763"  # "supervision": two characters, dozens of times in the rules


def corpus_dir() -> Path | None:
    """The shared corpus folder, or None when this clone has none beside it."""
    for c in (os.environ.get("READER_CORPUS"), REPO.parent / "shared" / "corpus"):
        if c and Path(c, "policy-paper-lac-2016.txt").is_file():
            return Path(c)
    return None


def norm(s: str | None) -> str:
    """Case, spaces and punctuation left out; full-width forms folded."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    return "".join(c for c in s if c.isalnum())


def key(label: str | None, title: str | None) -> str:
    """The comparison key of a heading: a short hash of its normalised display."""
    return hashlib.sha1(norm((label or "") + (title or "")).encode()).hexdigest()[:16]


@dataclass
class Case:
    """One document with its reference headings ``(key, level)``."""

    name: str
    path: Path
    split: str
    ground: list[tuple[str, int]]
    title_key: str | None = None
    notes: list[str] = field(default_factory=list)


def _from_ground_file(path: Path, folder: Path) -> Case:
    data = json.loads(path.read_text(encoding="utf-8"))
    heads = [
        (h["key"] if "key" in h else key(h["label"], h["title"]), h["level"])
        for h in data["headings"]
    ]
    title = data.get("title_key") or (key("", data["title"]) if data.get("title") else None)
    name = path.name.removesuffix(".json")
    return Case(name, folder / name, data["split"], heads, title)


def _from_corpus_ground(real: Path) -> list[Case]:
    """The corpus's own reference outlines: HTML h1-h6 and Word heading styles."""
    data = json.loads((real / "ground.json").read_text(encoding="utf-8"))
    cases = []
    for name in ("ietf-rfc9205-bcp56.html", "doj-ust-chapter13-trustee-handbook.docx"):
        heads = [(key("", h["title"]), h["level"]) for h in data[name]["headings"] if h["title"]]
        title = None
        if name.endswith(".html"):  # its one h1 is the document's title, not a section
            title, heads = heads[0][0], [(k, lv - 1) for k, lv in heads[1:]]
        cases.append(Case(name, real / name, "tuned", heads, title))
    return cases


def cases() -> list[Case]:
    """Every document the benchmark can find, tuned ones first."""
    real = corpus_dir()
    found = []
    for path in sorted(GROUND.glob("*.json")):
        data_corpus = json.loads(path.read_text(encoding="utf-8")).get("corpus")
        folder = (real / "real") if data_corpus and real else DOCS
        if data_corpus and real is None:
            continue
        found.append(_from_ground_file(path, folder))
    if real is not None:
        found.extend(_from_corpus_ground(real / "real"))
    return sorted(found, key=lambda c: (c.split != "tuned", c.split, c.name))


def held_out_split(split: str) -> bool:
    """Whether a split still counts as held out (never tuned on, nor fixed for)."""
    return split.startswith("held-out") and split not in STUDIED


def split_name(split: str) -> str:
    """How a split is printed: a studied group is marked."""
    return f"{split}*" if split in STUDIED else split


def predicted(doc: Document) -> list[tuple[str, int]]:
    """The outline as ``(key, level)`` in document order."""
    return [(key(n.label, n.title), n.level) for n in doc.iter_nodes()]


def score(gold: list[tuple[str, int]], pred: list[tuple[str, int]]) -> tuple[int, int, int, int]:
    """``(true positives, predicted, reference, right level)`` for one document."""
    tp = sum((Counter(k for k, _ in gold) & Counter(k for k, _ in pred)).values())
    levels = {}
    for k, lv in gold:
        levels.setdefault(k, lv)
    right = sum(1 for k, lv in pred if levels.get(k) == lv)
    return tp, len(pred), len(gold), min(right, tp)


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 each when both lists are empty)."""
    p = tp / n_pred if n_pred else float(n_gold == 0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def seed_documents_exact(corpus: Path) -> tuple[bool, str]:
    """Whether the two seed documents' outlines are exactly what the tests state of
    them (tests/papers.py)."""
    from tests.papers import CORPUS_NEWS, CORPUS_PAPER

    paper = load_document(corpus / CORPUS_PAPER.name)
    news = load_document(corpus / CORPUS_NEWS.name)
    top = [(n.label, n.title) for n in paper.outline]
    fields = [(f.label, f.title, len(f.children)) for f in paper.outline[-1].children]
    ok_paper = top == CORPUS_PAPER.top and fields == CORPUS_PAPER.fields
    ok_news = news.outline == []
    return ok_paper and ok_news, f"paper {'exact' if ok_paper else 'DIFFERS'}, news " + (
        "exact" if ok_news else "DIFFERS"
    )


def chinese_search(corpus: Path) -> tuple[bool, str]:
    """Import the Chinese rules into a scratch library and search a two-character word."""
    from reader.core.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.db")
        try:
            lib.add_document(load_document(corpus / "real" / CHINESE_RULES))
            hits = lib.search(CHINESE_WORD)
        finally:
            lib.close()
    return bool(hits), f"{len(hits)} hit(s) for a two-character word"


def main(argv: list[str] | None = None) -> None:
    """Print per-document and overall figures next to the targets.

    ``--tuned`` prints only the tuned part (what to look at while working on the code).
    """
    args = sys.argv[1:] if argv is None else argv
    only_tuned = "--tuned" in args
    totals: dict[str, list[int]] = {}
    print(
        f"{'document':52} {'split':12} {'ref':>4} {'got':>4} {'P':>5} {'R':>5} {'F1':>5} lvl title"
    )
    for case in cases():
        if only_tuned and case.split != "tuned":
            continue
        doc = load_document(case.path)
        tp, n_pred, n_gold, right = score(case.ground, predicted(doc))
        p, r, f = f1(tp, n_pred, n_gold)
        lvl = f"{right / tp:4.0%}" if tp else "   -"
        title = (
            "-"
            if case.title_key is None
            else ("ok" if key("", doc.title) == case.title_key else "no")
        )
        print(
            f"{case.name[:52]:52} {split_name(case.split):12} {n_gold:4} {n_pred:4} "
            f"{p:5.2f} {r:5.2f} {f:5.2f} {lvl} {title}"
        )
        acc = totals.setdefault(case.split, [0, 0, 0])
        for i, v in enumerate((tp, n_pred, n_gold)):
            acc[i] += v
    held_out = [v for k, v in totals.items() if held_out_split(k)]
    if len(held_out) > 1:
        totals["held-out*"] = [sum(col) for col in zip(*held_out, strict=True)]
    for split, (tp, n_pred, n_gold) in totals.items():
        p, r, f = f1(tp, n_pred, n_gold)
        target = (
            f"   target F1 >= {HELD_OUT_TARGET}: " + ("ok" if f >= HELD_OUT_TARGET else "MISSED")
            if held_out_split(split)
            else "   * studied: fixed for its misses, no longer held out"
            if split in STUDIED
            else ""
        )
        print(f"overall {split_name(split):12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}{target}")
    corpus = corpus_dir()
    if corpus is None:
        print("seed corpus documents: skipped (no ../shared/corpus)")
        return
    ok, what = seed_documents_exact(corpus)
    print(f"seed corpus documents exact: {what}   target exact: {'ok' if ok else 'MISSED'}")
    ok, what = chinese_search(corpus)
    print(f"Chinese search in the Chinese rules: {what}   target found: {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
