"""The :class:`Library`: one local SQLite file holding documents, annotations and tags."""

from __future__ import annotations

import os
from types import TracebackType

from reader.core.paths import library_path
from reader.core.store import migrations
from reader.core.store.annotations import AnnotationsMixin
from reader.core.store.codebook import CodebookMixin
from reader.core.store.coding import CodingMixin
from reader.core.store.document_changes import DocumentChangesMixin
from reader.core.store.exchange import ExchangeMixin
from reader.core.store.opening import connect, connect_reader
from reader.core.store.queries import QueriesMixin
from reader.core.store.settings import SettingsMixin
from reader.core.store.sources import SourcesMixin
from reader.core.store.statistics import StatisticsMixin
from reader.core.store.tag_snapshots import TagSnapshotsMixin
from reader.core.store.tombstones import TombstonesMixin

READER = "a second connection, for reading only"


class Library(
    DocumentChangesMixin,
    TagSnapshotsMixin,
    AnnotationsMixin,
    QueriesMixin,
    ExchangeMixin,
    CodebookMixin,
    CodingMixin,
    StatisticsMixin,
    TombstonesMixin,
    SettingsMixin,
    SourcesMixin,
):
    """A researcher's library. Open it with :meth:`open`; close it (or use ``with``).

    Every method that changes data is one transaction. Several processes may use
    the same file at once: writers wait for each other (busy timeout), readers
    never wait (WAL).
    """

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Library:
        """Open (creating and upgrading as needed) the library at ``path``.

        Without ``path``: ``$POLICY_READER_DB``, else ``library.db`` in the user
        data folder. Raises :class:`~reader.core.errors.LibraryError` for a file
        that is not a library, and leaves such a file untouched. A library that
        cannot be written (read-only file or folder, read-only file system, full
        disk) opens read-only: :attr:`read_only` says why, and writes refuse.
        """
        resolved = library_path(path)
        conn, read_only = connect(resolved)
        return cls(conn, resolved, read_only)

    @classmethod
    def open_reader(cls, path: str | os.PathLike[str]) -> Library:
        """A read-only second view of the library at ``path``, which another thread
        opens, reads (:meth:`snapshot` for several queries) and closes while the app's
        connection goes on writing. Its writes refuse, saying why."""
        resolved = library_path(path)
        return cls(connect_reader(resolved), resolved, READER)

    def close(self) -> None:
        """Close the connection; committed data is already on disk."""
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return migrations.schema_version(self.conn)

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: ``"ok"`` for a sound file."""
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(r[0] for r in rows)


def open_library(path: str | os.PathLike[str] | None = None) -> Library:
    """Shorthand for :meth:`Library.open`."""
    return Library.open(path)


__all__ = ["Library", "open_library"]
