"""PDF: text in reading order with pages kept, outline from bookmarks or conventions.

pypdf (BSD, pure Python) reads the pages. Measured on a generated 200-page paper
(bench/bench_pdf.py): pypdf 0.7 s in layout mode, pypdfium2 0.13 s but an 8 MB
native library (the packaged app has a 120 MB ceiling and stood at 114 MB),
pdfminer.six 5.8 s and it pulls in ``cryptography``. Layout mode keeps the vertical
gaps between paragraphs as blank lines, which the paragraph segmentation needs.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from reader.core.document import build_document
from reader.core.errors import DocumentError
from reader.core.importers.paged import Bookmark, assemble
from reader.core.metadata import Metadata, stated_title
from reader.core.model import Document

_MIN_TEXT_CHARS_PER_PAGE = 8  # less than this on average: scanned pages, no text layer


def _open(data: bytes, name: str) -> Any:
    import pypdf
    from pypdf.errors import PyPdfError

    if b"%PDF-" not in data[:1024]:
        raise DocumentError(f"{name}: not a valid PDF (no %PDF header)")
    # pypdf logs every recoverable oddity of a damaged file ("EOF marker not found"),
    # already while opening it; the import's one-line error reports enough.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise DocumentError(f"{name}: not a valid PDF ({_short(exc)})") from None
    if encrypted:
        # Many PDFs are encrypted only to restrict printing, with an empty password.
        try:
            opened = reader.decrypt("") != 0
        except Exception:  # noqa: BLE001 - any failure means we cannot read it
            opened = False
        if not opened:
            raise DocumentError(f"{name}: this PDF is encrypted; remove the password first")
    return reader


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg[:120]


def _bookmarks(reader: Any) -> list[Bookmark]:
    """The outline as flat (title, page, depth) entries; [] when absent or unreadable."""
    out: list[Bookmark] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            try:
                page = reader.get_destination_page_number(item)
                title = str(item.title or "").strip()
            except Exception:  # noqa: BLE001 - a broken entry is skipped, not fatal
                continue
            if title and page is not None and page >= 0:
                out.append(Bookmark(title, page, depth))

    try:
        walk(reader.outline, 0)
    except Exception:  # noqa: BLE001 - a damaged outline: fall back to conventions
        return []
    return out


def _title_hint(reader: Any) -> str | None:
    try:
        return stated_title(str((reader.metadata or {}).get("/Title") or ""))
    except Exception:  # noqa: BLE001 - metadata is optional
        return None


def _page_labels(reader: Any) -> list[str]:
    """What each page has printed as its number ("iv", "A-1") when the PDF says so
    (/PageLabels); [] when it does not, or its labels are just the physical numbers."""
    try:
        if "/PageLabels" not in reader.trailer["/Root"]:
            return []
        labels = [str(label) for label in reader.page_labels]
    except Exception:  # noqa: BLE001 - damaged labels: fall back to physical numbers
        return []
    if len(labels) != len(reader.pages) or labels == [str(n) for n in range(1, len(labels) + 1)]:
        return []
    return labels


@dataclass(slots=True)
class PdfPages:
    """What :func:`extract_pages` reads from a PDF."""

    texts: list[str]  # each page's text, layout order, gaps as blank lines
    bookmarks: list[Bookmark]
    title: str | None  # the metadata title, when it is not junk
    labels: list[str]  # printed page numbers; [] when physical numbers are the page numbers


def extract_pages(data: bytes, name: str) -> PdfPages:
    """Each page's text (layout order, gaps as blank lines), bookmarks, a title hint and
    the page labels."""
    reader = _open(data, name)
    try:
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on a broken file
        raise DocumentError(f"{name}: not a valid PDF ({_short(exc)})") from None
    if not pages:
        raise DocumentError(f"{name}: this PDF has no pages")
    chars = sum(len("".join(p.split())) for p in pages)
    if chars < _MIN_TEXT_CHARS_PER_PAGE * len(pages):
        raise DocumentError(f"{name}: this PDF has no text layer; run OCR first")
    return PdfPages(pages, _bookmarks(reader), _title_hint(reader), _page_labels(reader))


def parse(data: bytes, filename: str | None = None) -> Document:
    """Parse the bytes of a PDF file."""
    name = filename or "document"
    pdf = extract_pages(data, name)
    paged = assemble(pdf.texts, pdf.bookmarks)
    doc = build_document(
        paged.text,
        paged.blocks,
        "pdf",
        filename=filename,
        hints=Metadata(title=pdf.title),
        # The PDF's own outline, when it could be placed, is the structure.
        conventions=paged.headings == 0,
    )
    doc.pages = paged.pages
    doc.page_labels = pdf.labels
    return doc
