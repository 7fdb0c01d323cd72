"""A document's identity: the SHA-256 of its normalised text.

Normalising (Unicode NFC, one kind of line ending, no trailing spaces, single blank
lines) gives the same id to the same paper saved with other line endings, encodings
or spacing, while any change of wording gives a new id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LINE_BREAKS_RE = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_BLANK_LINES_RE = re.compile(r"\n{2,}")


def normalise(text: str) -> str:
    """The canonical form of ``text`` that fingerprints are taken of."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    text = _LINE_BREAKS_RE.sub("\n", text)
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
