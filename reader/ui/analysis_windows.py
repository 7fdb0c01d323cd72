"""The Analysis menu's windows: Compare Documents, Tag Statistics and Intercoder
Agreement, each opened once through the context's window registry (raised when already
open) and built, with its imports, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from reader.ui.context import AppContext

if TYPE_CHECKING:  # the secondary windows are built (and imported) on first use
    from reader.ui.agreement import AgreementWindow
    from reader.ui.compare.window import CompareWindow
    from reader.ui.statistics.window import StatisticsWindow

COMPARE, STATISTICS, AGREEMENT = "compare", "statistics", "agreement"  # registry keys


class AnalysisWindows:
    """Opens the analysis windows over ``context``, owned by ``parent`` (the main window)."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent

    @property
    def compare(self) -> CompareWindow | None:
        """Compare Documents, once opened."""
        return self.context.windows.get(COMPARE)  # type: ignore[return-value]

    @property
    def statistics(self) -> StatisticsWindow | None:
        """Tag Statistics, once opened."""
        return self.context.windows.get(STATISTICS)  # type: ignore[return-value]

    @property
    def agreement(self) -> AgreementWindow | None:
        """Intercoder Agreement, once opened."""
        return self.context.windows.get(AGREEMENT)  # type: ignore[return-value]

    def forget_compare(self) -> None:
        """The next opening of Compare Documents builds a new window."""
        self.context.windows.forget(COMPARE)

    def open_compare(self) -> CompareWindow:
        """Analysis > Compare Documents: the compare window, A being the open document."""
        from reader.ui.compare.window import CompareWindow

        return self.context.windows.open(
            COMPARE,
            lambda: CompareWindow(self.context, self.parent),
            lambda window, _new: window.choose(self.context.current_document_id),
        )

    def show_statistics(self) -> StatisticsWindow:
        """Analysis > Tag Statistics (Ctrl+Shift+T): one window, raised if already open."""
        from reader.ui.statistics.window import StatisticsWindow

        return self.context.windows.open(
            STATISTICS, lambda: StatisticsWindow(self.context, self.parent)
        )

    def show_agreement(self) -> AgreementWindow:
        """Analysis > Intercoder Agreement: one window, raised if already open."""
        from reader.ui.agreement import AgreementWindow

        def prepare(window: AgreementWindow, new: bool) -> None:
            if not new:
                window.fill_documents(self.context.current_document_id)

        return self.context.windows.open(
            AGREEMENT, lambda: AgreementWindow(self.context, self.parent), prepare
        )
