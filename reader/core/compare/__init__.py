"""Compare two documents: align their sections, diff aligned pairs, report.

Qt-free. ``align`` pairs the units of two documents; ``word_diff`` shows what changed
inside a pair; ``comparison_markdown`` writes the report; ``tag_lens`` sets one tag's
excerpts from both documents side by side.
"""

from reader.core.compare.align import align
from reader.core.compare.diff import similarity, word_diff
from reader.core.compare.lens import tag_lens
from reader.core.compare.model import Alignment, DiffOp, Pair, Unit
from reader.core.compare.report import comparison_markdown
from reader.core.compare.units import comparison_units

__all__ = [
    "Alignment",
    "DiffOp",
    "Pair",
    "Unit",
    "align",
    "comparison_markdown",
    "comparison_units",
    "similarity",
    "tag_lens",
    "word_diff",
]
