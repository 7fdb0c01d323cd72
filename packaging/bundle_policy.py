"""What goes into the PyInstaller bundle and what is left out, and why.

Imported by ``policy-reader.spec`` (which runs inside PyInstaller) and by the tests
(which must not build), so it depends on nothing but the standard library.

The app imports only QtCore, QtGui and QtWidgets, draws its own icons and never
translates Qt's strings; everything below follows from that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

APP_NAME = "policy-reader"

# Folders copied into the bundle as they are: (source relative to the repo, bundle folder).
# reader/ui/resources.py looks for ``resources`` directly under sys._MEIPASS.
DATA_DIRS = (("resources", "resources"),)

# Python modules the app never imports. Most are pulled in only through optional
# imports of other modules; leaving them out saves their bytecode and extensions.
EXCLUDED_PYTHON_MODULES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pydoc_data",
    "doctest",
    "pdb",
    "lib2to3",
    "distutils",
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "pip",
    "test",
    "xmlrpc",
    "curses",
    "readline",
    # No network: without ssl and _hashlib the bundle needs no OpenSSL (~5 MB);
    # hashlib falls back to Python's built-in sha1/sha256/md5/blake2/sha3.
    "ssl",
    "_ssl",
    "_hashlib",
    # Test and development tools that happen to be in the environment.
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "ruff",
    "IPython",
    # Optional extras of PDF libraries: PDFium decrypts by itself and we never decode
    # images (cryptography ~16 MB, PIL).
    "cryptography",
    "Crypto",
    "PIL",
    "numpy",
    # Other PDF libraries in the development environment (measured, not used): PDFium
    # (pypdfium2) reads the PDFs, reportlab only builds test fixtures.
    "reportlab",
    "pdfminer",
    "pdfplumber",
    "pypdf",
    "pypdfium2_cli",
)

# Qt for Python modules the app does not import (reader/ui uses QtCore, QtGui, QtWidgets).
# Excluding them also stops PyInstaller's Qt hooks from collecting their plugins
# (TLS and network-information plugins come with QtNetwork, for instance).
EXCLUDED_QT_MODULES = tuple(
    f"PySide6.{name}"
    for name in (
        "QtNetwork",
        "QtDBus",
        "QtConcurrent",
        "QtDesigner",
        "QtHelp",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPdf",
        "QtPdfWidgets",
        "QtPrintSupport",
        "QtQml",
        "QtQmlFeatures",
        "QtQuick",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtSql",
        "QtSvg",
        "QtSvgWidgets",
        "QtTest",
        "QtUiTools",
        "QtXml",
        "QtLabsStyleKit",
    )
)

EXCLUDED_MODULES = EXCLUDED_PYTHON_MODULES + EXCLUDED_QT_MODULES

# Qt plugins kept, by plugin folder: a set of plugin names (file name without a
# ``lib`` prefix and extension), or None for every plugin in the folder. Any folder
# not listed is dropped: eglfs/linuxfb/vnc device integrations, evdev input,
# network information, TLS, SQL drivers, QML tooling, the Wayland compositor side,
# print support, vector image formats.
KEPT_QT_PLUGINS: dict[str, frozenset[str] | None] = {
    # xcb: X11 (and XWayland); wayland: native Wayland; offscreen: CI and --screenshot;
    # windows and cocoa for the other platforms' builds.
    "platforms": frozenset(
        {"qxcb", "qwayland", "qwayland-generic", "qoffscreen", "qwindows", "qcocoa"}
    ),
    # Native file dialogs through the XDG portal. The GTK 3 theme is dropped: it drags
    # in the build machine's GTK, cairo and pango (~10 MB), and a bundled GTK older than
    # the user's is a classic source of crashes.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Compose keys (accents) and IBus (Chinese, Japanese... input) for tags and notes.
    "platforminputcontexts": None,
    # Desktop icon themes are often SVG; PNG, the app's own icon format, is built in.
    "imageformats": frozenset({"qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    # Native widget styles (Windows, macOS).
    "styles": None,
    # OpenGL glue for xcb; small, and Qt looks for it when a window is created.
    "xcbglintegrations": None,
    # A Wayland client needs a shell protocol (xdg-shell is what desktops speak) and
    # draws its own title bar with a decoration plugin.
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": None,
}

_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/")

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (name in bundle, source path, type)


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` -> ``qxcb``; ``qwindows.dll`` -> ``qwindows``."""
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_dropped(dest: str) -> bool:
    """True for a bundle path that policy leaves out (an unused Qt plugin or translation).

    Qt's translations go because the app installs no QTranslator: its text, and Qt's
    own dialogs, are in English.
    """
    dest = PurePosixPath(dest.replace("\\", "/")).as_posix()
    if _TRANSLATION.search(dest):
        return True
    match = _PLUGIN.search(dest)
    if not match:
        return False
    kind = match["kind"]
    if kind not in KEPT_QT_PLUGINS:
        return True
    names = KEPT_QT_PLUGINS[kind]
    return names is not None and plugin_name(match["file"]) not in names


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _reach(
    start: Iterable[Entry], by_name: dict[str, Entry], imports: Callable[[str], Iterable[str]]
) -> set[str]:
    """Bundle basenames reachable from ``start`` through link-time dependencies."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        dest, src, _kind = todo.pop()
        base = _basename(dest)
        if base in seen:
            continue
        seen.add(base)
        for needed in imports(src):
            entry = by_name.get(_basename(needed))
            if entry is not None and _basename(entry[0]) not in seen:
                todo.append(entry)
    return seen


def prune_binaries(
    binaries: list[Entry], imports: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """Split ``binaries`` into (kept, dropped).

    Dropped: what :func:`is_dropped` names, and every library that only those needed
    (the GTK stack of the GTK theme, libQt6OpenGL of the eglfs plugins...). The roots
    that keep a library are Python extension modules, kept Qt plugins and libraries
    nothing links to (PyInstaller's hooks collect some of those for ``dlopen``).
    ``imports(source_path)`` lists a binary's link-time dependencies.
    """
    named = [entry for entry in binaries if is_dropped(entry[0])]
    rest = [entry for entry in binaries if not is_dropped(entry[0])]
    linked_to = {_basename(dep) for entry in binaries for dep in imports(entry[1])}
    roots = [
        entry
        for entry in rest
        if entry[2] == "EXTENSION"
        or _PLUGIN.search(entry[0].replace("\\", "/"))
        or _basename(entry[0]) not in linked_to
    ]
    by_name = {_basename(entry[0]): entry for entry in rest}
    needed = _reach(roots, by_name, imports)
    kept = [entry for entry in rest if _basename(entry[0]) in needed]
    dropped = named + [entry for entry in rest if _basename(entry[0]) not in needed]
    return kept, dropped


def prune_datas(datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Split data files into (kept, dropped) by :func:`is_dropped`."""
    return ([e for e in datas if not is_dropped(e[0])], [e for e in datas if is_dropped(e[0])])
