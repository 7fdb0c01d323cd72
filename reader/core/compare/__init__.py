"""Compare two documents: align their sections, diff aligned pairs, report.

Qt-free. ``align`` pairs the units of two documents; ``word_diff`` shows what changed
inside a pair; ``comparison_markdown`` writes the report; ``tag_lens`` sets one tag's
excerpts from both documents side by side.
"""

from reader.core.compare.model import Alignment, DiffOp, Pair, Unit

__all__ = ["Alignment", "DiffOp", "Pair", "Unit"]
