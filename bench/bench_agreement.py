"""Intercoder agreement: 3 coders on a generated 1 MB document.

The document has about 8,000 clauses under Parts and sections; each coder has
about 2,000 annotations over 20 tags (some of them sub-tags), mostly on the same
clauses as the others, with a share of disagreements, highlights of a phrase and
highlights spanning two clauses. Target: agreement (table and disagreement list)
<= 500 ms, median of 5. Also timed: the same through the library (loading the
document and its tagged annotations first), as the CLI and the window do it.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_seconds  # noqa: E402

from reader.core.analysis.agreement import compute_agreement, document_agreement  # noqa: E402
from reader.core.importers import parse_text  # noqa: E402
from reader.core.model import Document  # noqa: E402
from reader.core.store import Library  # noqa: E402

TARGET = 0.5
CODERS = ("ana", "ben", "chen")
TAGS = [f"topic{i}" for i in range(14)] + [f"topic{i}/detail" for i in range(6)]
WORDS = [
    *[
        "cooperation",
        "trade",
        "investment",
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "for",
        "will",
        "countries",
        "development",
    ],
    *[
        "support",
        "exchange",
        "policy",
        "regional",
        "framework",
        "mutual",
        "benefit",
        "strengthen",
        "promote",
    ],
]


def generate_text(target_chars: int = 1_000_000, seed: int = 1) -> str:
    """A policy-paper-like text: Parts, numbered sections, paragraphs of sentences."""
    rng = random.Random(seed)
    out = ["A Generated Policy Paper\n\n"]
    size, part, section = 0, 0, 0
    while size < target_chars:
        if section % 20 == 0:
            part += 1
            out.append(f"Part {part} Cooperation in Field {part}\n\n")
        section += 1
        out.append(f"{section % 20 + 1}. Section {section}\n\n")
        for _ in range(6):
            sentences = []
            for _ in range(4):
                words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
                sentences.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
            paragraph = " ".join(sentences)
            out.append(paragraph + "\n\n")
            size += len(paragraph) + 2
    return "".join(out)


def coded_annotations(doc: Document, per_coder: int = 2000, seed: int = 2) -> list[tuple]:
    """(author, start, end, tags): shared codings that each coder mostly follows."""
    rng = random.Random(seed)
    clauses = doc.clauses
    shared = [
        (rng.randrange(len(clauses)), rng.sample(TAGS, rng.randint(1, 2))) for _ in range(per_coder)
    ]
    out = []
    for coder in CODERS:
        for k, tags in shared:
            if rng.random() < 0.2:  # this coder sees it differently
                k, tags = rng.randrange(len(clauses)), [rng.choice(TAGS)]
            c = clauses[k]
            roll = rng.random()
            if roll < 0.1 and c.end - c.start > 20:  # a key phrase
                s = rng.randrange(c.start, c.end - 10)
                start, end = s, s + 10
            elif roll < 0.15 and k + 1 < len(clauses):  # two clauses at once
                start, end = c.start, clauses[k + 1].end
            else:
                start, end = c.start, c.end
            out.append((coder, start, end, tags))
    return out


def main() -> None:
    doc = parse_text(generate_text(), filename="generated.txt")
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.db")
        lib.add_document(doc)
        with lib.transaction():
            for author, start, end, tags in coded_annotations(doc):
                lib.add_annotation(doc.id, start, end, author=author, tags=tags)
        anns = lib.tagged_annotations(doc.id)
        report = compute_agreement(doc, anns)
        print(
            f"document: {len(doc.text) / 1e6:.2f} MB, {len(doc.clauses)} clauses; "
            f"{len(anns)} annotations by {len(report.coders)} coders, {len(report.tags)} tags; "
            f"{len(report.disagreements)} disagreements, overall alpha {report.overall.alpha:.3f}"
        )
        compute = median_seconds(lambda: compute_agreement(doc, anns))
        print(
            f"agreement (table + disagreements): {compute * 1000:.0f} ms "
            f"(target <= {TARGET * 1000:.0f} ms)"
        )
        stored = median_seconds(lambda: document_agreement(lib, doc.id))
        print(
            "  through the library (load document + annotations, then agree): "
            f"{stored * 1000:.0f} ms"
        )
        lib.close()


if __name__ == "__main__":
    main()
