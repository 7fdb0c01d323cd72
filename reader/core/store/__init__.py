"""The library store: the only package that speaks SQL; its schema lives in
:mod:`reader.core.store.migrations`. It imports nothing from the features above it."""

from reader.core.store.library import Library, open_library

__all__ = ["Library", "open_library"]
