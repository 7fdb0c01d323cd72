"""Re-anchoring: position, exact quote, white space, fuzzy; nothing rather than a guess."""

from __future__ import annotations

import random

from bench.text_edits import mutate
from reader.core.anchoring import Anchorer, describe, resolve

TEXT = (
    "China will support its financial institutions to strengthen business exchanges. "
    "Trade frictions will be properly handled. China will support its financial "
    "institutions in the second place too. The two sides will deepen cooperation on "
    "customs, quality inspection and trade facilitation, so as to ensure food safety.\n\n"
    "Efforts will be made to encourage enterprises on both sides to engage in trade."
)


def span(text, needle, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def test_describe_keeps_quote_context_and_position():
    s, e = span(TEXT, "Trade frictions")
    sel = describe(TEXT, s, e)
    assert sel.exact == "Trade frictions" and sel.start == s and sel.end == e
    assert TEXT.endswith(sel.suffix, 0, e + 32) and len(sel.prefix) == 32
    assert (TEXT[s - 32 : s], TEXT[e : e + 32]) == (sel.prefix, sel.suffix)


def test_position_then_quote():
    s, e = span(TEXT, "customs, quality inspection")
    sel = describe(TEXT, s, e)
    assert resolve(TEXT, sel).method == "position"
    moved = "A new opening sentence. " + TEXT
    a = resolve(moved, sel)
    assert (a.start, a.end, a.method) == (s + 24, e + 24, "quote")


def test_repeated_quote_is_chosen_by_context():
    s, e = span(TEXT, "China will support its financial", nth=1)
    sel = describe(TEXT, s, e)
    moved = "Preamble. " + TEXT
    a = resolve(moved, sel)
    assert moved[a.start - 10 : a.start] == "handled.  "[-10:] or a.start == s + 10
    assert a.start == s + len("Preamble. ")


def test_whitespace_differences():
    s, e = span(TEXT, "ensure food safety.\n\nEfforts will be made")
    sel = describe(TEXT, s, e)
    rewrapped = TEXT.replace("\n\n", "\n").replace("to ensure", "to\n  ensure")
    a = resolve(rewrapped, sel)
    assert a.method == "whitespace"
    assert rewrapped[a.start : a.end] == "ensure food safety.\nEfforts will be made"


def test_fuzzy_on_reworded_text():
    s, e = span(TEXT, "The two sides will deepen cooperation on customs, quality inspection")
    sel = describe(TEXT, s, e)
    edited = TEXT.replace("deepen cooperation", "deepen their cooperation").replace(
        "customs,", "customs matters,"
    )
    a = resolve(edited, sel)
    assert a is not None and a.method == "fuzzy"
    assert edited[a.start : a.end] == (
        "The two sides will deepen their cooperation on customs matters, quality inspection"
    )


def test_scores_fall_as_the_quote_degrades():
    s, e = span(
        TEXT,
        "The two sides will deepen cooperation on customs, quality inspection and "
        "trade facilitation, so as to ensure food safety.",
    )
    sel = describe(TEXT, s, e)
    words = TEXT[s:e].split()
    scores = []
    for changed in (1, 2, 3, 4):
        edited = [("zzz" if i in (2, 6, 10, 14)[:changed] else w) for i, w in enumerate(words)]
        a = resolve(TEXT[:s] + " ".join(edited) + TEXT[e:], sel)
        assert a is not None and a.method == "fuzzy"
        scores.append(a.score)
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_unrelated_text_gives_no_anchor():
    sel = describe(TEXT, *span(TEXT, "Trade frictions will be properly handled."))
    assert resolve("Something else entirely about fisheries and forests.", sel) is None
    assert resolve("", sel) is None
    empty = describe(TEXT, 5, 5)
    assert resolve(TEXT, empty) is None


def test_reanchoring_rate_on_edited_paper(policy_paper):
    text = policy_paper.path.read_text(encoding="utf-8")
    edited, where = mutate(text, rate=0.05, seed=7)
    rng = random.Random(3)
    anchorer = Anchorer(edited)
    ok = 0
    n = 200
    for _ in range(n):
        s = rng.randrange(200, len(text) - 400)
        e = s + rng.randint(20, 300)
        while text[s - 1].isalnum():
            s += 1
        while text[e].isalnum():
            e -= 1
        a = anchorer.resolve(describe(text, s, e))
        if a is None:
            continue
        want = (where[s], where[e])
        inter = max(0, min(a.end, want[1]) - max(a.start, want[0]))
        union = max(a.end, want[1]) - min(a.start, want[0])
        ok += inter / union >= 0.9
    assert ok / n >= 0.97
