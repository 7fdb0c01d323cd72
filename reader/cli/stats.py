"""Tag statistics subcommands: ``stats`` (per tag, document and section) and
``cooccurrence`` (which tags fall on the same or overlapping text).

Both read the library named by ``--db``, take ``--doc DOC`` (repeatable; none means
every document), print a readable table, or JSON (``--json``) or CSV (``--csv``),
to stdout or a file written atomically (``-o FILE``).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from reader.cli.common import EXCEL_HELP, add_doc_filter, emit, open_library, spreadsheet_text

if TYPE_CHECKING:
    from reader.core.analysis.cooccurrence import CooccurrenceMatrix
    from reader.core.analysis.statistics import CodingData, StatisticsReport

MATRIX_WIDTH = 100  # wider matrices are printed as a list of pairs


def _coding_data(args: argparse.Namespace) -> tuple[CodingData, dict[str, str]]:
    """The coding data of the documents asked for, and names telling them apart."""
    from reader.core.document_labels import document_labels

    with open_library(args) as lib:
        doc_ids = [lib.resolve_document(ref).id for ref in args.doc] if args.doc else None
        return lib.coding_data(doc_ids), document_labels(lib.list_documents())


def _table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    """Aligned columns: the first ``left`` left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [header, *rows]
    ]


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def stats_lines(
    report: StatisticsReport, sections: bool = False, labels: dict[str, str] | None = None
) -> list[str]:
    """The readable form of ``stats``: a summary line, a table of tags, and with
    ``sections`` the tags found in each outline section, under each document's name
    (``labels``: document id -> a name telling same-title documents apart)."""
    clauses = sum(len(d.clauses) for d in report.documents)
    tagged = len({k for t in report.tags for k in t.by_document})
    lines = [
        f"{_plural(len(report.documents), 'document')} ({tagged} with tags), "
        f"{_plural(clauses, 'clause')}, {_plural(report.excerpts, 'excerpt')}",
        "",
    ]
    if not report.tags:
        return [*lines, "no tagged excerpts"]
    header = ["tag", "excerpts", "own", "characters", "clauses", "share", "documents", "authors"]
    rows = [
        [
            "  " * (t.level - 1) + t.tag,
            str(t.overall.excerpts),
            str(t.own_excerpts),
            f"{t.overall.characters:,}",
            f"{t.overall.clauses_tagged}/{t.overall.clauses_total}",
            t.overall.share_text,
            str(t.documents),
            str(len(t.authors)),
        ]
        for t in report.tags
    ]
    lines.extend(_table(header, rows))
    if sections:
        current = None
        for entry in report.sections:
            if entry.document_id != current:
                current = entry.document_id
                lines.extend(["", (labels or {}).get(current, entry.document_title)])
            counts = ", ".join(f"{tag} {n}" for tag, n in entry.to_dict()["tags"].items())
            lines.append(f"{'  ' * (entry.section.depth + 1)}{entry.section.path}: {counts}")
    return lines


def cooccurrence_lines(matrix: CooccurrenceMatrix, pairs: bool = False) -> list[str]:
    """The readable form of ``cooccurrence``: an aligned matrix (tags numbered, the
    diagonal in brackets) when it fits in :data:`MATRIX_WIDTH` columns, else (or with
    ``pairs``) the co-occurring pairs, most frequent first."""
    if not matrix.tags:
        return ["no tagged excerpts"]
    names = [f"{i + 1}. {t}" for i, t in enumerate(matrix.tags)]
    header = ["tag"] + [str(i + 1) for i in range(len(matrix.tags))]
    rows = [
        [name] + [f"[{c}]" if i == j else (str(c) if c else ".") for j, c in enumerate(counts)]
        for i, (name, counts) in enumerate(zip(names, matrix.counts, strict=True))
    ]
    table = _table(header, rows)
    if not pairs and max(len(line) for line in table) <= MATRIX_WIDTH:
        return table
    found = matrix.pairs()
    if not found:
        return ["no tags co-occur"]
    rows = [[a, b, str(n)] for a, b, n in found]
    return _table(["tag", "tag", "count"], rows, left=2)


def cmd_stats(args: argparse.Namespace) -> int:
    """Tag statistics: per tag, per document (JSON, CSV) and per outline section."""
    from reader.core.analysis.statistics import tag_statistics

    data, labels = _coding_data(args)
    report = tag_statistics(data)
    if args.json:
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.csv or args.excel:
        from reader.core.export.statistics_tables import section_tags_csv, tag_statistics_csv

        titles = {d.id: d.title for d in report.documents}
        text = spreadsheet_text(
            section_tags_csv(report.sections)
            if args.sections
            else tag_statistics_csv(report.tags, titles),
            args,
        )
    else:
        text = "\n".join(stats_lines(report, args.sections, labels)) + "\n"
    emit(text, args.output)
    return 0


def cmd_cooccurrence(args: argparse.Namespace) -> int:
    """The tag co-occurrence matrix."""
    from reader.core.analysis.cooccurrence import cooccurrence

    matrix = cooccurrence(_coding_data(args)[0], depth=args.depth)
    if args.json:
        text = json.dumps(matrix.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.csv or args.excel:
        from reader.core.export.statistics_tables import cooccurrence_csv

        text = spreadsheet_text(cooccurrence_csv(matrix), args)
    else:
        text = "\n".join(cooccurrence_lines(matrix, args.pairs)) + "\n"
    emit(text, args.output)
    return 0


def _depth(value: str) -> int:
    depth = int(value)
    if depth < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return depth


def _common(p: argparse.ArgumentParser) -> None:
    add_doc_filter(p)
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="machine-readable output")
    form.add_argument("--csv", action="store_true", help="CSV for spreadsheets")
    form.add_argument("--excel", action="store_true", help=EXCEL_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``stats`` and ``cooccurrence``."""
    p = sub.add_parser("stats", help="tag statistics: excerpts, characters, share of clauses")
    _common(p)
    p.add_argument(
        "--sections", action="store_true", help="which tags occur in each outline section"
    )
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("cooccurrence", help="how often tags fall on the same or overlapping text")
    _common(p)
    p.add_argument(
        "--depth",
        type=_depth,
        metavar="N",
        help="roll sub-tags up to N levels (default: leaf tags)",
    )
    p.add_argument("--pairs", action="store_true", help="list pairs instead of a matrix")
    p.set_defaults(func=cmd_cooccurrence)
