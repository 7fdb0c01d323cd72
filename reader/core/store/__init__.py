"""The library store: the only package that speaks SQL (with :mod:`reader.core.migrations`)."""

from reader.core.store.annotations import COLORS, DEFAULT_COLOR
from reader.core.store.library import Library, open_library
from reader.core.store.tags import normalize_tag

__all__ = ["COLORS", "DEFAULT_COLOR", "Library", "normalize_tag", "open_library"]
