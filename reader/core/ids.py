"""How ids are shortened for people: in lists, reports and labels.

Document ids are SHA-256 fingerprints and annotation ids uuid4s: too long to read.
Anywhere a command or a message shows an id for the user to type back, it shows
:data:`SHORT_ID` characters (any unique prefix of at least :data:`MIN_ID_PREFIX`
resolves); where the id only tells apart things already named (a label, a line of a
list), :data:`BRIEF_ID` characters.
"""

from __future__ import annotations

SHORT_ID = 12
BRIEF_ID = 8
MIN_ID_PREFIX = 4  # shorter hex strings are more likely title words ("2016") than ids


def short_id(full_id: str, length: int = SHORT_ID) -> str:
    """The first ``length`` characters of ``full_id``."""
    return full_id[:length]
