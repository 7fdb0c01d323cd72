"""The one rule for characters that are not text: applied once, where text comes in.

SQLite and Python must see the same stored text (``substr()`` stops at NUL; a lone
surrogate cannot be encoded as UTF-8), and every export must be readable again (XML
allows no control characters but tab and line breaks). So, one character for one,
keeping every offset:

- C0 control characters other than tab, line feed and carriage return (and, in a
  document's text, form feed, a page break), and DEL, become their visible Unicode
  Control Pictures: NUL is ``␀`` (U+2400), ESC ``␛`` (U+241B), DEL ``␡`` (U+2421);
- a lone surrogate, or the noncharacters U+FFFE and U+FFFF, become U+FFFD (``�``).

Documents pass through :func:`clean_text` in the shared import pipeline; tags, notes,
names, titles and descriptions through :func:`clean_field` on every library write.
"""

from __future__ import annotations

import re

# Documents keep form feed (a page break in text files); fields do not.
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FIELD_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NOT_CHARACTERS = re.compile("[\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What may stay in ASCII text and in fields: printable bytes and the controls kept.
_TEXT_KEPT = bytes(range(0x20, 0x7F)) + b"\t\n\r\x0c"
_FIELD_KEPT = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def control_picture(char: str) -> str:
    """The visible stand-in of a control character: U+2400 + its code (DEL: U+2421)."""
    code = ord(char)
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def _clean(text: str, controls: re.Pattern[str], kept: bytes) -> str:
    if text.isascii():
        # No surrogate or noncharacter can be there, and whether a control character
        # is, deleting every byte ``kept`` tells (a C-level pass, several times faster
        # than a regular expression over a long text).
        if text.encode("ascii").translate(None, kept):
            text = controls.sub(lambda m: control_picture(m.group()), text)
        return text
    if controls.search(text):
        text = controls.sub(lambda m: control_picture(m.group()), text)
    if _NOT_CHARACTERS.search(text):
        text = _NOT_CHARACTERS.sub(REPLACEMENT, text)
    return text


def clean_text(text: str) -> str:
    """A document's text under the rule above (same length, same offsets)."""
    return _clean(text, _TEXT_CONTROLS, _TEXT_KEPT)


def clean_field(text: str) -> str:
    """A short field (tag, note, name, title, description) under the rule above."""
    return _clean(text, _FIELD_CONTROLS, _FIELD_KEPT)


def has_lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds half of a UTF-16 surrogate pair: not a character at all."""
    return LONE_SURROGATE.search(text) is not None
