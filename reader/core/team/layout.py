"""The team folder on disk: ``annotations/<author>.jsonld`` and ``documents/<fingerprint>.<ext>``.

Each author writes only their own file, named by a file-safe form of their name (the
real name is kept inside the file), so two people never write the same file and no sync
engine (git, Nextcloud, Syncthing, a network drive) ever has a conflict to show.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.importers import SUPPORTED_SUFFIXES

ANNOTATIONS_DIR = "annotations"
DOCUMENTS_DIR = "documents"
SUFFIX = ".jsonld"
MAX_SLUG = 60
# Names Windows refuses as files whatever their extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_UNSAFE_RE = re.compile(r"[^a-z0-9._-]+")
_FINGERPRINT_RE = re.compile(r"[0-9a-f]{64}")

Signature = tuple[int, int, int]  # (mtime_ns, size, inode): has the file changed?


class TeamError(ReaderError):
    """The team folder cannot be used as asked (one line; nothing local was changed)."""


def author_slug(name: str) -> str:
    """A file name for ``name``: lower-case ASCII letters, digits, ``.``, ``_`` and ``-``.

    Accents are dropped (``María`` -> ``maria``); a name with letters that have no ASCII
    form (``张伟``) keeps a short hash of the real name, so different names stay apart.
    Case is folded because macOS and Windows folders do not tell ``Ana`` from ``ana``.
    """
    real = " ".join(name.split())
    if not real:
        raise TeamError("a team folder needs your name (the author of your annotations)")
    folded = unicodedata.normalize("NFKD", real)
    kept = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_only = kept.encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE_RE.sub("-", ascii_only.lower()).strip("-._")[:MAX_SLUG].strip("-._")
    lost = len(ascii_only) < len(kept)
    if not slug or lost or slug in _RESERVED:
        digest = hashlib.sha256(real.casefold().encode("utf-8")).hexdigest()[:8]
        slug = f"{slug or 'author'}-{digest}"
    return slug


def signature(path: Path) -> Signature | None:
    """What tells a changed file from the one seen before; None when it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _visible_files(folder: Path) -> list[Path]:
    """Regular files not hidden (sync engines and atomic writes use hidden temporaries)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    return [Path(e.path) for e in entries if not e.name.startswith(".") and e.is_file()]


@dataclass(frozen=True)
class TeamFolder:
    """Paths in one team folder."""

    root: Path

    @property
    def annotations(self) -> Path:
        """Where each author's annotation file lives."""
        return self.root / ANNOTATIONS_DIR

    @property
    def documents(self) -> Path:
        """Where the source files of annotated documents live."""
        return self.root / DOCUMENTS_DIR

    def check(self) -> None:
        """Raise :class:`TeamError` unless the folder exists and its two subfolders can be
        made."""
        if not self.root.is_dir():
            raise TeamError(f"{self.root}: no such folder")
        try:
            self.annotations.mkdir(exist_ok=True)
            self.documents.mkdir(exist_ok=True)
        except OSError as exc:
            raise TeamError(f"{self.root}: cannot write there ({exc.strerror or exc})") from None

    def author_file(self, author: str) -> Path:
        """``annotations/<slug>.jsonld`` of ``author``."""
        return self.annotations / f"{author_slug(author)}{SUFFIX}"

    def annotation_files(self) -> list[Path]:
        """Every author's annotation file, by name."""
        return [p for p in _visible_files(self.annotations) if p.suffix.lower() == SUFFIX]

    def document_files(self) -> dict[str, Path]:
        """The shared source files by fingerprint (``documents/<fingerprint>.<ext>`` in a
        format the app reads)."""
        out: dict[str, Path] = {}
        for p in _visible_files(self.documents):
            stem = p.stem.lower()
            if _FINGERPRINT_RE.fullmatch(stem) and p.suffix.lower() in SUPPORTED_SUFFIXES:
                out.setdefault(stem, p)
        return out

    def document_file(self, fingerprint: str, suffix: str) -> Path:
        """Where the source of document ``fingerprint`` goes (``suffix`` as ``.pdf``)."""
        return self.documents / f"{fingerprint}{suffix.lower()}"
