"""The limits on what the library stores and what every importer reads: one definition.

The library's write paths refuse a value over its limit with one clear line, and the
importers (exchange files, codebooks, projects, documents) check the same numbers, so
anything the library can export it can import again.
"""

from __future__ import annotations

from reader.core.errors import LibraryError, ReaderError
from reader.core.text_rules import clean_field

# -- values the library stores ------------------------------------------------------------
MAX_TAG = 200  # a tag path, all its levels and separators together
MAX_TAG_DEPTH = MAX_TAG // 2 + 1  # the most levels a path of MAX_TAG characters can have
MAX_NOTE = 100_000  # an annotation's note
MAX_DESCRIPTION = 100_000  # a tag's description
MAX_NAME = 300  # an author's name, a document's title
MAX_QUOTE = 200_000  # the characters one highlight covers
MAX_CONTEXT = 2_000  # an exchange file's prefix or suffix of a quote
MAX_ID = 500  # an annotation's id in an exchange file
MAX_COLOR = 64  # a colour name or CSS class

# -- files ----------------------------------------------------------------------------------
MAX_IMPORT_BYTES = 32 * 1024 * 1024  # a document file
MAX_PART_BYTES = 64 * 1024 * 1024  # one part of a zip (a .docx part), uncompressed
MAX_EXCHANGE_BYTES = 64 * 1024 * 1024  # an exchange (.json) file
MAX_ANNOTATIONS = 200_000  # annotations in one exchange file
MAX_JSON_NESTING = 64  # JSON deeper than this is not an annotation file
MAX_XML_BYTES = 200 * 1024 * 1024  # an XML file or zip member (a project.qde), uncompressed
MAX_XML_DEPTH = 256  # elements nested deeper than this are refused before any recursion
MAX_CODES = 50_000  # codes in one codebook (importing as many holds the lock ~0.6 s)


def check_length(value: str, what: str, limit: int, error: type[ReaderError] = LibraryError) -> str:
    """``value`` if it has at most ``limit`` characters, else raise ``error`` saying so."""
    if len(value) > limit:
        raise error(f"{what} is longer than {limit:,} characters ({len(value):,})")
    return value


def shorten_to(value: str, limit: int) -> str:
    """``value`` cut to at most ``limit`` characters at a word boundary, with an ellipsis
    (for derived metadata such as a title, never for text the user wrote)."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "\u2026"


def checked_field(
    value: str, what: str, limit: int, error: type[ReaderError] = LibraryError
) -> str:
    """A short field (note, name, description) as the library stores it: control
    characters under the text rule, then no longer than ``limit``."""
    return check_length(clean_field(value), what, limit, error)
