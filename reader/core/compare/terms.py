"""Words as comparable terms, and sparse TF-IDF cosine between many texts at once.

Aligning two 500-section documents compares 250,000 pairs; this module never visits
them one by one. Each text becomes a sparse vector of stemmed terms, and dot products
are accumulated through an inverted index, so only pairs sharing a term cost anything.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+")
# Function words, and the words every policy text repeats, carry no topic.
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its itself just me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then
    there these they this those through to too under until up upon very was we were what
    when where which while who whom why will with would you your shall may might must
    said says say"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
# Longest first, so "ations" is tried before "s"; (suffix, replacement).
_SUFFIXES = (
    ("ational", "ate"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ements", ""),
    ("ement", ""),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ity", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
)
MIN_STEM = 3
# Dot products use each text's strongest terms only: weak (common) terms add little to a
# cosine but make the inverted index quadratic. The norm still counts every term.
TOP_TERMS = 64

Vector = dict[str, float]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, consistent English stem: ``exchanges`` and ``exchange`` -> ``exchange``."""
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)] + replacement
            break
    # "cooperate" (from "cooperation") and "cooperat..." meet at one form.
    return word[:-1] if word.endswith("e") and len(word) > MIN_STEM + 1 else word


def terms(text: str) -> list[str]:
    """The stemmed content words of ``text``, in order (stop words and numbers dropped)."""
    out = []
    for word in WORD_RE.findall(text):
        low = word.lower()
        if len(low) < 2 or low in STOP_WORDS or low.isdigit():
            continue
        out.append(stem(low))
    return out


def idf_weights(term_lists: list[list[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term over ``term_lists``."""
    df: Counter[str] = Counter()
    for ts in term_lists:
        df.update(set(ts))
    n = len(term_lists)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def tfidf_vector(ts: list[str], idf: dict[str, float], top_terms: int | None = TOP_TERMS) -> Vector:
    """Unit-length TF-IDF vector (sublinear tf) of the terms ``ts``, pruned to ``top_terms``."""
    counts = Counter(ts)
    vec = {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    if not norm:
        return {}
    if top_terms is not None and len(vec) > top_terms:
        vec = dict(sorted(vec.items(), key=lambda kv: kv[1], reverse=True)[:top_terms])
    return {t: w / norm for t, w in vec.items()}


def cosine_matrix(rows: list[Vector], cols: list[Vector]) -> list[dict[int, float]]:
    """``result[i][j]`` = dot(rows[i], cols[j]) for every pair sharing a term (others absent)."""
    index: dict[str, list[tuple[int, float]]] = {}
    for j, vec in enumerate(cols):
        for t, w in vec.items():
            index.setdefault(t, []).append((j, w))
    out: list[dict[int, float]] = []
    for vec in rows:
        acc: dict[int, float] = {}
        for t, w in vec.items():
            for j, wj in index.get(t, ()):
                acc[j] = acc.get(j, 0.0) + w * wj
        out.append(acc)
    return out


def weighted_dice_matrix(
    rows: list[set[str]], cols: list[set[str]], weight: dict[str, float]
) -> list[dict[int, float]]:
    """IDF-weighted Dice overlap of term sets, for every pair sharing a term.

    ``Military Exchanges and Cooperation`` vs ``Military exchanges`` scores high: the
    missing word is a common one. ``Cooperation`` vs ``Financial Cooperation`` does not.
    """
    row_mass = [sum(weight.get(t, 1.0) for t in s) for s in rows]
    col_mass = [sum(weight.get(t, 1.0) for t in s) for s in cols]
    index: dict[str, list[int]] = {}
    for j, s in enumerate(cols):
        for t in s:
            index.setdefault(t, []).append(j)
    out: list[dict[int, float]] = []
    for i, s in enumerate(rows):
        shared: dict[int, float] = {}
        for t in s:
            w = weight.get(t, 1.0)
            for j in index.get(t, ()):
                shared[j] = shared.get(j, 0.0) + w
        out.append({j: 2 * m / (row_mass[i] + col_mass[j]) for j, m in shared.items()})
    return out
