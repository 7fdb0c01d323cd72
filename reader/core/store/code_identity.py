"""What a codebook says of a code beyond its name, as the store keeps it for a tag.

Plain data, apart from the store's mixins so that the REFI-QDA modules can use it
without importing the store (which imports them).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """A code of a codebook as a tag: its path and what the codebook says of it
    (``guid``/``color`` None: not given)."""

    path: str
    description: str = ""
    guid: str | None = None
    color: str | None = None  # "#RRGGBB"
    codable: bool = True


@dataclass(frozen=True, slots=True)
class CodeIdentity:
    """What a tag keeps from an imported codebook (None: derive it as for any tag)."""

    guid: str | None
    color: str | None
    codable: bool
