"""The team folder setting of one library, kept in the library file (through the store).

Three values: the folder, the name the annotations are written under (the file is named
after it), and whether teammates' documents are imported as soon as they appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.store import Library
from reader.core.team.layout import TeamError, TeamFolder, author_slug

FOLDER_KEY = "team.folder"
AUTHOR_KEY = "team.author"
AUTO_IMPORT_KEY = "team.auto_import_documents"


@dataclass(frozen=True)
class TeamConfig:
    """A library's team folder setting; ``folder`` None: no team folder."""

    folder: Path | None = None
    author: str = ""
    auto_import_documents: bool = False

    @property
    def layout(self) -> TeamFolder:
        """The folder's paths (only when a folder is set)."""
        if self.folder is None:
            raise TeamError("no team folder is set (see: team-folder PATH)")
        return TeamFolder(self.folder)


def load_config(library: Library) -> TeamConfig:
    """The library's team folder setting."""
    folder = library.setting(FOLDER_KEY)
    return TeamConfig(
        folder=Path(folder) if folder else None,
        author=library.setting(AUTHOR_KEY) or "",
        auto_import_documents=library.setting(AUTO_IMPORT_KEY) == "1",
    )


def turn_on(
    library: Library, folder: str | Path, author: str, auto_import_documents: bool = False
) -> TeamConfig:
    """Use ``folder`` as the library's team folder, writing as ``author``.

    Refuses (:class:`TeamError`, nothing stored) when no name is given or the folder
    cannot be used; creates ``annotations/`` and ``documents/`` in it.
    """
    name = " ".join(author.split())
    author_slug(name)  # refuses an empty name
    root = Path(folder).expanduser().resolve()
    TeamFolder(root).check()
    with library.transaction():
        library.set_setting(FOLDER_KEY, str(root))
        library.set_setting(AUTHOR_KEY, name)
        library.set_setting(AUTO_IMPORT_KEY, "1" if auto_import_documents else None)
    return load_config(library)


def turn_off(library: Library) -> None:
    """Stop using a team folder (the folder and its files are left as they are)."""
    with library.transaction():
        for key in (FOLDER_KEY, AUTO_IMPORT_KEY):  # the name is kept for next time
            library.set_setting(key, None)
