"""PDF and Word import timings: a generated 200-page PDF and a Word file of similar size.

Target: a 200-page PDF imports (read, structure, clauses) in <= 5 s.
Run: ``python bench/run.py pdf`` or ``python bench/bench_pdf.py``.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.importers import parse_bytes  # noqa: E402
from tests.core.docx_fixtures import make_docx, p  # noqa: E402

PAGES = 200
RUNS = 3
TARGET_S = 5.0
WORDS = [
    *("the", "of", "and", "to", "in", "cooperation", "development", "economic", "policy"),
    *("trade", "investment", "countries", "regional", "partnership", "sustainable"),
    *("infrastructure", "financial", "strengthen", "promote", "exchanges", "mutual"),
    *("benefit", "both", "sides", "will", "further"),
]


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
        for _ in range(n)
    ]


def make_pdf(pages: int = PAGES, seed: int = 1) -> bytes:
    """A paper of ``pages`` A4 pages: running header, page numbers, Part/section headings,
    wrapped paragraphs with gaps, bookmarks for the Parts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(72, height - 40, "A Generated Policy Paper on Regional Cooperation")
        c.drawCentredString(width / 2, 30, str(page))
        y = height - 80
        if page % 20 == 1:
            part = f"Part {page // 20 + 1} Cooperation in Field {page // 20 + 1}"
            c.bookmarkPage(f"p{page}")
            c.addOutlineEntry(part, f"p{page}", level=0)
            c.setFont("Helvetica-Bold", 13)
            c.drawString(72, y, part)
            y -= 28
        c.setFont("Helvetica-Bold", 11)
        c.drawString(72, y, f"({page}) Section {page}")
        y -= 22
        c.setFont("Helvetica", 10.5)
        for para in _paragraphs(rng, 8):
            line = ""
            for word in para.split():
                if c.stringWidth(f"{line} {word}", "Helvetica", 10.5) > width - 144:
                    c.drawString(72, y, line)
                    y -= 13
                    line = word
                else:
                    line = f"{line} {word}".strip()
            c.drawString(72, y, line)
            y -= 24
            if y < 120:
                break
        c.showPage()
    c.save()
    return buf.getvalue()


def make_word(paragraphs: int, seed: int = 1) -> bytes:
    """A Word file with headings every 20 paragraphs and numbered items."""
    rng = random.Random(seed)
    body = []
    for n, text in enumerate(_paragraphs(rng, paragraphs)):
        if n % 20 == 0:
            body.append(p(f"Cooperation in Field {n // 20 + 1}", "Heading1"))
        body.append(p(text, num=(1, 0)) if n % 5 == 4 else p(text))
    return make_docx(body)


def _median(label: str, fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"{label}: median {median:.2f} s of {runs} ({len(result.text):,} chars)")
    return median


def main() -> None:
    """Print import medians for the PDF and the Word file against the target."""
    pdf = make_pdf()
    t = _median(
        f"PDF {PAGES} pages, {len(pdf) / 1e6:.1f} MB", lambda: parse_bytes(pdf, "pdf", "b.pdf")
    )
    print(f"  target <= {TARGET_S:.0f} s: {'ok' if t <= TARGET_S else 'MISSED'}")
    doc = parse_bytes(pdf, "pdf", "b.pdf")
    print(f"  {len(doc.pages)} pages, {len(doc.iter_nodes())} outline nodes")
    word = make_word(1600)
    t = _median(
        f"Word, 1,600 paragraphs, {len(word) / 1e6:.1f} MB",
        lambda: parse_bytes(word, "docx", "b.docx"),
    )
    print(f"  target <= {TARGET_S:.0f} s: {'ok' if t <= TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()
