"""Smoke-test a built Policy Reader binary: the CLI round trip and the GUI, offscreen.

    python packaging/smoke_test.py dist/policy-reader/policy-reader

Runs ``--version``, ``outline --json`` on a corpus document, then, in a temporary
library: ``import``, ``annotate``, ``export-md``, ``share-export`` and a
``--screenshot`` of the window with the built-in guide (which proves the bundled
resources are found). Then what issues 7-9 added, where a frozen binary can miss a
module: ``outline`` of a PDF made from the document (when reportlab is installed),
``compare``, ``stats``, ``qdc-export`` and ``qdpx-export``. The corpus is
``$READER_CORPUS`` or ``../shared/corpus`` beside the repository; without either a
small document is written to the temporary folder.
Prints one line per step; exits 1 with a clear message at the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_SHOT = (1200, 800)
PREFERRED_DOC = "policy-paper-lac-2016.txt"
FIXTURE = """\
Trade Policy Paper

Ministry of Commerce
2016-11-24

Preface

This paper sets out how the two regions will deepen their cooperation over the next decade.

Part I Trade

1. Goods

Both sides will reduce tariffs on farm goods and simplify customs procedures at the border.

2. Services

Both sides will open markets for financial services step by step and protect investors fairly.
"""


class SmokeFailure(Exception):
    """A step of the smoke test failed; the message says which and why."""


def project_version() -> str:
    """The version in pyproject.toml, which ``--version`` must print."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def find_document(tmp: Path) -> Path:
    """A corpus document to work on, or a small fixture written to ``tmp``."""
    env = os.environ.get("READER_CORPUS")
    corpus = Path(env) if env else ROOT.parent / "shared" / "corpus"
    if corpus.is_file():
        return corpus
    if corpus.is_dir():
        if (corpus / PREFERRED_DOC).is_file():
            return corpus / PREFERRED_DOC
        found = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md", ".html"))
        if found:
            return found[0]
    doc = tmp / "trade-policy-paper.txt"
    doc.write_text(FIXTURE, encoding="utf-8")
    return doc


def candidate_quotes(text: str, limit: int = 3) -> list[str]:
    """Plain phrases (letters, spaces, commas) that occur once, from the body's middle."""
    lines = [line.strip() for line in text.splitlines() if len(line.strip()) >= 80]
    middle = len(lines) / 2
    by_closeness = sorted(range(len(lines)), key=lambda i: abs(i - middle))
    quotes: list[str] = []
    for i in by_closeness:
        words = lines[i].split()
        quote = " ".join(words[2:8])
        if re.fullmatch(r"[A-Za-z][A-Za-z ,]*[A-Za-z]", quote) and text.count(quote) == 1:
            quotes.append(quote)
        if len(quotes) == limit:
            break
    return quotes


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise SmokeFailure(f"{path} is not a PNG file")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


class Runner:
    """Runs the binary with a private environment and checks each call."""

    def __init__(self, binary: Path, home: Path) -> None:
        self.binary = binary
        self.db = home / "library.db"
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICY_READER_AUTHOR="smoke")
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            self.env[var] = str(home / var.lower())

    def run(self, step: str, *args: str, library: bool = True, ok: bool = True) -> str:
        """Run one command; returns stdout. Raises SmokeFailure on a bad exit or a traceback."""
        cmd = [str(self.binary)] + (["--db", str(self.db)] if library else []) + list(args)
        started = time.perf_counter()
        try:
            proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"{step}: no exit after {exc.timeout} s: {' '.join(cmd)}") from exc
        took = time.perf_counter() - started
        if "Traceback" in proc.stderr or (ok and proc.returncode != 0):
            raise SmokeFailure(
                f"{step}: exit {proc.returncode}: {' '.join(cmd)}\n{proc.stdout}{proc.stderr}"
            )
        if ok:
            print(f"ok   {step} ({took:.2f} s)")
        return proc.stdout if proc.returncode == 0 else ""


def smoke(binary: Path, tmp: Path) -> None:
    """Every step, in order; raises SmokeFailure at the first that fails."""
    run = Runner(binary, tmp).run
    version = project_version()
    out = run("--version", "--version", library=False)
    if version not in out.split():
        raise SmokeFailure(f"--version printed {out.strip()!r}, expected {version}")

    doc = find_document(tmp)
    outline = json.loads(
        run(f"outline {doc.name} --json", "outline", str(doc), "--json", library=False)
    )
    if not outline.get("title") or not outline.get("outline"):
        raise SmokeFailure(f"outline of {doc} has no title or no headings: {outline}")

    imported = run("import", "import", str(doc))
    if not imported.strip():
        raise SmokeFailure("import printed nothing")
    fragment = " ".join(outline["title"].split()[:3])

    text = doc.read_text(encoding="utf-8-sig", errors="replace")
    for quote in candidate_quotes(text):
        if run("annotate", "annotate", fragment, "--quote", quote, "--tag", "smoke/test", ok=False):
            print(f"ok   annotate {fragment!r} --quote {quote!r}")
            break
    else:
        raise SmokeFailure(f"annotate: no quote from {doc} could be highlighted")

    md = tmp / "out.md"
    run("export-md", "export-md", "-o", str(md))
    flat = " ".join(md.read_text(encoding="utf-8").split())
    if quote not in flat:
        raise SmokeFailure(f"export-md: {md} lacks the quote {quote!r}")

    shared = tmp / "share.json"
    run("share-export", "share-export", "-o", str(shared))
    if quote not in shared.read_text(encoding="utf-8"):
        raise SmokeFailure(f"share-export: {shared} lacks the quote {quote!r}")

    paged_and_analysis(run, tmp, doc, text)
    multi_column(run, tmp)

    shot = tmp / "shot.png"
    run(
        "--screenshot (GUI, offscreen)",
        "--settings",
        str(tmp / "settings.ini"),
        "--screenshot",
        str(shot),
    )
    if not shot.is_file():
        raise SmokeFailure(f"--screenshot wrote no {shot}")
    width, height = png_size(shot)
    if width < MIN_SHOT[0] or height < MIN_SHOT[1]:
        raise SmokeFailure(
            f"screenshot is {width}x{height}, expected at least {MIN_SHOT[0]}x{MIN_SHOT[1]}"
        )
    docs = json.loads(run("docs --json", "docs", "--json"))
    if len(docs) < 2:  # the screenshot opened the bundled guide, which imports it
        raise SmokeFailure(f"the bundled guide was not opened: library has {docs}")
    print(f"ok   screenshot {width}x{height}, guide opened from the bundle")


def write_pdf(tmp: Path, text: str) -> Path | None:
    """``text`` laid out as a paginated PDF by the tests' generator; None without reportlab."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.core.pdf_fixtures import text_pdf
    except ImportError:
        return None
    path = tmp / "paper.pdf"
    path.write_bytes(text_pdf(text))
    return path


def multi_column(run: Callable[..., str], tmp: Path) -> None:
    """A two-column PDF with footnotes and running lines read in order through ``text``:
    every sentence whole, in its order, no running header or footnote in the text."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.core.pdf_layout_fixtures import columns_pdf
    except ImportError:
        print("skip the multi-column PDF (reportlab is not installed)")
        return
    built = columns_pdf(2, sections=3)
    path = tmp / "columns.pdf"
    path.write_bytes(built.data)
    shown = run("text columns.pdf", "text", str(path), library=False)
    flat = " ".join(shown.split())
    at = [flat.find(" ".join(s.split())) for s in built.sentences]
    if -1 in at or at != sorted(at):
        raise SmokeFailure(f"text of {path.name}: sentences broken or out of order")
    if "L 231/" in flat or any(note[2:30] in flat for note in built.notes):
        raise SmokeFailure(f"text of {path.name}: running lines or footnotes in the text")


def paged_and_analysis(run: Callable[..., str], tmp: Path, doc: Path, text: str) -> None:
    """PDF import, compare, statistics and REFI-QDA export through the binary."""
    pdf = write_pdf(tmp, text)
    if pdf is None:
        print("skip outline of a PDF (reportlab is not installed)")
        other = doc
    else:
        paged = json.loads(run("outline paper.pdf --json", "outline", str(pdf), "--json"))
        pages = [n.get("page") for n in paged.get("outline", [])]
        if not pages or None in pages:
            raise SmokeFailure(f"outline of {pdf} has no headings or no pages: {paged}")
        other = pdf
    compared = json.loads(
        run("compare --json", "compare", str(doc), str(other), "--json", library=False)
    )
    if not compared.get("pairs"):
        raise SmokeFailure(f"compare of {doc.name} with {other.name} paired nothing")
    if "smoke/test" not in run("stats --json", "stats", "--json"):
        raise SmokeFailure("stats --json does not list the tag smoke/test")
    qdc = tmp / "tags.qdc"
    run("qdc-export", "qdc-export", "-o", str(qdc))
    if 'name="smoke"' not in qdc.read_text(encoding="utf-8"):
        raise SmokeFailure(f"qdc-export: {qdc} lacks the code smoke")
    qdpx = tmp / "project.qdpx"
    run("qdpx-export", "qdpx-export", "-o", str(qdpx))
    with zipfile.ZipFile(qdpx) as z:
        if "project.qde" not in z.namelist():
            raise SmokeFailure(f"qdpx-export: {qdpx} has no project.qde")


def main(argv: list[str] | None = None) -> int:
    """Smoke-test the binary given on the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="packaging/smoke_test.py", description=__doc__)
    parser.add_argument("binary", type=Path, help="the built executable")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    opts = parser.parse_args(argv)
    if not os.access(opts.binary, os.X_OK) or not opts.binary.is_file():
        print(f"smoke test FAILED: {opts.binary} is not an executable file", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="policy-reader-smoke-"))
    try:
        smoke(opts.binary.resolve(), tmp)
    except (SmokeFailure, json.JSONDecodeError, OSError) as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr)
        print(f"(files kept in {tmp})", file=sys.stderr)
        return 1
    if not opts.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"smoke test passed: {opts.binary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
