"""Comparing two editions: align two ~1 MB papers of 500 sections each, and word-diff.

Target: ``align`` <= 1 s (median of 3). Paper B is an edited copy of paper A: 5% of
words changed, some sections reordered, renamed, removed or added. Also timed: one
word diff of the two whole texts (1 MB against 1 MB), the worst case a pair can be.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.text_edits import mutate  # noqa: E402
from reader.core.compare import align, word_diff  # noqa: E402
from reader.core.compare.model import SECTION, Unit  # noqa: E402
from reader.core.importers import parse_text  # noqa: E402

PARTS, FIELDS, SECTIONS = 5, 10, 10  # 500 sections
SECTION_CHARS = 2000
ROMAN = ["I", "II", "III", "IV", "V", "VI"]
TARGET_S = 1.0


def vocabulary(rng: random.Random, n: int = 8000) -> list[str]:
    letters = "abcdefghijklmnoprstuvw"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(n)]


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    picked = rng.choices(words, weights, k=rng.randint(8, 25))
    return " ".join(picked).capitalize() + "."


def body(rng: random.Random, words: list[str], weights: list[float]) -> str:
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < SECTION_CHARS:
        out.append(sentence(rng, words, weights))
    return " ".join(out)


def editions(seed: int = 1) -> tuple[str, str]:
    """Paper A and an edited paper B, as plain text."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]  # Zipf-like
    titled = words[200:]  # titles use topical (not very frequent) words
    a_lines = ["Generated Policy Paper", "", "2016/11/24", ""]
    b_lines = ["Generated Policy Paper (Revised)", "", "2020/01/15", ""]
    for p in range(PARTS):
        for lines in (a_lines, b_lines):
            lines += [f"Part {ROMAN[p]} {' '.join(rng.sample(titled, 3)).title()}", ""]
        for f in range(FIELDS):
            field_title = " ".join(rng.sample(titled, 2)).title()
            a_lines += [f"{f + 1}. {field_title}", ""]
            b_lines += [f"{f + 1}. {field_title}", ""]
            sections = [
                (" ".join(rng.sample(titled, rng.randint(1, 4))).title(), body(rng, words, weights))
                for _ in range(SECTIONS)
            ]
            for n, (title, text) in enumerate(sections, 1):
                a_lines += [f"({n}) {title}", "", text, ""]
            edited = [s for s in sections if rng.random() > 0.05]  # 5% removed
            if rng.random() < 0.5:  # reorder two sections
                i, j = rng.sample(range(len(edited)), 2)
                edited[i], edited[j] = edited[j], edited[i]
            if rng.random() < 0.5:  # one added
                edited.append(("New " + rng.choice(titled).title(), body(rng, words, weights)))
            for n, (title, text) in enumerate(edited, 1):
                if rng.random() < 0.1:  # renamed
                    title = f"{title} and {rng.choice(titled).title()}"
                b_lines += [f"({n}) {title}", "", mutate(text, rate=0.05, seed=rng.random())[0], ""]
    return "\n".join(a_lines), "\n".join(b_lines)


def whole(doc) -> Unit:  # noqa: ANN001
    return Unit("all", SECTION, 0, len(doc.text), 0, None, doc.title, "")


def main() -> None:
    text_a, text_b = editions()
    doc_a, doc_b = parse_text(text_a), parse_text(text_b)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        result = align(doc_a, doc_b)
        times.append(time.perf_counter() - t)
    print(
        f"align: {len(text_a) / 1e6:.2f} MB x {len(text_b) / 1e6:.2f} MB, "
        f"{len({p.a.key for p in result.pairs}) + len(result.only_a)} x "
        f"{len({p.b.key for p in result.pairs}) + len(result.only_b)} sections: "
        f"median {statistics.median(times) * 1e3:.0f} ms (target <= {TARGET_S * 1e3:.0f} ms); "
        f"{len(result.pairs)} pairs, {len(result.only_a)} only in A, {len(result.only_b)} only in B"
    )
    diffs = []
    for _ in range(3):
        t = time.perf_counter()
        ops = word_diff(doc_a, whole(doc_a), doc_b, whole(doc_b))
        diffs.append(time.perf_counter() - t)
    print(
        f"word_diff of the whole texts (1 MB x 1 MB): median {statistics.median(diffs):.2f} s, "
        f"{len(ops)} ops"
    )
    pair = result.pairs[len(result.pairs) // 2]
    t = time.perf_counter()
    for _ in range(20):
        word_diff(doc_a, pair.a, doc_b, pair.b)
    print(f"word_diff of one aligned section pair: {(time.perf_counter() - t) / 20 * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
