"""Real outputs of our own exporters for the fuzz suite to mutate, and the checks it makes.

:func:`filled_library` builds a small library (two documents, one with accents, CJK
and an emoji; several authors, nested tags, notes, a description); :func:`exports`
writes its exchange JSON, ``.qdc`` and ``.qdpx``. :func:`attempt` runs one import and
says what happened: accepted, refused with one line, or crashed (the bug we hunt).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.exchange import export_collection
from reader.core.importers import parse_text
from reader.core.refiqda import codebook_xml, export_project
from reader.core.refiqda.codebook import library_codes
from reader.core.store import Library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAPER = (FIXTURES / "trade-policy-paper.txt").read_text(encoding="utf-8")
ACCENTED = (
    "Política exterior de China hacia América Latina\n\n"
    "Part I Introducción\n\n"
    "El comercio (贸易) crece 🌎 cada año. La cooperación financiera es clave.\n"
)


def filled_library(path: Path) -> Library:
    """A library at ``path`` with documents, annotations by three authors, tags, notes."""
    lib = Library.open(path)
    paper, _ = lib.add_document(parse_text(PAPER, filename="paper.txt"))
    spanish, _ = lib.add_document(parse_text(ACCENTED, filename="politica.txt"))
    text = lib.document_text(paper.id)
    for i, quote in enumerate(
        ("Banks will cooperate.", "Students will travel.", "Tariffs will fall over time.")
    ):
        start = text.index(quote)
        lib.add_annotation(
            paper.id,
            start,
            start + len(quote),
            tags=["economy/finance", f"t{i}"],
            note=f"note {i}: <b>&amp; ünïcode",
            author=["ana", "Bo", "Zoë"][i],
            color=["green", "yellow", "#12ab34"][i],
        )
    es = lib.document_text(spanish.id)
    quote = "La cooperación financiera es clave."
    start = es.index(quote)
    lib.add_annotation(spanish.id, start, start + len(quote), tags=["región/América"])
    lib.set_tag_description("economy/finance", "Loans, banks & <swap> lines")
    return lib


@dataclass(frozen=True)
class Exports:
    """What our exporters wrote for :func:`filled_library`."""

    collection: dict
    exchange: bytes
    qdc: bytes
    qdpx: bytes


def exports(lib: Library, folder: Path) -> Exports:
    """The library's exchange JSON, codebook and project, as our exporters write them."""
    collection = export_collection(lib)
    project = folder / "project.qdpx"
    export_project(lib, project)
    return Exports(
        collection,
        (json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        codebook_xml(library_codes(lib)),
        project.read_bytes(),
    )


def library_bytes(lib: Library) -> str:
    """A digest of the library file's bytes once its WAL is checkpointed: what a refused
    import must leave exactly as it was."""
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(lib.path.read_bytes()).hexdigest()


@dataclass
class Outcome:
    """One import attempt: ``"accepted"``, ``"refused"`` (one line, library untouched) or
    ``"crashed"`` (any other exception, a multi-line message or a changed library)."""

    kind: str
    detail: str = ""


def attempt(lib: Library, run: Callable[[], object]) -> Outcome:
    """Run one import against ``lib`` and classify what happened."""
    before = library_bytes(lib)
    try:
        run()
    except ReaderError as exc:
        message = str(exc)
        if "\n" in message or not message.strip():
            return Outcome("crashed", f"not one line: {message!r}")
        if library_bytes(lib) != before:
            return Outcome("crashed", f"refused but the library changed: {message}")
        return Outcome("refused", message)
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - this is what we count
        if lib.conn.in_transaction:
            lib.conn.execute("ROLLBACK")
        tb = traceback.extract_tb(exc.__traceback__)
        where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
        return Outcome("crashed", f"{type(exc).__name__} at {where}: {str(exc)[:120]}")
    return Outcome("accepted")


def integrity_ok(lib: Library) -> bool:
    """The library is sound, and SQLite sees every stored text as Python does."""
    if lib.integrity_check() != "ok":
        return False
    try:
        rows = lib.conn.execute("SELECT id, length, length(text) FROM documents").fetchall()
    except sqlite3.Error:
        return False
    return all(length == sql_length for _id, length, sql_length in rows)
