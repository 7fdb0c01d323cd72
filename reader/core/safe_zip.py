"""Read zip archives we did not write (``.qdpx``, ``.docx``): one-line refusals.

A member is refused when it is encrypted, compressed by a method other than stored or
deflate, or larger than the limit once inflated (declared sizes are checked before
anything is inflated, and the inflated bytes are counted too: a zip bomb claims little).
An archive inside the archive is never opened.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from types import TracebackType

from reader.core.errors import ReaderError
from reader.core.limits import MAX_PART_BYTES

SUPPORTED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
# The names of methods a file may claim, for the message.
METHOD_NAMES = {
    1: "shrink",
    6: "implode",
    8: "deflate",
    9: "deflate64",
    12: "bzip2",
    14: "LZMA",
    93: "Zstandard",
    95: "XZ",
    98: "PPMd",
    99: "AES encryption",
}
_ENCRYPTED = 0x1
_STRONG_ENCRYPTION = 0x40


class SafeZip:
    """A zip archive opened for reading with limits; use as a context manager.

    ``source`` is a path or the archive's bytes; ``what`` names it in messages and
    ``error`` is the error type raised (one line each).
    """

    def __init__(
        self,
        source: str | Path | bytes,
        what: str,
        error: type[ReaderError] = ReaderError,
        *,
        kind: str = "zip archive",
        max_member_bytes: int = MAX_PART_BYTES,
    ) -> None:
        self.what, self.error, self.max_member_bytes = what, error, max_member_bytes
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        except FileNotFoundError:
            raise error(f"{what}: no such file") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise error(f"{what}: not a {kind} (not a valid zip file: {exc})") from None
        self.members = {info.filename: info for info in self.zip.infolist()}

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive."""
        self.zip.close()

    def check(self, info: zipfile.ZipInfo) -> None:
        """Raise unless ``info`` names a member we can read: not encrypted, stored or
        deflated, not declared larger than the limit."""
        name = info.filename
        if info.flag_bits & (_ENCRYPTED | _STRONG_ENCRYPTION) or info.compress_type == 99:
            raise self.error(f"{self.what}: {name} is encrypted; save it without a password")
        if info.compress_type not in SUPPORTED_METHODS:
            method = METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
            raise self.error(
                f"{self.what}: {name} is compressed with {method}, which is not supported "
                "(only stored or deflate)"
            )
        if info.file_size > self.max_member_bytes:
            raise self.error(f"{self.what}: {name} is too large ({info.file_size:,} bytes)")

    def read(self, name: str) -> bytes | None:
        """The inflated bytes of member ``name``, or None when there is no such member."""
        info = self.members.get(name)
        if info is None:
            return None
        self.check(info)
        try:
            with self.zip.open(info) as f:
                data = f.read(self.max_member_bytes + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
            ValueError,
        ) as exc:
            raise self.error(f"{self.what}: {name} is damaged ({exc})") from None
        if len(data) > self.max_member_bytes:
            raise self.error(f"{self.what}: {name} is too large once inflated")
        return data
