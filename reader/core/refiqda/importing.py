"""Import a codebook (from a ``.qdc``, the codebook part of a ``.qdpx``, or a codebook
CSV as Taguette writes one) as tags."""

from __future__ import annotations

import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.library_model import CodebookEntry
from reader.core.refiqda.codebook import Code, parse_codebook
from reader.core.refiqda.codebook_csv import looks_like_codebook_csv, parse_codebook_csv
from reader.core.refiqda.project_reader import project_codes, project_root
from reader.core.refiqda.xmlsafe import MAX_XML_BYTES, RefiQdaError
from reader.core.store.codebook import CodebookCounts

if TYPE_CHECKING:
    from reader.core.store import Library


@dataclass(slots=True)
class CodebookReport(CodebookCounts):
    """What a codebook import did, and how its code names were read."""

    paths_from_names: list[str] = field(default_factory=list)  # "/" in a name: a path

    def summary(self) -> str:
        """The counts, and how many code names were read as tag paths."""
        text = CodebookCounts.summary(self)
        if n := len(self.paths_from_names):
            text += f"; {n} code name(s) with '/' read as tag paths (as Taguette writes them)"
        return text


def read_codebook_file(path: str | Path) -> list[Code]:
    """The codes of a ``.qdc`` codebook, of a ``.qdpx`` project's codebook or of a
    codebook CSV (a ``.csv``, or a file starting with such a header), checked."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            magic = f.read(4)
        # A truncated zip has no directory for is_zipfile() to find: the suffix or the
        # local header's signature still tell a project from a codebook.
        if p.suffix.lower() == ".qdpx" or magic == b"PK\x03\x04" or zipfile.is_zipfile(p):
            root, archive = project_root(p)
            codes = project_codes(root, archive.what)
        else:
            with p.open("rb") as f:
                data = f.read(MAX_XML_BYTES + 1)
            if p.suffix.lower() == ".csv" or looks_like_codebook_csv(data):
                codes = parse_codebook_csv(data, p.name)
            else:
                codes = parse_codebook(data, p.name)
    except FileNotFoundError:
        raise RefiQdaError(f"{p}: no such file") from None
    except OSError as exc:  # a folder, no permission, a read error
        raise RefiQdaError(f"{p}: cannot read it ({exc.strerror or exc})") from None
    if not codes:
        raise RefiQdaError(f"{p.name}: the codebook has no codes")
    return codes


def codebook_entries(codes: list[Code]) -> list[CodebookEntry]:
    """Every code as a tag (path, description, GUID, colour, codability), parents
    before their children. A code without a GUID (from a CSV) keeps the tag's own."""
    return [
        CodebookEntry(c.path, c.description, c.guid or None, c.color, c.codable)
        for top in codes
        for c in top.walk()
    ]


def import_codebook(library: Library, path: str | Path) -> CodebookReport:
    """Read and check ``path`` completely, then create its tags and set their
    descriptions in one transaction: a bad file imports nothing."""
    codes = read_codebook_file(path)
    counts = library.apply_codebook(codebook_entries(codes))
    slashed = [c.path for top in codes for c in top.walk() if c.from_slash_name]
    return CodebookReport(**asdict(counts), paths_from_names=slashed)
