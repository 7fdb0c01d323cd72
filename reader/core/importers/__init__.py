"""Turn a file into a :class:`~reader.core.model.Document`.

One module per format turns bytes into text and initial blocks; the shared
pipeline in :mod:`reader.core.document` finds structure, metadata and clauses.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import DocumentError
from reader.core.gc_pause import paused_gc
from reader.core.limits import MAX_IMPORT_BYTES
from reader.core.model import Document

# Larger files (MAX_IMPORT_BYTES) are refused with a clear message: a policy paper is
# rarely over a few MB of text, and parsing holds several copies of the text in memory.
__all__ = ["MAX_IMPORT_BYTES", "format_for", "load_document", "parse_bytes", "parse_text"]

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES = tuple(FORMATS)


def format_for(path: str | Path) -> str:
    """The format name for ``path`` by its suffix, or raise :class:`DocumentError`."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise DocumentError(
            f"{Path(path).name}: unsupported file type {suffix or '(no extension)'!r} "
            f"(supported: {supported})"
        ) from None


def read_bytes(path: str | Path) -> bytes:
    """Read a file for import, turning every OS failure into a one-line error."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise DocumentError(f"{p}: not a file")
        if size > MAX_IMPORT_BYTES:
            raise DocumentError(
                f"{p.name}: {size / 1e6:.1f} MB is too large to import "
                f"(the limit is {MAX_IMPORT_BYTES / 1e6:.0f} MB)"
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{p}: no such file") from None
    except PermissionError:
        raise DocumentError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise DocumentError(f"{p}: is a directory") from None
    except OSError as exc:
        raise DocumentError(f"{p}: cannot read ({exc.strerror or exc})") from None


def parse_bytes(data: bytes, fmt: str, filename: str | None = None) -> Document:
    """Parse file contents of format ``fmt`` ("text", "markdown", "html", "pdf", "docx")."""
    name = filename or "document"
    if len(data) > MAX_IMPORT_BYTES:
        raise DocumentError(f"{name}: too large to import")
    with paused_gc():
        return _parse(data, fmt, filename)


def _parse(data: bytes, fmt: str, filename: str | None) -> Document:
    # Each format's parser is imported when a file of that format is read: a text file
    # needs none of the PDF, Word or HTML code (a fifth of a second to load).
    if fmt == "text":
        from reader.core.importers import text

        return text.parse(data, filename)
    if fmt == "markdown":
        from reader.core.importers import markdown

        return markdown.parse(data, filename)
    if fmt == "html":
        from reader.core.importers import html

        return html.parse(data, filename)
    if fmt == "pdf":
        from reader.core.importers import pdf

        return pdf.parse(data, filename)
    if fmt == "docx":
        from reader.core.importers import docx

        return docx.parse(data, filename)
    raise DocumentError(f"{filename or 'document'}: unsupported format {fmt!r}")


def load_document(path: str | Path) -> Document:
    """Read and parse one file; raises :class:`DocumentError` with a clear message."""
    fmt = format_for(path)
    data = read_bytes(path)
    return parse_bytes(data, fmt, Path(path).name)


def parse_text(text: str, fmt: str = "text", filename: str | None = None) -> Document:
    """Parse an already decoded string (tests, scripts, the clipboard)."""
    from reader.core.importers import html, markdown
    from reader.core.importers import text as plain

    modules = {"text": plain, "markdown": markdown, "html": html}
    if fmt not in modules:
        raise DocumentError(f"{filename or 'document'}: unsupported format {fmt!r}")
    return modules[fmt].from_string(text, filename)
