"""Tagged excerpts as Markdown: grouped by tag (the hierarchy as heading levels) or by
document and section; each excerpt quoted, cited, tagged and annotated."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from reader import __version__
from reader.core.export.escape import code_span, escape_inline, escape_lines, yaml_value
from reader.core.export.selection import ExportSelection
from reader.core.library_model import DocumentInfo, Excerpt
from reader.core.tags import SEPARATOR, in_scope, tag_lineage

GROUPINGS = ("tag", "document")


def _front_matter(sel: ExportSelection, group_by: str) -> list[str]:
    return [
        "---",
        f"title: {yaml_value('Policy Reader excerpts')}",
        f"exported: {yaml_value(sel.exported)}",
        f"generator: {yaml_value(f'Policy Reader {__version__}')}",
        f"group_by: {yaml_value(group_by)}",
        f"tags: {yaml_value(sel.tags)}",
        f"documents: {yaml_value(sel.document_titles)}",
        f"authors: {yaml_value(sel.authors)}",
        f"excerpts: {len(sel.excerpts)}",
        "---",
        "",
    ]


@lru_cache(maxsize=4096)
def citation(title: str, date: str | None, location: str = "", source: str | None = None) -> str:
    """``*Title* (Publisher, 2016-11-24), Part IV > (3) Financial Cooperation, p. 12``: how
    every Markdown export cites a passage (text escaped; what is missing is left out)."""
    out = f"*{escape_inline(title)}*"
    facts = ", ".join(escape_inline(x) for x in (source, date) if x)
    if facts:
        out += f" ({facts})"
    if location:
        out += f", {escape_inline(location)}"
    return out


def _citation(ex: Excerpt, doc: DocumentInfo | None) -> str:
    return citation(
        ex.document_title, doc.date if doc else None, ex.location, doc.source if doc else None
    )


def excerpt_lines(ex: Excerpt, doc: DocumentInfo | None) -> list[str]:
    """One excerpt: the quote as a blockquote, then citation, tags, note and author."""
    a = ex.annotation
    lines = [("> " + line) if line else ">" for line in escape_lines(a.quote)]
    lines.append("")
    lines.append(f"- **Source:** {_citation(ex, doc)}")
    if a.tags:
        lines.append("- **Tags:** " + ", ".join([_tag(t) for t in a.tags]))
    if a.note.strip():
        note = [line for line in escape_lines(a.note.strip())]
        lines.append("- **Note:** " + note[0])
        lines.extend(("  " + line) if line else "" for line in note[1:])
    by = _author(a.author) if a.author else "unknown author"
    lines.append(f"- **By:** {by}, {a.modified[:10]}")
    lines.append("")
    return lines


# Thousands of excerpts share a few tags and authors: each is escaped once.
_tag = lru_cache(maxsize=4096)(code_span)
_author = lru_cache(maxsize=1024)(escape_inline)


def _heading(level: int, text: str) -> str:
    return "#" * min(6, level) + " " + text


def _by_tag(sel: ExportSelection) -> list[str]:
    under: dict[str, list[Excerpt]] = defaultdict(list)
    untagged: list[Excerpt] = []
    for ex in sel.excerpts:
        tags = (
            [t for t in ex.annotation.tags if in_scope(t, sel.tags)]
            if sel.tags
            else ex.annotation.tags
        )
        for t in tags:
            under[t].append(ex)
        if not tags:
            untagged.append(ex)
    # Every tag and its implied parents, in tree order.
    paths: dict[str, str] = {}
    for t in under:
        for p in tag_lineage(t):
            paths.setdefault(p.lower(), p)
    rendered: dict[str, str] = {}  # an excerpt under several tags renders once

    def block(ex: Excerpt) -> str:
        key = ex.annotation.id
        if key not in rendered:
            lines = excerpt_lines(ex, sel.documents.get(ex.annotation.document_id))
            rendered[key] = "\n".join(lines)
        return rendered[key]

    lines: list[str] = []
    for key in sorted(paths):
        path = paths[key]
        depth = path.count(SEPARATOR) + 1
        lines.append(_heading(depth + 1, escape_inline(path.rsplit(SEPARATOR, 1)[-1])))
        lines.append("")
        lines.extend(block(ex) for ex in under.get(path, []))
    if untagged:
        lines.extend([_heading(2, "Untagged"), ""])
        lines.extend(block(ex) for ex in untagged)
    return lines


def _by_document(sel: ExportSelection) -> list[str]:
    by_doc: dict[str, list[Excerpt]] = defaultdict(list)
    for ex in sel.excerpts:
        by_doc[ex.annotation.document_id].append(ex)
    lines: list[str] = []
    for doc_id, items in sorted(by_doc.items(), key=lambda kv: kv[1][0].document_title.lower()):
        doc = sel.documents.get(doc_id)
        lines.extend([_heading(2, escape_inline(items[0].document_title)), ""])
        facts = [x for x in (doc.date if doc else None, doc.source if doc else None) if x]
        if facts:
            lines.extend([escape_inline(" \u00b7 ".join(facts)), ""])
        section = None
        for ex in sorted(items, key=lambda e: (e.annotation.start, e.annotation.end)):
            if ex.section_path != section:
                section = ex.section_path
                lines.extend(
                    [_heading(3, escape_inline(section or "Before the first section")), ""]
                )
            lines.extend(excerpt_lines(ex, doc))
    return lines


def to_markdown(sel: ExportSelection, group_by: str = "tag") -> str:
    """The whole export as one Markdown document with YAML front matter."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {GROUPINGS}")
    lines = _front_matter(sel, group_by)
    lines.extend(["# Excerpts", ""])
    if not sel.excerpts:
        lines.extend(["No excerpts match this selection.", ""])
    else:
        lines.extend(_by_tag(sel) if group_by == "tag" else _by_document(sel))
    while lines and not lines[-1].strip("\n"):
        lines.pop()  # no blank lines at the end (cheaper than stripping the joined text)
    if not lines:
        return "\n"
    # One line break at the end, without copying the whole text twice more to get it.
    lines[-1] = lines[-1].rstrip("\n")
    lines.append("")
    return "\n".join(lines)
