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
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def normalise(text: str) -> str:
    """The canonical form of ``text`` that fingerprints are taken of.

    Runs of any white space inside a line become one space (``str.split`` does this in
    C, much faster than a regular expression over the whole text); lines that hold no
    white space but single spaces between words are left as they are, found by C-level
    scans of the whole text (most lines of most documents are such lines).
    """
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_odd_space(text):
        text = "\n".join([_squeeze(line) for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()


def _has_odd_space(text: str) -> bool:
    """Whether a line of ``text`` has white space other than single spaces between
    words: two spaces, a space at either end, or any other white space character
    (``isprintable`` is False for every white space character but the space)."""
    if "  " in text:
        return True
    # A space at either end of a line: looked for line by line (searching the whole
    # text for " \n" and "\n " costs twice as much where blank lines are many).
    for line in text.split("\n"):
        if line[:1] == " " or line[-1:] == " ":
            return True
    if text.isascii():  # the same test, faster: any control character but the line feed
        return bool(text.encode("ascii").translate(None, _PRINTABLE_ASCII).replace(b"\n", b""))
    return not text.replace("\n", "").isprintable()


def _squeeze(line: str) -> str:
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
