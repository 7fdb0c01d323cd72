"""Generated inputs shared by the benchmarks: a synthetic policy paper of any size and
a library holding one document with many highlights.

The generated text has what the importers look for in real papers (a title, a date,
"Part N" chapters, numbered fields and "(n)" sections), so the outline is as deep as
a real one; the same seed gives the same text.
"""

from __future__ import annotations

import random
from pathlib import Path

BIG = 10 * 1024 * 1024  # "a 10 MB document"
HIGHLIGHTS = 10_000
COLORS = ["yellow", "green", "blue", "pink", "orange"]

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


def write_big(folder: Path, size: int = BIG) -> Path:
    """Write the generated document of ``size`` characters as ``big.txt`` in ``folder``."""
    path = folder / "big.txt"
    path.write_text(generate(size), encoding="utf-8")
    return path


def add_highlights(library: object, document_id: str, length: int, count: int) -> None:
    """``count`` highlights of 10-300 characters spread over the document, in colours."""
    rng = random.Random(3)
    with library.transaction():  # type: ignore[attr-defined]
        for _ in range(count):
            start = rng.randrange(0, length - 400)
            library.add_annotation(  # type: ignore[attr-defined]
                document_id, start, start + rng.randint(10, 300), color=rng.choice(COLORS)
            )
