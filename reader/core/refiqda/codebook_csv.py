"""Read a codebook CSV, the codebook file Taguette writes and reads: a header naming the
tag column (``tag``, ``name`` or ``path``, in any case) and optionally ``description``,
then a row per tag, its path written ``culture/education``. Other columns (Taguette's
export adds ``number of highlights`` and ``number of documents``) are ignored.

Taguette's ``.qdc`` carries no descriptions, so its CSV is the only file that brings
them over. The reading follows Taguette's own importer (taguette/import_codebook.py:
the same columns, cells stripped, blank rows skipped), but is checked as our ``.qdc``
import is: the whole file first, and a bad one is refused with one line naming its row.
The text must be UTF-8 (with or without a byte-order mark), which both Taguette's
export and ours are; a file in another character set is refused rather than guessed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from reader.core.errors import ReaderError
from reader.core.limits import MAX_CODES, MAX_DESCRIPTION, check_length
from reader.core.refiqda.codebook import Code
from reader.core.refiqda.xmlsafe import RefiQdaError
from reader.core.tags import SEPARATOR, normalize_tag

TAG_COLUMNS = ("tag", "name", "path")  # Taguette's names for the tag column, in its order


def _header(line: str) -> list[str]:
    try:
        return [cell.strip().lower() for cell in next(csv.reader([line]), [])]
    except csv.Error:
        return []


def looks_like_codebook_csv(data: bytes) -> bool:
    """Whether ``data`` starts with a codebook CSV's header line."""
    first = data[:4096].split(b"\n", 1)[0]
    try:
        line = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return any(name in _header(line) for name in TAG_COLUMNS)


def parse_codebook_csv(data: bytes, what: str) -> list[Code]:
    """The codes of a codebook CSV's bytes, one per row, each named by its tag path
    (no GUID: the CSV has none). Raises :class:`RefiQdaError` on a bad file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RefiQdaError(
            f"{what}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8"
        ) from None
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)  # an unclosed quote: refused
    try:
        header = [cell.strip().lower() for cell in next(rows, [])]
        found = [name for name in TAG_COLUMNS if name in header]
        if not found:
            raise RefiQdaError(f"{what}: not a codebook CSV (no column 'tag', 'name' or 'path')")
        if len(found) > 1:
            raise RefiQdaError(
                f"{what}: more than one of the columns 'tag', 'name', 'path': which holds the tag?"
            )
        col_tag = header.index(found[0])
        col_desc = header.index("description") if "description" in header else None
        return _codes(rows, col_tag, col_desc, what)
    except csv.Error as exc:
        raise RefiQdaError(f"{what}: not a readable CSV ({exc})") from None


def _codes(rows: Iterator[list[str]], col_tag: int, col_desc: int | None, what: str) -> list[Code]:
    needed = max(col_tag, col_desc or 0) + 1
    codes: list[Code] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, 2):  # the header is row 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < needed:
            raise RefiQdaError(f"{what}: row {number} has {len(row)} column(s), not {needed}")
        try:
            path = normalize_tag(row[col_tag])
        except ReaderError:
            raise RefiQdaError(f"{what}: row {number} has no tag or one too long") from None
        if (first := seen.setdefault(path.lower(), number)) != number:
            raise RefiQdaError(f"{what}: rows {first} and {number} are the same tag {path!r}")
        description = row[col_desc].strip() if col_desc is not None else ""
        check_length(description, f"{what}: row {number}'s description", MAX_DESCRIPTION,
                     RefiQdaError)  # fmt: skip
        codes.append(Code("", path.rsplit(SEPARATOR, 1)[-1], path, description))
        if len(codes) > MAX_CODES:
            raise RefiQdaError(f"{what}: more than {MAX_CODES:,} tags")
    return codes
