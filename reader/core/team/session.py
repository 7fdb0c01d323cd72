"""A library working with its team folder: read teammates' files, write your own.

:meth:`TeamSession.check` merges every author's file that changed since it was last
read (each in its own transaction, so one bad file never blocks the rest: it is skipped
with a message and tried again when it changes). :meth:`TeamSession.write_mine` rewrites
your file, atomically and only when its bytes change, and puts the source files of the
documents you annotated beside it. The app calls them on file events and after edits
(debounced); the command line's ``sync`` calls them once.

Writing comes in three steps so the app can do the long one (reading and encoding
thousands of annotations) in a worker thread: :meth:`TeamSession.merge_mine_if_changed`
(the library's thread: it may write to the library), :meth:`TeamSession.writer` (any
thread: it reads through a connection of its own) and :meth:`TeamSession.wrote`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.atomic import write_atomic
from reader.core.exchange.webannotation import ExchangeError
from reader.core.store import Library
from reader.core.team.config import TeamConfig
from reader.core.team.documents import (
    TeamDocument,
    import_documents,
    missing_documents,
    share_sources,
)
from reader.core.team.layout import Signature, TeamError, TeamFolder, signature
from reader.core.team.merge import FileMerge, merge_team_file
from reader.core.team.teamfile import (
    TeamFile,
    encode_team_file,
    parse_team_file,
    read_team_bytes,
    read_team_file,
)


@dataclass
class CheckReport:
    """What one look at the folder did."""

    merged: dict[str, FileMerge] = field(default_factory=dict)  # file name -> counts
    skipped: dict[str, str] = field(default_factory=dict)  # file name -> why
    imported: list[str] = field(default_factory=list)  # document titles
    import_errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the library changed."""
        return bool(self.imported) or any(m.changed for m in self.merged.values())

    def total(self) -> FileMerge:
        """The counts of every file merged."""
        out = FileMerge()
        for m in self.merged.values():
            out.add(m)
        return out


@dataclass
class WriteReport:
    """What writing your file did."""

    path: Path
    written: bool  # False: the file already said the same
    annotations: int
    tombstones: int
    copied: list[str] = field(default_factory=list)  # source files put in documents/
    unknown_sources: list[str] = field(default_factory=list)
    signature: Signature | None = None  # of the file as written (or found unchanged)


def write_team_file(library: Library, author: str, path: Path, folder: TeamFolder) -> WriteReport:
    """Write ``author``'s file at ``path`` from ``library`` (atomically, and only when
    its bytes change), and the source files of the documents annotated into ``folder``.

    Reads the library and writes files only: any thread may call it with a library
    connection of its own (:meth:`~reader.core.store.Library.open_reader`).
    """
    encoded = encode_team_file(library, author)
    try:
        written = path.read_bytes() != encoded.data
    except OSError:
        written = True
    if written:
        write_atomic(path, encoded.data)
    sig = signature(path)
    shared = share_sources(library, folder, encoded.documents)
    return WriteReport(
        path,
        written,
        encoded.annotations,
        encoded.tombstones,
        shared.copied,
        shared.unknown,
        sig,
    )


class TeamSession:
    """``library`` and its team folder ``config`` (which must name a folder and author)."""

    def __init__(self, library: Library, config: TeamConfig) -> None:
        if config.folder is None or not config.author:
            raise TeamError("no team folder is set (see: team-folder PATH)")
        self.library = library
        self.config = config
        self.folder = config.layout
        self.mine = self.folder.author_file(config.author)
        self._seen: dict[Path, Signature | None] = {}  # as last read or written
        self._merged: dict[Path, bytes] = {}  # SHA-256 of each file's content last merged
        self.problems: dict[str, str] = {}  # file name -> why it was skipped (still)
        self._tried_documents: set[str] = set()
        self.unshared: list[str] = []  # titles of annotated documents whose source is unknown

    # --- reading ----------------------------------------------------------------
    def check(self, import_docs: bool | None = None) -> CheckReport:
        """Merge every author's file that changed since last read (yours too: it may come
        from your other computer); with ``import_docs`` (default: the setting), import
        the folder's documents this library lacks first."""
        self.folder.check()
        report = CheckReport()
        if self.config.auto_import_documents if import_docs is None else import_docs:
            self.import_missing(report)
        for path in self.folder.annotation_files():
            sig = signature(path)
            if sig is None or self._seen.get(path) == sig:
                continue
            self._seen[path] = sig
            try:
                data = read_team_bytes(path)
                digest = hashlib.sha256(data).digest()
                if self._merged.get(path) == digest:
                    continue  # touched, or written again with the same content
                team_file = parse_team_file(data, path.name, self.library.version_times)
                if path == self.mine:
                    self._check_owner(team_file.author)
                report.merged[path.name] = merge_team_file(self.library, team_file)
                self._merged[path] = digest
            except ExchangeError as exc:
                report.skipped[path.name] = str(exc)
                self.problems[path.name] = str(exc)
            else:
                self.problems.pop(path.name, None)
        for name in list(self.problems):
            if not (self.folder.annotations / name).exists():
                del self.problems[name]  # removed: nothing left to complain about
        return report

    def _check_owner(self, author: str | None) -> None:
        if author and author.casefold() != self.config.author.casefold():
            raise ExchangeError(
                f"{self.mine.name} belongs to {author}, not to {self.config.author}: "
                "choose a name that differs from theirs"
            )

    # --- documents --------------------------------------------------------------
    def missing_documents(self) -> list[TeamDocument]:
        """The folder's documents this library lacks."""
        return missing_documents(self.library, self.folder)

    def import_missing(self, report: CheckReport) -> None:
        """Import the folder's documents this library lacks (each tried once a session:
        one whose text now reads differently keeps another fingerprint)."""
        todo = [d for d in self.missing_documents() if d.fingerprint not in self._tried_documents]
        self._tried_documents.update(d.fingerprint for d in todo)
        done, errors = import_documents(self.library, todo)
        report.imported.extend(info.title for info in done)
        report.import_errors.extend(errors)

    # --- writing ----------------------------------------------------------------
    def write_mine(self) -> WriteReport:
        """Rewrite your file from the library if it changed (first merging the file if it
        changed since it was last read: your other computer may have written it)."""
        self.merge_mine_if_changed()
        report = write_team_file(self.library, self.config.author, self.mine, self.folder)
        self.wrote(report)
        return report

    def merge_mine_if_changed(self) -> None:
        """Merge your file into the library if it changed since it was last read or
        written (your other computer wrote it): the first step of writing it, in the
        library's thread."""
        self.folder.check()
        unread = self._seen.get(self.mine) != signature(self.mine)
        if self.mine.exists() and (unread or self.mine.name in self.problems):
            sig = signature(self.mine)
            merge_team_file(self.library, self._read_mine())
            self._seen[self.mine] = sig
            self.problems.pop(self.mine.name, None)

    def writer(self) -> Callable[[], WriteReport]:
        """Writing your file, for another thread to run (after
        :meth:`merge_mine_if_changed`, before :meth:`wrote`): it opens its own read-only
        connection to the library and reads everything in one snapshot."""
        path, author, mine, folder = self.library.path, self.config.author, self.mine, self.folder

        def write() -> WriteReport:
            reader = Library.open_reader(path)
            try:
                with reader.snapshot():
                    return write_team_file(reader, author, mine, folder)
            finally:
                reader.close()

        return write

    def wrote(self, report: WriteReport) -> None:
        """Take in what writing your file did (the library's thread): the file as
        written is yours, not a change to read back."""
        self._seen[self.mine] = report.signature
        self.unshared = report.unknown_sources

    def _read_mine(self) -> TeamFile:
        try:
            team_file = read_team_file(self.mine)
            self._check_owner(team_file.author)
        except ExchangeError as exc:
            # Never overwrite what cannot be read: it may hold work not in this library.
            raise TeamError(
                f"{exc} — your file is not rewritten until it is fixed or removed "
                "(your annotations are safe in your library)"
            ) from None
        return team_file
