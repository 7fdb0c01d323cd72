"""Light and dark themes, following the system or chosen in View > Theme.

"System" keeps the platform's own style and palette (so the app looks native and
follows the desktop's dark mode); "Light" and "Dark" use Fusion with our palettes,
which looks the same everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from reader.core.colors import PALETTE_HEX

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

# Highlight backgrounds per store colour name: translucent on light paper,
# deeper (and more opaque) on dark paper so light text stays readable.
_HIGHLIGHTS_LIGHT = PALETTE_HEX
_HIGHLIGHTS_DARK = {
    "yellow": "#6b5a00",
    "green": "#24552a",
    "blue": "#1f4470",
    "pink": "#6e2748",
    "purple": "#4b3270",
    "orange": "#6d4010",
    "red": "#702626",
    "grey": "#4a4a4a",
}
PICKER_COLORS = ("yellow", "green", "blue", "pink", "purple")  # Ctrl+1..5


class Theme:
    """Applies a theme to the application and answers colour questions for views."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._native_style = app.style().name()
        self._native_palette = QPalette(app.palette())
        self.mode = SYSTEM

    def apply(self, mode: str) -> None:
        """Switch to ``mode`` (one of :data:`THEMES`)."""
        self.mode = mode if mode in THEMES else SYSTEM
        if self.mode == SYSTEM:
            self.app.setStyle(QStyleFactory.create(self._native_style))
            self.app.setPalette(self._native_palette)
            return
        # The style is the application's from here on (Qt deletes the one it replaces).
        self._style = OutlinedIndicators() if self.mode == DARK else QStyleFactory.create("Fusion")
        self.app.setStyle(self._style)
        self.app.setPalette(dark_palette() if self.mode == DARK else light_palette())

    @property
    def is_dark(self) -> bool:
        """Whether the effective theme is dark."""
        if self.mode == SYSTEM:
            scheme = QGuiApplication.styleHints().colorScheme()
            if scheme != Qt.ColorScheme.Unknown:
                return scheme == Qt.ColorScheme.Dark
            return self.app.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return self.mode == DARK


class OutlinedIndicators(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined in the muted text colour.

    Fusion outlines them in the window colour made darker, which vanishes on a dark
    base: in the dark theme the check boxes of the Export and Share lists could not
    be seen at all, nor a radio button that is off.
    """

    CHECKS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if element not in self.CHECKS and not radio:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radio)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if radio:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)
        painter.restore()


def highlight_color(name: str, dark: bool) -> QColor:
    """The background for a highlight of store colour ``name`` (or ``#rrggbb``)."""
    table = _HIGHLIGHTS_DARK if dark else _HIGHLIGHTS_LIGHT
    if name in table:
        return QColor(table[name])
    color = QColor(name)
    if not color.isValid():
        return QColor(table["yellow"])
    return color.darker(250) if dark else color


def light_palette() -> QPalette:
    """A calm light palette: warm white paper, dark grey ink."""
    return _palette(
        window="#f3f2ef", base="#fdfcf9", text="#1f1f1f", button="#ebeae6",
        alt="#f4f3ef", highlight="#3f6fb5", muted="#7a7a7a",
    )  # fmt: skip


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for long reading."""
    return _palette(
        window="#2a2b2e", base="#1e1f22", text="#dcdcdc", button="#34363a",
        alt="#25262a", highlight="#4f7fc4", muted="#8d8d8d",
    )  # fmt: skip


def _palette(
    *, window: str, base: str, text: str, button: str, alt: str, highlight: str, muted: str
) -> QPalette:
    R = QPalette.ColorRole
    p = QPalette()
    for role, value in (
        (R.Window, window), (R.WindowText, text), (R.Base, base), (R.AlternateBase, alt),
        (R.Text, text), (R.Button, button), (R.ButtonText, text), (R.ToolTipBase, base),
        (R.ToolTipText, text), (R.Highlight, highlight), (R.HighlightedText, "#ffffff"),
        (R.PlaceholderText, muted), (R.Link, highlight),
    ):  # fmt: skip
        p.setColor(role, QColor(value))
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(muted))
    return p
