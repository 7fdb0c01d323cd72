"""A document's id is stable under spacing and line-ending changes, not under rewording."""

from __future__ import annotations

from reader.core.fingerprint import fingerprint, normalise


def test_normalise():
    assert normalise("\ufeff  a \t b  \r\n\r\n\r\n c\u00a0 d \n") == "a b\n\nc d"
    assert normalise("Cafe\u0301") == "Caf\u00e9"  # NFC


def test_fingerprint_ignores_spacing_but_not_words():
    base = fingerprint("Part I Aims\n\nThe text.\n")
    assert fingerprint("Part I  Aims\r\n\r\n\r\nThe text.   ") == base
    assert fingerprint("Part I Aims\n\nThe texts.\n") != base
    assert len(base) == 64 and int(base, 16) >= 0
