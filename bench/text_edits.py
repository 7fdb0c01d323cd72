"""Make a lightly revised copy of a text, tracking where each original character went.

Used by the re-anchoring benchmark and tests: a fraction of the words are replaced,
deleted, or get a word inserted after them, and white space is sometimes re-flowed.
"""

from __future__ import annotations

import random
import re

_WORD_RE = re.compile(r"\S+|\s+")
FILLERS = ["further", "notably", "jointly", "new", "broad", "key", "regional", "various"]


def mutate(text: str, rate: float = 0.05, seed: int = 0) -> tuple[str, list[int]]:
    """Edit about ``rate`` of the words of ``text``.

    Returns the new text and ``where``: for each original offset (and one past the end)
    the offset in the new text where that character, or what replaced it, now stands.
    """
    rng = random.Random(seed)
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _WORD_RE.finditer(text):
        tok = m.group()
        if tok.isspace():
            new = tok
            if rng.random() < rate / 2 and "\n\n" not in tok:
                new = "  " if tok == " " else " "  # re-flowed white space
            where.extend([pos] * len(tok))
        else:
            r = rng.random()
            if r < rate * 0.6:  # replaced by a different word
                new = rng.choice(FILLERS) if tok.isalpha() else tok[::-1] + "x"
                where.extend([pos] * len(tok))
            elif r < rate * 0.8:  # deleted
                new = ""
                where.extend([pos] * len(tok))
            elif r < rate:  # a word inserted before it
                filler = rng.choice(FILLERS) + " "
                new = filler + tok
                where.extend(range(pos + len(filler), pos + len(new)))
            else:
                new = tok
                where.extend(range(pos, pos + len(tok)))
        out.append(new)
        pos += len(new)
    where.append(pos)
    return "".join(out), where
