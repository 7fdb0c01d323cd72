"""The team folder: teammates' annotations merge by themselves through a folder that git,
Nextcloud, Syncthing or a network drive keeps in step.

:mod:`~reader.core.team.layout` knows the folder's files, :mod:`~reader.core.team.teamfile`
reads and writes one author's file (annotations and tombstones),
:mod:`~reader.core.team.merge` merges one, :mod:`~reader.core.team.session` keeps a library
in step with the folder, :mod:`~reader.core.team.documents` shares source files, and
:mod:`~reader.core.team.git` syncs a folder that is a git work tree with the ``git``
command. The setting lives in the library file (:mod:`~reader.core.team.config`).
"""

from reader.core.team.config import TeamConfig, load_config, turn_off, turn_on
from reader.core.team.layout import TeamError, TeamFolder, author_slug
from reader.core.team.session import CheckReport, TeamSession, WriteReport

__all__ = [
    "CheckReport",
    "TeamConfig",
    "TeamError",
    "TeamFolder",
    "TeamSession",
    "WriteReport",
    "author_slug",
    "load_config",
    "turn_off",
    "turn_on",
]
