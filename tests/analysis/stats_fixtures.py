"""Hand-made documents and annotations for the statistics tests, with known figures."""

from __future__ import annotations

from reader.core.analysis.statistics import CodedSpan, CodingData, DocumentLayout, Section

D1 = DocumentLayout(
    "d1",
    "First paper",
    [(0, 10), (10, 20), (20, 30), (30, 40), (40, 50)],
    [
        Section(0, 50, 0, "Part I"),
        Section(0, 25, 1, "Part I > 1."),
        Section(25, 50, 1, "Part I > 2."),
    ],
)
D2 = DocumentLayout("d2", "Second paper", [(0, 100), (100, 200)])
D3 = DocumentLayout("d3", "Untouched paper", [(0, 5)])

A1 = CodedSpan("a1", "d1", 0, 12, "ana", ("economy/trade",))
A2 = CodedSpan("a2", "d1", 5, 15, "ben", ("economy/trade", "cooperation"))
A3 = CodedSpan("a3", "d1", 30, 35, "ana", ("economy",))
A4 = CodedSpan("a4", "d2", 50, 150, None, ("economy/finance",))
A5 = CodedSpan("a5", "d1", 12, 20, "ben", ("cooperation",))  # ends where clause 3 starts
A6 = CodedSpan("a6", "d1", 40, 45, "ana", ())  # untagged


def sample() -> CodingData:
    """Three documents (one without annotations) and six annotations."""
    return CodingData([D1, D2, D3], [A1, A2, A3, A4, A5, A6])
