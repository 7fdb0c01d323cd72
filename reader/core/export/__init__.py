"""Exports: pure functions from a selection of excerpts to text (Markdown, CSV, JSON)."""

from reader.core.export.markdown import GROUPINGS, to_markdown
from reader.core.export.selection import ExportSelection, select
from reader.core.export.tables import to_csv, to_json

__all__ = ["GROUPINGS", "ExportSelection", "select", "to_csv", "to_json", "to_markdown"]
