"""Pages laid out for the assembly: lines in reading order, furniture and footnotes set
apart, the title and the headings the fonts show.

Each page becomes a list of :class:`~reader.core.importers.paged.PageLine` in the order
the stored text keeps: running headers, the text flow (``""`` between paragraphs),
the page's footnotes, running footers, then any rotated text (a margin note, a
journal's vertical banner), so nothing on the page is lost and the text flow is never
interrupted by what is not part of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from reader.core.heading_run_in import run_in_title
from reader.core.importers.paged import PageLine
from reader.core.importers.pdf.bookmarks import Mark
from reader.core.importers.pdf.engine import Font, PdfSource
from reader.core.importers.pdf.headings import (
    Style,
    family_of,
    find_headings,
    is_heading_text,
    is_named,
    join_wrapped,
    split_label,
    style_of,
)
from reader.core.importers.pdf.layout import Placed, reading_order
from reader.core.importers.pdf.lines import Line, page_lines
from reader.core.importers.pdf.running import body_size, mark_footnotes, running_roles

_TITLE_FACTOR = 1.15  # the title is set at least this much larger than the body
_RUN_IN_END = " .:\u2013\u2014-"  # what ends a run-in heading's title ("Scope." "Scope:")
_RUN_IN_WORDS = 10  # a run-in heading's title has at most this many words
# Lead-ins that open a statement, not a section: theorems and their kin, notes.
_NOT_RUN_IN_RE = re.compile(
    r"(?:theorem|lemma|proof|corollary|definition|proposition|remark|example|conjecture"
    r"|axiom|algorithm|claim|exercise|problem|solution|hint|case|step|assumption"
    r"|hypothesis|observation|fact|notation|property|question|answer|note|warning"
    r"|caution|tip|important|nota|beispiel|satz|beweis|exemple|preuve|th[ée]or[èe]me)\b",
    re.I,
)
# A table of contents entry: a dot leader (or ellipses) to a page number at the end.
_TOC_RE = re.compile(r"(?:\.\s?){4,}\s*[\dIVXivx]{0,6}\s*$|\u2026{2,}\s*[\dIVXivx]{0,6}\s*$")
# ... or a plain page number after the entry's words.
_PAGE_END_RE = re.compile(r"[^\W\d_][\s.\u2026|]*\s(\d{1,4})$")  # "|": a table's cell
_CONTENTS_NAMES = frozenset(
    {
        "contents",
        "tableofcontents",
        "sommaire",
        "tabledesmatieres",
        "inhalt",
        "inhaltsverzeichnis",
        "indice",
        "contenido",
        "contenidos",
    }
)


@dataclass(slots=True)
class Para:
    """A paragraph of the text flow: where its lines are and how it is set."""

    page: int
    line: int  # index of its first line in the page's PageLine list
    lines: list[Line]
    row: bool = False  # a table row: never a heading

    @property
    def text(self) -> str:
        """Its lines joined with spaces."""
        return join_wrapped([ln.text for ln in self.lines])

    def lead_in(self, fonts: list[Font]) -> tuple[str, Style, int] | None:
        """A run-in heading opening the paragraph: its title, its style and its length
        in characters on the first line ("1.2 Scope." of "1.2 Scope. The text ..."),
        when the line's lead-in reads as a heading."""
        first = self.lines[0]
        if not first.run_in or self.row:
            return None
        lead = first.text[: first.run_in]
        title = lead.rstrip(_RUN_IN_END)
        after = first.text[first.run_in :].lstrip()
        if not title or len(title.split()) > _RUN_IN_WORDS or not is_heading_text(title):
            return None
        label = split_label(title)[0]
        if len(after.split()) < 3:
            return None  # a heading line with a word in another face ("NMUs and debian/")
        if not label and (
            lead.rstrip()[-1:] not in ".\u2013\u2014"
            or not after[:1].isupper()
            or not run_in_title(title)
        ):
            # Unnumbered, a lead-in ends as a heading does ("Scope. The text") and reads
            # as a title; else it is a phrase the sentence goes on from, a sentence set
            # in bold, or a term and its definition.
            return None
        if _NOT_RUN_IN_RE.match(title) or (title.isupper() and not label):
            return None  # "Theorem 1 (Powers).", "Proof.", "IMPORTANT": no section
        font = fonts[first.run_font]
        style = style_of(first.size, font.bold, title, family_of(font.name), font.italic)
        style.run_in = True
        return title, style, first.run_in

    def style(self, fonts: list[Font]) -> Style:
        """Its style when all its lines share one, else the body-like weakest."""
        size = min(ln.size for ln in self.lines)
        family = family_of(fonts[self.lines[0].font].name)
        bold = all(ln.all_bold for ln in self.lines)
        italic = all(ln.italic for ln in self.lines)
        spaced = all(ln.spaced for ln in self.lines)
        smallcaps = all(ln.smallcaps for ln in self.lines)
        return style_of(size, bold, self.text, family, italic, spaced, smallcaps)


@dataclass(slots=True)
class Laid:
    """Every page's lines for the assembly, with what the fonts say."""

    pages: list[list[PageLine]]
    paras: list[Para] = field(default_factory=list)
    headings: list[Mark] = field(default_factory=list)
    title: Mark | None = None
    body: Style = field(default_factory=lambda: Style(10.0, False, False))

    @property
    def empty(self) -> bool:
        """No text was laid out on any page."""
        return not any(ln.text for page in self.pages for ln in page)


def _page(
    number: int,
    lines: list[Line],
    roles: dict[int, str],
    height: float,
    body: float,
    repeated: set[str],
) -> tuple[list[PageLine], list[Para]]:
    top = [(ln, roles[i]) for i, ln in enumerate(lines) if roles.get(i) == "page-header"]
    bottom = [(ln, r) for i, ln in enumerate(lines) if (r := roles.get(i)) and r != "page-header"]
    flow = [ln for i, ln in enumerate(lines) if i not in roles]
    placed = reading_order(flow)
    toc = _contents(placed)
    notes = mark_footnotes(placed, height, body, toc)
    out: list[PageLine] = []
    paras: list[Para] = []
    for ln, role in sorted(top, key=lambda x: (x[0].top, x[0].x0)):
        out.append(PageLine(ln.text, role=role))
    first_rows: dict[int, int] = {}
    for i, p in enumerate(placed):
        if p.cells:
            first_rows.setdefault(p.block, i)
    for i, p in enumerate(placed):
        if i in notes:
            continue
        if i in toc:
            out.append(PageLine(p.line.text, role="contents"))
            continue
        row = bool(p.cells)  # a table row is a line of its own in the text
        if (p.gap or row) and out and out[-1].text:
            out.append(PageLine(""))
        if row and i == first_rows.get(p.block) and p.line.text in repeated:
            out.append(PageLine(p.line.text, role="repeated-header"))
            continue
        if p.gap or row or not paras or paras[-1].page != number:
            paras.append(Para(number, len(out), [], row))
        paras[-1].lines.append(p.line)
        out.append(
            PageLine(
                p.line.text,
                row=row,
                top=p.line.top,
                opens=p.gap or row,
                lead=p.line.run_in if p.gap and not row else 0,
            )
        )
    for i in first_rows.values():  # a table header row seen again on a later page repeats
        repeated.add(placed[i].line.text)
    _add_notes(out, placed, notes)
    for ln, role in sorted(bottom, key=lambda x: (x[0].top, x[0].x0)):
        out.append(PageLine(ln.text, role=role))
    return out, paras


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if c.isalpha())


def _contents(placed: list[Placed]) -> set[int]:
    """Lines of a table of contents, and the "Contents" line above them.

    An entry ends in its page number: after a dot leader, or after a plain space where
    most lines of a column end in numbers that run upward (a table of contents without
    leaders). In a column, everything from its first entry to its last is contents (an
    entry wrapped onto two or three lines, a page number alone on its line), and so are
    the unfinished lines just above an entry set as it is (its first lines).
    """
    regions: dict[int, list[int]] = {}
    for i, p in enumerate(placed):
        regions.setdefault(p.block, []).append(i)
    texts = [p.line.text for p in placed]
    entries = {i for i, t in enumerate(texts) if _TOC_RE.search(t)}
    if len(entries) < 2:
        entries = set()
        for idxs in regions.values():
            entries.update(idxs[k] for k in _numbered_entries([texts[i] for i in idxs]))
    if len(entries) < 2:
        return set()
    out = set(entries)
    for idxs in regions.values():
        mine = [k for k, i in enumerate(idxs) if i in entries]
        if not mine:
            continue
        out.update(idxs[mine[0] : mine[-1] + 1])
        for k in mine:
            entry = placed[idxs[k]].line
            for back in range(k - 1, max(-1, k - 4), -1):
                i = idxs[back]
                line = placed[i].line
                # Set as the entry is (an index's or a chapter's title above is not).
                same = abs(line.size - entry.size) < 0.5 and line.all_bold == entry.all_bold
                if i in out or texts[i][-1:] in ".:;!?" or not same:
                    break
                out.add(i)
    for i, t in enumerate(texts):
        if _fold(t) in _CONTENTS_NAMES:
            out.add(i)
    return out


def _numbered_entries(texts: list[str]) -> list[int]:
    """Lines ending in a page number, when most lines do and the numbers run upward."""
    found = [(k, int(m.group(1))) for k, t in enumerate(texts) if (m := _PAGE_END_RE.search(t))]
    if len(found) < 5 or len(found) < 0.6 * len(texts):
        return []
    numbers = [n for _, n in found]
    rising = sum(b >= a for a, b in zip(numbers, numbers[1:], strict=False))
    return [k for k, _ in found] if rising >= 0.9 * (len(numbers) - 1) else []


def _add_notes(out: list[PageLine], placed: list[Placed], notes: dict[int, bool]) -> None:
    """Footnotes after the text flow, one furniture block per note."""
    first: PageLine | None = None
    for i in sorted(notes):
        line = PageLine(placed[i].line.text, role="footnote")
        if notes[i] or first is None:
            first = line
            first.heading_lines = 1
        else:
            first.heading_lines += 1
        out.append(line)


def _title(paras: list[Para], body: float) -> list[int]:
    """The first page's title (indexes of its paragraphs): its largest text, when it is
    set larger than the body; following paragraphs of that size (a title set with wide
    leading) belong to it."""
    first_page = [i for i, p in enumerate(paras) if p.page == paras[0].page] if paras else []
    if not first_page:
        return []
    best = max(first_page, key=lambda i: max(ln.size for ln in paras[i].lines))
    size = max(ln.size for ln in paras[best].lines)
    if size < _TITLE_FACTOR * body:
        return []
    out = [best]
    for i in first_page[first_page.index(best) + 1 :]:
        if abs(min(ln.size for ln in paras[i].lines) - size) > 0.5:
            break
        out.append(i)
    lines = [ln for i in out for ln in paras[i].lines]
    if len(lines) > 4 or sum(len(ln.text) for ln in lines) > 250:
        return []
    return out


def _banner_title(
    page: list[PageLine], lines: list[Line], roles: dict[int, str], body: float
) -> Mark | None:
    """The title printed in a banner that heads every page (a manual's procedure name
    in its header table): the first page's running header lines set larger than the
    body, when its text flow holds no title. On that page they are the title; on the
    others they stay running headers."""
    top = sorted(
        (ln for i, ln in enumerate(lines) if roles.get(i) == "page-header"),
        key=lambda ln: (ln.top, ln.x0),
    )
    first = next((k for k, ln in enumerate(top) if ln.size >= _TITLE_FACTOR * body), None)
    if first is None:
        return None
    # The lines under it set larger than the body belong to it (a manual's name, the
    # procedure's number and title).
    big = [first]
    while big[-1] + 1 < len(top) and top[big[-1] + 1].size >= body + 1:
        big.append(big[-1] + 1)
    if len(big) > 4:
        return None
    text = " ".join(top[k].text for k in big)
    if len(text) > 250 or not any(c.isalpha() for c in text):
        return None
    for k in big:  # the header lines lead the page in this order (see _page)
        page[k].role = None
    return Mark(0, big[0], len(big), 0, text)


def _front_matter(paras: list[Para], body: float) -> set[int]:
    """Paragraphs above the first running text (cover and title pages, authors)."""
    out: set[int] = set()
    for i, p in enumerate(paras):
        if len(p.lines) >= 2 and abs(p.lines[0].size - body) < 0.6 and not p.lines[0].all_bold:
            break
        out.add(i)
    return out


def lay_out(src: PdfSource) -> Laid:
    """Lines of every page in reading order with furniture, footnotes, title, headings."""
    raw = [page_lines(p.glyphs, src.fonts) for p in src.pages]
    heights = [p.height for p in src.pages]
    roles = running_roles(raw, heights)
    flow = [
        [ln for i, ln in enumerate(lines) if i not in r]
        for lines, r in zip(raw, roles, strict=True)
    ]
    size = body_size(flow)
    body_lines = [ln for lines in flow for ln in lines if abs(ln.size - size) < 0.6]
    bold = sum(len(ln.text) for ln in body_lines if ln.bold) * 2 > sum(
        len(ln.text) for ln in body_lines
    )
    families: Counter[str] = Counter()
    for ln in body_lines:
        families[family_of(src.fonts[ln.font].name)] += len(ln.text)
    family = families.most_common(1)[0][0] if families else ""
    laid = Laid([], body=Style(size, bold, False, family))
    seen_headers: set[str] = set()
    for n, (lines, r, page) in enumerate(zip(raw, roles, src.pages, strict=True)):
        out, paras = _page(n, lines, r, page.height, size, seen_headers)
        for text in page.aside:
            out.append(PageLine(text, role="page-margin"))
        laid.pages.append(out)
        laid.paras.extend(paras)
    title = _title(laid.paras, size)
    skip = _front_matter(laid.paras, size)
    if title:
        first, last = laid.paras[title[0]], laid.paras[title[-1]]
        span = last.line + len(last.lines) - first.line
        text = " ".join(laid.paras[i].text for i in title)
        laid.title = Mark(first.page, first.line, span, 0, text)
    elif raw:
        laid.title = _banner_title(laid.pages[0], raw[0], roles[0], size)
    plain = [(p.text, p.style(src.fonts), 99 if p.row else len(p.lines)) for p in laid.paras]
    leads = [p.lead_in(src.fonts) for p in laid.paras]
    if any(leads):
        # Where the headings set on lines of their own are numbered, an unnumbered
        # lead-in is a paragraph's head below the outline (LaTeX's \paragraph).
        own = find_headings(plain, laid.body)  # the headings on lines of their own
        if 2 * sum(bool(c.label) for c in own) > len(own):
            leads = [x if x and split_label(x[0])[0] else None for x in leads]
    found = find_headings(
        [(x[0], x[1], 1) if x else p for p, x in zip(plain, leads, strict=True)], laid.body
    )
    for c in found:
        para, lead = laid.paras[c.index], leads[c.index]
        if c.index in title or (c.index in skip and not c.label and not is_named(c.title)):
            continue
        mark = Mark(para.page, para.line, 1 if lead else len(para.lines), c.level, c.text)
        mark.run_in = lead[2] if lead else 0
        laid.headings.append(mark)
    return laid
