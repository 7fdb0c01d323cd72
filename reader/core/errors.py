"""Errors the core raises for bad input; their message is meant for the user as is."""


class ReaderError(Exception):
    """Base class: the message is one clear line for the user."""


class DocumentError(ReaderError):
    """A file could not be imported (missing, unreadable, unsupported, undecodable, too large)."""


class LibraryError(ReaderError):
    """The library file or a request to it is unusable (not a library, unknown id, bad tag)."""
