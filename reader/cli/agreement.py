"""The ``agreement`` subcommand: intercoder agreement on one document.

Per tag: clauses each coder coded with it, percent agreement, Cohen's kappa (two
coders) and Krippendorff's alpha; the overall line; with ``--disagreements`` (and
always in ``--json``) the clauses where the coders' tags differ.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.cli.common import open_library, print_json

if TYPE_CHECKING:
    from reader.core.analysis.agreement import AgreementReport, Disagreement

DASH = "–"


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return DASH
    return f"{value:.1%}" if percent else f"{value:.3f}"


def table_lines(report: AgreementReport) -> Iterator[str]:
    """The per-tag table, the overall line and the notes, as aligned text."""
    unit = "clauses anybody coded" if report.coded_only else "all clauses"
    yield f"Intercoder agreement: {report.document_title}"
    yield f"coders: {', '.join(report.coders)}; units: {report.clauses} clauses ({unit})"
    yield ""
    width = max([len("mean over tags"), *(len(r.tag) for r in report.tags)])
    widths = [max(len(c), 4) for c in report.coders]
    header = "  ".join(c.rjust(w) for c, w in zip(report.coders, widths, strict=True))
    yield f"{'tag'.ljust(width)}  {header}  {'agree':>6}  {'kappa':>6}  {'alpha':>6}"
    for row in [*report.tags, report.overall]:
        counts = "  ".join(
            (str(row.coded[c]) if c in row.coded else DASH).rjust(w)
            for c, w in zip(report.coders, widths, strict=True)
        )
        yield (
            f"{row.tag.ljust(width)}  {counts}  {_number(row.percent, True):>6}  "
            f"{_number(row.kappa):>6}  {_number(row.alpha):>6}"
        )
    blank = " " * (len(header) + 8)
    yield (
        f"{'mean over tags'.ljust(width)}  {blank}  "
        f"{_number(report.mean_kappa):>6}  {_number(report.mean_alpha):>6}"
    )
    notes = [f"  {r.tag}: {r.note}" for r in [*report.tags, report.overall] if r.note]
    if len(report.coders) != 2:
        notes.append("  kappa needs exactly two coders (--authors A,B)")
    if report.outside_clauses:
        notes.append(f"  {report.outside_clauses} tagged annotation(s) outside every clause")
    if notes:
        yield ""
        yield "notes:"
        yield from notes
    yield ""
    yield f"{len(report.disagreements)} clause(s) where the coders' tags differ"


def disagreement_lines(items: list[Disagreement]) -> Iterator[str]:
    """Each disagreeing clause: where, its text, and every coder's tags."""
    for d in items:
        yield ""
        yield f"[clause {d.clause}] {d.section_path or '(before the first heading)'}"
        yield f'  "{d.text}"'
        width = max(len(c) for c in d.tags)
        for coder, tags in d.tags.items():
            yield f"  {coder.ljust(width)}  {', '.join(tags) or DASH}"
        if d.consensus is not None:
            yield f"  {'consensus'.ljust(width)}  {', '.join(d.consensus) or DASH}"


def cmd_agreement(args: argparse.Namespace) -> int:
    """Print the agreement table (and disagreements) for one document."""
    from reader.core.analysis.agreement import document_agreement

    coders = [a.strip() for a in (args.authors or "").split(",") if a.strip()] or None
    with open_library(args) as lib:
        doc = lib.resolve_document(args.doc)
        report = document_agreement(
            lib,
            doc.id,
            coders=coders,
            tags=args.tag or [],
            coded_only=args.coded_only,
            unused_as_missing=args.unused_as_missing,
            consensus_author=args.consensus,
        )
    if args.json:
        print_json(report.to_dict())
        return 0
    for line in table_lines(report):
        print(line)
    if args.disagreements:
        for line in disagreement_lines(report.disagreements):
            print(line)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``agreement`` on the CLI's subparsers."""
    p = sub.add_parser("agreement", help="intercoder agreement per tag on one document")
    p.add_argument("doc", metavar="DOC", help="document id, id prefix or unique title fragment")
    p.add_argument("--authors", metavar="A,B,...", help="coders to compare (default: all)")
    p.add_argument("--tag", action="append", metavar="TAG", help="only this tag (repeatable)")
    p.add_argument("--coded-only", action="store_true", help="units: only clauses anybody coded")
    p.add_argument(
        "--unused-as-missing",
        action="store_true",
        help="a coder who never used a tag did not code for it (missing, not absent)",
    )
    p.add_argument("--consensus", metavar="NAME", help="author of reconciled codings to show")
    p.add_argument("--disagreements", action="store_true", help="list the clauses that differ")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_agreement)
