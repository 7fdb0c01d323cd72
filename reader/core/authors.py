"""Who writes new annotations when nobody says: one rule for the app and the CLI.

``$POLICY_READER_AUTHOR``, when set; else nobody (an annotation without an author).
The app's Preferences and the CLI's ``--author`` name someone explicitly.
"""

from __future__ import annotations

import os

AUTHOR_ENV = "POLICY_READER_AUTHOR"


def default_author() -> str:
    """``$POLICY_READER_AUTHOR`` stripped ("" when it is not set)."""
    return os.environ.get(AUTHOR_ENV, "").strip()
