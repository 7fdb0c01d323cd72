"""What every part of the library shares: the connection and its transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import LibraryError
from reader.core.store.failures import (
    SQLITE_BUSY,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    describe,
    primary_code,
    read_only_hint,
)

WRITE_FAILURES = {SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL}

if TYPE_CHECKING:
    import sqlite_utils


def utc_now() -> str:
    """The current time as ISO-8601 UTC with milliseconds: ``2026-11-24T10:15:00.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class StoreBase:
    """The open library file; the mixins of :class:`~reader.core.store.Library` build on it.

    Rows are written through sqlite-utils (``self.db.table(name).insert(...)``,
    ``insert_all``, ``ignore=True`` / ``replace=True`` for the OR IGNORE / OR REPLACE
    upserts) inside :meth:`transaction`, where it nests as a savepoint. Queries stay SQL:
    joins, sub-selects, FTS5 ``MATCH`` and conditional updates read more clearly so.

    sqlite-utils is imported when first written with (it costs about 130 ms to import,
    more than a whole CLI call may take), so reading a library never loads it; the
    one write a researcher repeats all day, a highlight with its tags, is plain
    ``INSERT`` statements for the same reason; so are bulk inserts (a document's
    sections, pages and search rows, a merge's annotations), where sqlite-utils'
    work per row costs more than SQLite's.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: str | None = None) -> None:
        self._conn = conn
        self._db: sqlite_utils.Database | None = None
        self.path = path
        self.read_only = read_only  # why it was opened read-only; None: writable

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection (autocommit mode: transactions are explicit)."""
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for writing rows."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside commits together or not at all.

        It takes the write lock up front (``BEGIN IMMEDIATE``), so a second process
        waits for the busy timeout instead of failing half-way. Nested use joins
        the outer transaction. A library opened read-only refuses at once, saying
        why; a busy library, a read-only file or a full disk met on the way is one
        line (:func:`~reader.core.store.failures.describe`), and nothing is changed.
        """
        if self.read_only:
            raise LibraryError(
                f"{self.path}: the library is open read-only ({self.read_only}); nothing "
                f"can be changed. {read_only_hint(self.read_only)}"
            )
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise describe(exc, self.path) from None
        try:
            yield
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            if primary_code(exc) in WRITE_FAILURES:
                raise describe(exc, self.path) from None
            raise
        except BaseException:
            self._rollback()
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read in one snapshot: the queries inside see the library as one commit left
        it, never part of a commit another connection makes meanwhile (a deferred
        ``BEGIN``: readers take no lock under WAL). Nested use joins the outer one."""
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN")
        except sqlite3.OperationalError as exc:
            raise describe(exc, self.path) from None
        try:
            yield
        finally:
            self._rollback()  # nothing was written: ending the read is all

    def _rollback(self) -> None:
        # SQLite may have rolled back itself already (a full disk may do that).
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.OperationalError):
                self.conn.execute("ROLLBACK")

    def data_version(self) -> int:
        """A number that changes when another connection (another process: the CLI, a
        second window) commits to the library; this connection's own writes leave it."""
        return self._row("PRAGMA data_version")[0]

    def _one(self, sql: str, params: tuple | dict = ()) -> tuple | None:
        """The first row of a query, None when there is none."""
        return self.conn.execute(sql, params).fetchone()

    def _row(self, sql: str, params: tuple | dict = ()) -> tuple:
        """The row a query always returns (a PRAGMA, an aggregate, a row just written)."""
        row = self._one(sql, params)
        if row is None:
            raise LibraryError(f"the library returned nothing for: {sql.split()[0]} ...")
        return row

    def _insert(self, table: str, row: dict) -> int:
        """Insert ``row`` into ``table``; the new row's id."""
        rowid = self.db.table(table).insert(row).last_rowid
        if rowid is None:
            raise LibraryError(f"the library inserted no row into {table}")
        return rowid
