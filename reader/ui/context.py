"""What every window of the app shares: the library, the undoable operations on it,
the settings, the theme, the current highlight colour, the secondary windows, and
signals that ask the main window to show something or tell every window to re-read.

The main window builds none of this: it receives an :class:`AppContext`, as do the
compare, statistics and agreement windows, so no window imports another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from reader.core.colors import DEFAULT_COLOR
from reader.core.store import Library
from reader.ui import preferences
from reader.ui.operations import Operations
from reader.ui.settings import Settings, default_settings
from reader.ui.team_folder import TeamFolderController
from reader.ui.theme import Theme
from reader.ui.windows import WindowRegistry


class AppContext(QObject):
    """One per running app (tests make one per main window)."""

    reloaded = Signal()  # annotations or tags changed outside the undo stack: re-read
    tagsChanged = Signal()  # the tag tree, or highlights carrying tags, changed
    colorChanged = Signal(str)  # the colour new highlights get
    excerptRequested = Signal(object)  # an Excerpt to open in the main window, in front
    spanRequested = Signal(str, int, int)  # document id, start, end to show selected
    errorRaised = Signal(str, str)  # message, title: tell the user

    def __init__(
        self,
        library: Library,
        settings: QSettings | None = None,
        theme: Theme | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = Settings(settings if settings is not None else default_settings())
        self.theme = theme or Theme(QApplication.instance())  # type: ignore[arg-type]
        self.operations = Operations(library, self)
        self.operations.author = preferences.author(self.settings)
        # Renamed, moved or recoloured tags show in every window's highlights and lists.
        self.operations.tagsChanged.connect(self.reload_all)
        self.windows = WindowRegistry()
        # The team folder: every edit (or change from elsewhere) rewrites your file after
        # a pause; teammates' merged work makes every window re-read.
        self.team = TeamFolderController(library, self)
        self.operations.changed.connect(self.team.schedule_write)
        self.reloaded.connect(self.team.schedule_write)
        self.team.libraryChanged.connect(self.reload_all)
        self.current_document_id: str | None = None  # what the main window shows
        self._color = DEFAULT_COLOR

    @property
    def current_color(self) -> str:
        """The colour new highlights get (View > colour, Ctrl+1..5)."""
        return self._color

    def set_current_color(self, name: str) -> None:
        """Make ``name`` the colour of new highlights."""
        if name != self._color:
            self._color = name
            self.colorChanged.emit(name)

    def reload_all(self) -> None:
        """Annotations arrived outside the undo stack (shared files, another process, a
        codebook): every window re-reads what it shows."""
        self.reloaded.emit()

    def show_excerpt(self, excerpt: object) -> None:
        """Open an excerpt (or an annotation) in the main window and bring it to front."""
        self.excerptRequested.emit(excerpt)

    def show_span(self, document_id: str, start: int, end: int) -> None:
        """Show ``start``-``end`` of a document selected in the main window."""
        self.spanRequested.emit(document_id, start, end)

    def report_error(self, message: str, title: str = "Policy Reader") -> None:
        """Tell the user what went wrong (the main window shows it)."""
        self.errorRaised.emit(message, title)
