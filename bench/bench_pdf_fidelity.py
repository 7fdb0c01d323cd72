"""PDF fidelity: outline, multi-column reading order, refusals and speed, against targets.

Run: ``python bench/run.py pdf_fidelity`` or ``python bench/bench_pdf_fidelity.py``.

Documents, each scored only where its ground truth is sound:
- the real PDFs of ``../shared/corpus/real`` (tuned on). Their bookmarks are the
  heading ground truth where they are a section outline (NIST, the French study). The
  journal article's bookmarks are "Title", two figure captions and "References", and
  SAPD's are ten list items a word processor bookmarked: neither is an outline, so
  they are scored as what they are: none of those captions and list items may become
  a heading (reported as "noisy bookmarks kept out"), "References" must be found, and
  the journal's "Title" is checked against the document title.
- generated PDFs (tuned on): two- and three-column papers with footnotes and running
  lines, a report whose table header repeats, and the 2016 corpus paper laid out as a
  styled word-processor file whose bookmarks cover only fields and sections.
- held-out real PDFs never tuned on: Debian's documentation PDFs when installed
  (``apt-get install debian-policy developers-reference maint-guide gnu-standards``;
  also libtasn1-doc and shared-mime-info), scored against their own bookmarks.
  Absent files are skipped.

Headings are matched by title (letters and digits, fuzzy at 0.85), one to one.
Multi-column sentences: each column's text is read on its own (PDFium, bounded by
the column's box); its whole sentences (not the first and last piece, which a
column break may cut) must appear whole in the reading view.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.errors import DocumentError  # noqa: E402
from reader.core.importers.pdf import parse  # noqa: E402
from reader.core.reading import build_reading_view  # noqa: E402

REAL = REPO.parent / "shared" / "corpus" / "real"
CORPUS = REPO.parent / "shared" / "corpus"
HELD_OUT = [
    Path("/usr/share/doc/debian-policy/policy.pdf.gz"),
    Path("/usr/share/doc/debian-policy/fhs/fhs-3.0.pdf.gz"),
    Path("/usr/share/developers-reference/developers-reference.pdf"),
    Path("/usr/share/doc/maint-guide/maint-guide.en.pdf"),
    Path("/usr/share/doc/gnu-standards/standards.pdf.gz"),
    Path("/usr/share/doc/gnu-standards/maintain.pdf.gz"),
    Path("/usr/share/doc/libtasn1-doc/libtasn1.pdf"),
    Path("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"),
]
CLEAN = ("nist-sp-800-223-hpc-security.pdf", "fr-etude-impact-photovoltaique-seranon.pdf")
NOISY = ("journal-2col-ion-crystal-quantum.pdf", "sapd-procedure-611-mentally-ill-persons.pdf")
# Column boxes (x from the left, in points) of multi-column pages (1-based), read from
# the rendered pages; y covers the page between its top and bottom 6%.
COLUMNS = {
    "naacl06-2col-paper.pdf": (range(2, 9), [(65, 305), (310, 545)]),
    "journal-2col-ion-crystal-quantum.pdf": (range(2, 5), [(40, 297), (300, 560)]),
    "irs-i1040nr-2007-instructions.pdf": ((5, 6, 11, 21), [(38, 212), (214, 396), (397, 578)]),
    "fr-etude-impact-photovoltaique-seranon.pdf": ((7, 9), [(60, 585), (595, 1125)]),
}
TARGETS = {"f1_stripped": 0.90, "f1_bookmarks": 0.98, "intact": 0.95, "pages_per_s": 20.0}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def norm(text: str) -> str:
    """Letters and digits, lower case."""
    return re.sub(r"[\W_]+", "", text.lower())


def _similar(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a)):
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


def prf(found: list[str], truth: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``found`` titles against ``truth`` (one to one)."""
    left = list(truth)
    hits = 0
    for title in found:
        k = next((i for i, t in enumerate(left) if _similar(title, t)), None)
        if k is not None:
            hits += 1
            del left[k]
    p = hits / len(found) if found else (1.0 if not truth else 0.0)
    r = hits / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def outline(doc: object) -> list[str]:
    """The outline's headings as displayed (label and title)."""
    return [n.display for n in doc.iter_nodes()]


def bookmark_titles(data: bytes) -> list[str]:
    """The PDF's own bookmarks (PDFium)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [" ".join((b.get_title() or "").split()) for b in pdf.get_toc()]
    finally:
        pdf.close()


def column_sentences(data: bytes, pages: object, cols: list[tuple[float, float]]) -> list[str]:
    """Whole sentences of each column of ``pages``, read column by column."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    out: list[str] = []
    try:
        for number in pages:
            if number > len(pdf):
                continue
            page = pdf[number - 1]
            left, bottom, _right, top = page.get_cropbox()
            height = top - bottom
            text = page.get_textpage()
            for x0, x1 in cols:
                raw = text.get_text_bounded(
                    left + x0, bottom + 0.06 * height, left + x1, top - 0.06 * height
                )
                flat = " ".join(raw.replace("\ufffe", "-").replace("\x02", "-").split())
                pieces = _SENTENCE_SPLIT.split(flat)[1:-1]
                out += [s for s in pieces if _prose(s)]
    finally:
        pdf.close()
    return out


def _prose(sentence: str) -> bool:
    """A sentence of running text, not the labels of a figure or a table's cells run
    together (what a column's box also holds)."""
    words = sentence.split()
    if not 8 <= len(words) <= 80 or _NOT_PROSE.search(sentence):
        return False
    return sum(w.strip(".,;:()\u201c\u201d\"'").isalpha() for w in words) >= 0.8 * len(words)


_NOT_PROSE = re.compile(r"\b(?:Figure|Fig\.|Table)\s*\d|\.\.\.|\u2026|[|=$]")


@dataclass
class Result:
    """What one document scored."""

    name: str
    pages: int = 0
    seconds: float = 0.0
    stripped: tuple[float, float, float] | None = None
    with_bookmarks: tuple[float, float, float] | None = None
    sentences: tuple[int, int] = (0, 0)
    refused: bool = False
    notes: list[str] = field(default_factory=list)


def _timed_parse(data: bytes, name: str, **kw: object) -> tuple[object, float]:
    started = time.perf_counter()
    doc = parse(data, name, **kw)
    return doc, time.perf_counter() - started


def score(name: str, data: bytes, truth: list[str] | None, runs: int = 1) -> Result:
    """Parse ``data`` (``runs`` times for the time) and score what ground truth allows."""
    res = Result(name)
    try:
        times = []
        for _ in range(runs):
            doc, t = _timed_parse(data, name)
            times.append(t)
    except DocumentError as exc:
        res.refused = True
        res.notes.append(str(exc))
        return res
    res.pages, res.seconds = len(doc.pages), statistics.median(times)
    if truth:
        res.with_bookmarks = prf(outline(doc), truth)
        res.stripped = prf(outline(parse(data, name, bookmarks=False)), truth)
    if name in COLUMNS:
        pages, cols = COLUMNS[name]
        view = norm(build_reading_view(doc).text)
        sentences = column_sentences(data, pages, cols)
        res.sentences = (sum(norm(s) in view for s in sentences), len(sentences))
    return res


def _noisy(name: str, data: bytes) -> str:
    """How a document whose bookmarks are not an outline fares (see the module doc)."""
    doc = parse(data, name)
    found = outline(doc)
    marks = json.loads((REAL / "ground.json").read_text())[name]["headings"]
    junk = [m["title"] for m in marks if m["title"] not in ("References", "Title")]
    kept_out = sum(not any(_similar(j, f) for f in found) for j in junk)
    parts = [f"noisy bookmarks kept out {kept_out}/{len(junk)}"]
    if any(m["title"] == "References" for m in marks):
        parts.append(f"References found: {any(_similar('References', f) for f in found)}")
    parts.append(f"title {doc.title!r}")
    return ", ".join(parts)


def generated() -> list[tuple[str, bytes, list[str]]]:
    """Generated documents with their headings (the corpus paper when present)."""
    from tests.core.pdf_layout_fixtures import columns_pdf, styled_pdf, table_pdf

    out = []
    for cols in (2, 3):
        built = columns_pdf(cols, sections=8)
        out.append((f"generated {cols}-column paper", built.data, [h for h, _ in built.headings]))
        COLUMN_BUILT[f"generated {cols}-column paper"] = built.sentences
    table = table_pdf()
    out.append(("generated table report", table.data, [h for h, _ in table.headings]))
    paper = CORPUS / "policy-paper-lac-2016.txt"
    if paper.is_file():
        from reader.core.importers import load_document

        built = styled_pdf(load_document(paper))
        out.append(("2016 paper as styled PDF", built.data, [h for h, _ in built.headings]))
    return out


COLUMN_BUILT: dict[str, list[str]] = {}


def _line(label: str, value: float, target: float, fmt: str = "{:.2f}") -> str:
    ok = "ok" if value >= target else "MISSED"
    return f"  {label}: {fmt.format(value)} (target >= {fmt.format(target)}) {ok}"


def report(title: str, results: list[Result]) -> None:
    """Print a set's medians and totals against the targets."""
    print(f"{title}: {len(results)} documents, {sum(r.pages for r in results)} pages")
    for r in results:
        bits = [f"{r.pages} p"]
        if r.stripped:
            bits.append(
                f"F1 stripped {r.stripped[2]:.2f} (P {r.stripped[0]:.2f} R {r.stripped[1]:.2f})"
            )
        if r.with_bookmarks:
            bits.append(f"F1 bookmarks {r.with_bookmarks[2]:.2f}")
        if r.sentences[1]:
            bits.append(f"sentences {r.sentences[0]}/{r.sentences[1]}")
        if r.refused:
            bits.append("REFUSED")
        bits += r.notes
        print(f"    {r.name}: " + ", ".join(bits))
    stripped = [r.stripped[2] for r in results if r.stripped]
    marked = [r.with_bookmarks[2] for r in results if r.with_bookmarks]
    if stripped:
        print(
            _line(
                "heading F1, bookmarks stripped (median)",
                statistics.median(stripped),
                TARGETS["f1_stripped"],
            )
        )
        print(
            _line(
                "heading F1, bookmarks used (median)",
                statistics.median(marked),
                TARGETS["f1_bookmarks"],
            )
        )
    whole = sum(r.sentences[0] for r in results)
    total = sum(r.sentences[1] for r in results)
    if total:
        print(
            _line(
                f"multi-column sentences intact ({whole}/{total})",
                whole / total,
                TARGETS["intact"],
                "{:.1%}",
            )
        )
    refused = sum(r.refused for r in results)
    print(f"  refused with a text layer: {refused} (target 0) {'ok' if not refused else 'MISSED'}")
    seconds = sum(r.seconds for r in results)
    if seconds:
        rate = sum(r.pages for r in results) / seconds
        print(_line("pages per second", rate, TARGETS["pages_per_s"], "{:.1f}"))


def main() -> None:
    """Score the corpus, the generated documents and the held-out set."""
    if REAL.is_dir():
        ground = json.loads((REAL / "ground.json").read_text())
        real = []
        for path in sorted(REAL.glob("*.pdf")):
            truth = None
            if path.name in CLEAN:
                truth = [h["title"] for h in ground[path.name]["headings"]]
            res = score(path.name, path.read_bytes(), truth, runs=3)
            if path.name in NOISY:
                res.notes.append(_noisy(path.name, path.read_bytes()))
            real.append(res)
        report("Real corpus (tuned on)", real)
    else:
        print("Real corpus: ../shared/corpus/real not found, skipped")
    gen = []
    for name, data, truth in generated():
        res = score(name, data, truth)
        if name in COLUMN_BUILT:
            view = norm(build_reading_view(parse(data, name)).text)
            sentences = COLUMN_BUILT[name]
            res.sentences = (sum(norm(s) in view for s in sentences), len(sentences))
        gen.append(res)
    report("Generated (tuned on)", gen)
    held = []
    for path in HELD_OUT:
        if not path.is_file():
            continue
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        truth = bookmark_titles(data) or None
        held.append(score(path.name.removesuffix(".gz"), data, truth))
    if held:
        report("Held out, never tuned on (Debian documentation PDFs)", held)
    else:
        print("Held out: no Debian documentation PDFs installed, skipped")


if __name__ == "__main__":
    main()
