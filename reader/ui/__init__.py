"""The desktop reader: the only package that imports Qt (PySide6)."""

from reader.ui.none_refcount import make_singletons_immortal

make_singletons_immortal()  # before any window: see none_refcount for the PySide6 bug
