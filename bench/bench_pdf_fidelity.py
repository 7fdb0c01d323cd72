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
- Debian's documentation PDFs (:data:`STUDIED`), scored against their own bookmarks:
  held out in the first pass; the second pass studied why two of them lost bookmarks,
  so they are tuned on now.
- a development set from texlive (:data:`DEV_PAPERS`, :data:`DEV_MANUALS`; other
  classes than the held-out ones), scored like the held-out set and tuned on.
- HELD OUT, never tuned on, chosen by what they are before the importer read any:
  two-column papers typeset by LaTeX with their ``.tex`` source beside them
  (texlive-publishers-doc: ACM, APS/REVTeX, JACoW, ASME conference and journal, MNRAS,
  IEEE PES, IMAC, Quantum), scored on the source's sentences found whole and on its
  section titles (``bench/tex_truth.py``), and single-column manuals with bookmarks
  from other -doc packages (ReportLab's user guide, gri, FreeFEM, elsarticle, REVTeX,
  LLNCS, ukbill). Their figures are printed apart. Absent files are skipped; to have
  them: ``apt-get install texlive-publishers-doc python-reportlab-doc gri-pdf-doc
  freefem-doc``.
- HELD OUT 2, never tuned on, chosen the same way once the first held-out set had been
  measured (:data:`HELD_OUT_2_PAPERS`, :data:`HELD_OUT_2_MANUALS`): two-column papers
  of six other classes with their sources, and manuals from other producers (Texinfo,
  dblatex, Apache FOP) and three other classes' samples. Printed apart.

Headings are matched by title (letters and digits, fuzzy at 0.85; then loosely: one
title starting the other, or holding it with a label or a word more), one to one,
with or without their label ("1.1 Scope" is the bookmark "Scope"). A heading a LaTeX
class prints itself (Abstract, References ...) counts neither way against a source.
"Bookmarks used" is the median over the PDFs that have bookmarks.
Multi-column sentences: each column's text is read on its own (PDFium, bounded by
the column's box, :data:`COLUMNS`); its whole sentences (not the first and last
piece, which a column break may cut) must appear whole in the reading view. Where a
box, a worksheet or a caption spans columns, the columns are annotated around it (a
column box cutting through it made "sentences" of half lines no reader sees). A
sentence holding inline math is whole when its words come in order with no more
between them than its formula (see :func:`intact`). Titles and sentences are
compared by letters and digits, compatibility forms folded (a "fi" ligature is "fi").
Speed is pages per second of processor time: the machine is shared with other work.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from reader.core.errors import DocumentError  # noqa: E402
from reader.core.importers.pdf import parse  # noqa: E402
from reader.core.reading import build_reading_view  # noqa: E402

REAL = REPO.parent / "shared" / "corpus" / "real"
CORPUS = REPO.parent / "shared" / "corpus"
# Debian's documentation PDFs: held out in the first pass, studied since (issue 14's
# second pass looked at why policy.pdf and developers-reference lost bookmarks), so
# tuned on now. ``apt-get install debian-policy developers-reference maint-guide
# gnu-standards libtasn1-doc shared-mime-info``.
STUDIED = [
    Path("/usr/share/doc/debian-policy/policy.pdf.gz"),
    Path("/usr/share/doc/debian-policy/fhs/fhs-3.0.pdf.gz"),
    Path("/usr/share/developers-reference/developers-reference.pdf"),
    Path("/usr/share/doc/maint-guide/maint-guide.en.pdf"),
    Path("/usr/share/doc/gnu-standards/standards.pdf.gz"),
    Path("/usr/share/doc/gnu-standards/maintain.pdf.gz"),
    Path("/usr/share/doc/libtasn1-doc/libtasn1.pdf"),
    Path("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"),
]
# Held out, never tuned on: chosen from what the classes and packages are (two-column
# document classes, -doc packages that ship PDFs with bookmarks) before any of them was
# read by the importer. Two-column papers typeset by LaTeX from the .tex source shipped
# beside them (``apt-get install texlive-publishers-doc``): the source's sentences and
# section titles are the ground truth (bench/tex_truth.py).
TEXLIVE = Path("/usr/share/doc/texlive-doc/latex")
HELD_OUT_PAPERS = [
    "acmart/samples/sample-sigconf",
    "revtex/sample/aps/apssamp",
    "jacow/JACoW_LaTeX_A4",
    "asmeconf/asmeconf-template",
    "asmejour/asmejour-template",
    "mnras/mnras_guide",
    "ieeepes/ieeepes_doc",
    "imac/imac",
    "quantumarticle/quantum-template",
]
# A development set of the same kinds, studied and tuned on (never the held-out
# documents, nor any of their classes): two-column papers with their sources (JPSJ,
# OE Letters, SAGEEP, ISCRAM) and manuals and theses with bookmarks.
DEV_PAPERS = ["jpsj/injpsj2", "opteng/OptEngInstruct", "sageep/sample", "iscram/iscram-class-doc"]
DEV_MANUALS = [
    "cje/cjeguide",
    "jmlr/pmlr-sample",
    "ejpecp/sample",
    "ijsra/ijsra",
    "aiaa/author_guide",
    "classicthesis/ClassicThesis",
    "uspatent/PatentApplicationGuide",
    "se2thesis/se2thesis",
    "univie-ling/univie-ling-paper",
    "oup-authoring-template/oup-authoring-template",
    "apa7/samples/longsample",
    "elteikthesis/elteikthesis_en",
    "cleanthesis/doc/cleanthesis-doc",
]
# Single-column manuals with bookmarks, scored against them (``apt-get install
# python-reportlab-doc gri-pdf-doc freefem-doc texlive-publishers-doc``): ReportLab's
# own PDF, pdfTeX and LuaTeX books, and one made by Acrobat Distiller.
HELD_OUT_MANUALS = [
    Path("/usr/share/doc/python-reportlab-doc/reportlab-userguide.pdf"),
    Path("/usr/share/doc/gri/gri.pdf.gz"),
    Path("/usr/share/doc/freefem-doc/freefem.pdf"),
    TEXLIVE / "elsarticle/elsdoc.pdf",
    TEXLIVE / "revtex/auguide/auguide4-2.pdf",
    TEXLIVE / "llncs/llncsdoc.pdf",
    TEXLIVE / "ukbill/ukbill-documentation.pdf",
]
# HELD OUT 2, never tuned on: chosen by what they are, before the importer read any and
# after the first held-out set had been measured (issue 14's third pass). Two-column
# papers with their LaTeX source beside them, of classes used nowhere else in the bench
# (ASAE Transactions, ASCE proceedings, Condensed Matter Physics, Elsevier's CAS double
# column, NRC Research Press, IAG symposia), and manuals with bookmarks from other
# producers: Texinfo (nettle), DocBook through dblatex (fontconfig) and through Apache
# FOP (valgrind), and three LaTeX classes' samples (Annals of Mathematics, NWEJM,
# AASTeX). ``apt-get install texlive-publishers-doc nettle-dev fontconfig valgrind``.
HELD_OUT_2_PAPERS = [
    "asaetr/asaetr",
    "ascelike/ascexmpl",
    "cmpj/template",
    "els-cas-templates/doc/elsdoc-cas",
    "nrc/userguide",
    "prociagssymp/TestprocIAGssymp",
]
HELD_OUT_2_MANUALS = [
    Path("/usr/share/doc/nettle-dev/nettle.pdf.gz"),
    Path("/usr/share/doc/fontconfig/fontconfig-user.pdf.gz"),
    Path("/usr/share/doc/valgrind/valgrind_manual.pdf.gz"),
    TEXLIVE / "aomart/aomsample.pdf",
    TEXLIVE / "nwejm/english/nwejm-en.pdf",
    TEXLIVE / "aastex/sample631.pdf",
]
CLEAN = ("nist-sp-800-223-hpc-security.pdf", "fr-etude-impact-photovoltaique-seranon.pdf")
NOISY = ("journal-2col-ion-crystal-quantum.pdf", "sapd-procedure-611-mentally-ill-persons.pdf")
# Column boxes of multi-column pages (1-based), read from the rendered pages: x from
# the left and, where a box spanning columns interrupts them, y from the top (points
# in the crop box); else y covers the page between its top and bottom 6%. IRS page 21
# has a box across its first two columns at the top and a worksheet across the last
# two at the bottom, and the journal's page 4 a figure caption across both columns at
# the top: their columns are annotated around them, and the box is a region of its
# own (boxes cutting through them made "sentences" of half lines no reader sees).
COLUMNS: dict[str, list[tuple[object, list[tuple[float, ...]]]]] = {
    "naacl06-2col-paper.pdf": [(range(2, 9), [(65, 305), (310, 545)])],
    "journal-2col-ion-crystal-quantum.pdf": [
        ((2, 3), [(40, 297), (300, 560)]),
        ((4,), [(40, 297, 335, 740), (300, 560, 335, 740)]),
    ],
    "irs-i1040nr-2007-instructions.pdf": [
        ((5, 6, 11), [(38, 212), (214, 396), (397, 578)]),
        ((21,), [(38, 345, 28, 236), (38, 212, 238, 750), (214, 396, 238, 420)]),
        ((21,), [(397, 578, 28, 422)]),
    ],
    "fr-etude-impact-photovoltaique-seranon.pdf": [((7, 9), [(60, 585), (595, 1125)])],
}
TARGETS = {"f1_stripped": 0.90, "f1_bookmarks": 0.98, "intact": 0.95, "pages_per_s": 20.0}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def norm(text: str) -> str:
    """Letters and digits, lower case, compatibility forms folded (a typeset "fi"
    ligature is the two letters)."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def _similar(a: str, b: str, loose: bool = False) -> bool:
    """The same title: equal or close (0.85); ``loose``, also one holding the other at
    its start (a bookmark "Appendix A1" for "Appendix A1: Typesetting an appendix") or
    with little more (a label, a word)."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85:
        return True
    short, long = sorted((a, b), key=len)
    return (
        loose
        and len(short) >= 8
        and (long.startswith(short) or (short in long and len(short) >= 0.6 * len(long)))
    )


def prf(
    found: list[tuple[str, ...]],
    truth: list[str],
    neutral: list[str] = (),
    misses: list[str] | None = None,
) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``found`` headings (each as its spellings) against
    ``truth`` titles, one to one: close matches first, then loose ones. A found heading
    that matches no truth title but one of ``neutral`` (a heading the class prints
    itself) counts neither way. ``misses``, when given, receives the truth titles
    missed ("- title") and the headings found that match none ("+ heading")."""
    left = list(truth)
    unmatched: list[tuple[str, ...]] = []
    hits = 0
    for names in found:
        k = next((i for i, t in enumerate(left) if any(_similar(n, t) for n in names)), None)
        if k is None:
            unmatched.append(names)
        else:
            hits += 1
            del left[k]
    scored = len(found)
    for names in unmatched:
        k = next(
            (i for i, t in enumerate(left) if any(_similar(n, t, loose=True) for n in names)),
            None,
        )
        if k is not None:
            hits += 1
            del left[k]
        elif any(_similar(n, x) for n in names for x in neutral):
            scored -= 1
        elif misses is not None:
            misses.append("+ " + names[0])
    if misses is not None:
        misses[:0] = ["- " + t for t in left]
    p = hits / scored if scored else (1.0 if not truth else 0.0)
    r = hits / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def outline(doc: object) -> list[tuple[str, ...]]:
    """The outline's headings, each as displayed (label and title) and as its title
    alone: a bookmark or a LaTeX source names "1.1 Scope" as "Scope"."""
    return [(n.display, n.title) if n.title else (n.display,) for n in doc.iter_nodes()]


def bookmark_titles(data: bytes) -> list[str]:
    """The PDF's own bookmarks (PDFium)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [" ".join((b.get_title() or "").split()) for b in pdf.get_toc()]
    finally:
        pdf.close()


def column_sentences(data: bytes, pages: object, cols: list[tuple[float, ...]]) -> list[str]:
    """Whole sentences of each column box of ``pages``, read box by box."""
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
            for box in cols:
                x0, x1 = box[:2]
                y0, y1 = box[2:] if len(box) == 4 else (0.06 * height, 0.94 * height)
                raw = text.get_text_bounded(left + x0, top - y1, left + x1, top - y0)
                flat = " ".join(raw.replace("\ufffe", "-").replace("\x02", "-").split())
                pieces = _SENTENCE_SPLIT.split(flat)[1:-1]
                out += [s for s in pieces if _prose(s)]
    finally:
        pdf.close()
    return out


# Inline math: symbols, Greek, a math font's stand-ins (ð Þ for brackets), a lone letter.
_MATH_RE = re.compile(
    r"[~<>={}^_|\\\u00d0\u00de\u00f0\u00fe\u0370-\u03ff\u2200-\u22ff]"
    r"|(?<!\w)(?![aAI]\b)[^\W\d_](?!\w)"
)


def intact(sentence: str, view: str) -> bool:
    """Whether ``sentence`` comes out whole in ``view`` (already normalised).

    A sentence holding inline math is whole when its words come in order with no more
    between two of them than the sentence has, give or take its formula's glyphs: the
    order of a formula's glyphs (a subscript before or after its letter) is not fixed
    by the PDF, and PDFium's order is no truer than the page's. A line of another column
    or a caption coming between them still breaks it.
    """
    key = norm(sentence)
    if key in view:
        return True
    if not _MATH_RE.search(sentence):
        return False
    tokens = (t.strip(".,;:()[]\"'") for t in sentence.split())
    words = [norm(t) for t in tokens if re.fullmatch(r"[^\W\d_]{3,}", t) and not _MATH_RE.search(t)]
    if len(words) < 4:
        return False
    gaps, at = [], key.find(words[0]) + len(words[0])
    for w in words[1:]:
        k = key.find(w, at)
        if k < 0:
            return False
        gaps.append(k - at)
        at = k + len(w)
    pattern = re.escape(words[0]) + "".join(
        f".{{0,{2 * g + 8}}}?{re.escape(w)}" for g, w in zip(gaps, words[1:], strict=True)
    )
    return re.search(pattern, view) is not None


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
    bookmarked: bool = False  # the PDF has bookmarks: "bookmarks used" means something
    refused: bool = False
    notes: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)  # per mode, see prf


def _timed_parse(data: bytes, name: str, **kw: object) -> tuple[object, float]:
    """The document and the processor time its parse took: the machine is shared, so
    time other processes took from it is not counted (this parse is single-threaded)."""
    started = time.process_time()
    doc = parse(data, name, **kw)
    return doc, time.process_time() - started


def score(
    name: str,
    data: bytes,
    truth: list[str] | None,
    runs: int = 1,
    sentences: list[str] | None = None,
    neutral: list[str] = (),
) -> Result:
    """Parse ``data`` (``runs`` times for the time) and score what ground truth allows:
    headings against ``truth``, and ``sentences`` (or those of the column boxes in
    :data:`COLUMNS`) found whole in the reading view."""
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
        res.bookmarked = bool(bookmark_titles(data))
        res.misses = {"stripped": [], "bookmarks": []}
        res.with_bookmarks = prf(outline(doc), truth, neutral, res.misses["bookmarks"])
        stripped = outline(parse(data, name, bookmarks=False))
        res.stripped = prf(stripped, truth, neutral, res.misses["stripped"])
    if sentences is None and name in COLUMNS:
        sentences = [
            s for pages, cols in COLUMNS[name] for s in column_sentences(data, pages, cols)
        ]
    if sentences:
        view = norm(build_reading_view(doc).text)
        res.sentences = (sum(intact(s, view) for s in sentences), len(sentences))
    return res


def _noisy(name: str, data: bytes) -> str:
    """How a document whose bookmarks are not an outline fares (see the module doc)."""
    doc = parse(data, name)
    found = [n for names in outline(doc) for n in names]
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


def report(title: str, results: list[Result], show_misses: bool = False) -> None:
    """Print a set's medians and totals against the targets (with ``show_misses``, each
    document's missed and extra headings too)."""
    print(f"{title}: {len(results)} documents, {sum(r.pages for r in results)} pages")
    for r in results:
        bits = [f"{r.pages} p"]
        if r.stripped:
            bits.append(
                f"F1 stripped {r.stripped[2]:.2f} (P {r.stripped[0]:.2f} R {r.stripped[1]:.2f})"
            )
        if r.with_bookmarks and r.bookmarked:
            bits.append(f"F1 bookmarks {r.with_bookmarks[2]:.2f}")
        if r.sentences[1]:
            bits.append(f"sentences {r.sentences[0]}/{r.sentences[1]}")
        if r.refused:
            bits.append("REFUSED")
        bits += r.notes
        print(f"    {r.name}: " + ", ".join(bits))
        for mode, lines in r.misses.items() if show_misses else ():
            if mode == "bookmarks" and not r.bookmarked:
                continue
            for line in lines:
                print(f"        {mode} {line}")
    stripped = [r.stripped[2] for r in results if r.stripped]
    marked = [r.with_bookmarks[2] for r in results if r.with_bookmarks and r.bookmarked]
    if stripped:
        print(
            _line(
                "heading F1, bookmarks stripped (median)",
                statistics.median(stripped),
                TARGETS["f1_stripped"],
            )
        )
    if marked:
        print(
            _line(
                "heading F1, bookmarks used (median of PDFs with bookmarks)",
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
        print(_line("pages per second (processor time)", rate, TARGETS["pages_per_s"], "{:.1f}"))


def _load(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _source(stem: str) -> Path | None:
    for suffix in (".tex", ".tex.gz"):
        if (TEXLIVE / (stem + suffix)).is_file():
            return TEXLIVE / (stem + suffix)
    return None


def held_out(papers: list[str], manuals: list[Path]) -> list[Result]:
    """Papers scored on their LaTeX sources and manuals on their bookmarks."""
    import tex_truth

    out = []
    for stem in papers:
        pdf, tex = TEXLIVE / (stem + ".pdf"), _source(stem)
        if not pdf.is_file() or tex is None:
            continue
        res = score(
            pdf.name,
            pdf.read_bytes(),
            tex_truth.headings(tex),
            sentences=tex_truth.sentences(tex),
            neutral=tex_truth.generated_headings(tex),
        )
        out.append(res)
    for path in manuals:
        if path.is_file():
            data = _load(path)
            out.append(score(path.name.removesuffix(".gz"), data, bookmark_titles(data) or None))
    return out


def main() -> None:
    """Score the corpus, the generated documents, the studied and the held-out sets.

    ``PDF_FIDELITY_MISSES=1`` prints the missed and extra headings of each tuned-on
    document (never of a held-out one: whoever tunes must not see them), and
    ``PDF_FIDELITY_TUNED_ONLY=1`` leaves the held-out sets out (while tuning)."""
    import os

    show = os.environ.get("PDF_FIDELITY_MISSES") == "1"
    tuned_only = os.environ.get("PDF_FIDELITY_TUNED_ONLY") == "1"
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
        report("Real corpus (tuned on)", real, show)
    else:
        print("Real corpus: ../shared/corpus/real not found, skipped")
    gen = []
    for name, data, truth in generated():
        gen.append(score(name, data, truth, sentences=COLUMN_BUILT.get(name)))
    report("Generated (tuned on)", gen, show)
    studied = []
    for path in STUDIED:
        if path.is_file():
            data = _load(path)
            name = path.name.removesuffix(".gz")
            studied.append(score(name, data, bookmark_titles(data) or None))
    if studied:
        title = "Debian documentation PDFs (held out in the first pass, studied since)"
        report(title, studied, show)
    else:
        print("Debian documentation PDFs: not installed, skipped")
    dev = held_out(DEV_PAPERS, [TEXLIVE / (stem + ".pdf") for stem in DEV_MANUALS])
    if dev:
        report("Development set (texlive, studied and tuned on)", dev, show)
    if tuned_only:
        return
    held = held_out(HELD_OUT_PAPERS, HELD_OUT_MANUALS)
    if held:
        report("HELD OUT, never tuned on (texlive two-column papers, -doc manuals)", held)
    else:
        print("Held out: texlive-publishers-doc and the -doc manuals not installed, skipped")
    held2 = held_out(HELD_OUT_2_PAPERS, HELD_OUT_2_MANUALS)
    if held2:
        report("HELD OUT 2, never tuned on (other two-column classes, other producers)", held2)
    else:
        print("Held out 2: texlive-publishers-doc and the -doc manuals not installed, skipped")


if __name__ == "__main__":
    main()
