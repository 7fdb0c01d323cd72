"""A document's identity: the SHA-256 of its normalised text.

Normalising (Unicode NFC, one kind of line ending, no trailing spaces, single blank
lines) gives the same id to the same paper saved with other line endings, encodings
or spacing, while any change of wording gives a new id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_BLANK_LINES_RE = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """The canonical form of ``text`` that fingerprints are taken of.

    Runs of any white space inside a line become one space (``str.split`` does this in
    C, much faster than a regular expression over the whole text).
    """
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
