"""Where the library file lives: ``--db``, then ``$POLICY_READER_DB``, then the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "PolicyReader"
LIBRARY_FILENAME = "library.db"
DB_ENV = "POLICY_READER_DB"


def user_data_dir() -> Path:
    """The per-user data folder (``~/.local/share/PolicyReader`` on Linux).

    The only place appdirs is used: platformdirs has the same function, so
    switching is a one-line change here.
    """
    from appdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_NAME, appauthor=False))


def default_library_path() -> Path:
    """The library used when no ``--db`` is given; its folder is created if missing."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / LIBRARY_FILENAME


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library path for an optional explicit ``--db`` value."""
    if explicit:
        return Path(explicit).expanduser()
    return default_library_path()
