"""The packaging files agree with each other and with the app, without building anything.

The real build and its smoke test run as a separate step of .ci/run (they take minutes).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import reader
from reader.core.importers import FORMATS

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    """Import packaging/NAME.py by path (``packaging`` is also a PyPI package's name)."""
    spec = importlib.util.spec_from_file_location(f"_pr_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


policy = _load("bundle_policy")
smoke = _load("smoke_test")


def pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def test_version_is_the_one_in_pyproject():
    assert reader.__version__ == pyproject()["project"]["version"]


def test_main_py_version_prints_it():
    out = subprocess.run(
        [sys.executable, "main.py", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == ["policy-reader", reader.__version__]


def test_pyinstaller_is_an_optional_extra_only():
    project = pyproject()["project"]
    assert any(d.startswith("pyinstaller") for d in project["optional-dependencies"]["build"])
    assert not any("pyinstaller" in d.lower() for d in project["dependencies"])


def test_build_dry_run_names_the_spec_resources_and_exclusions():
    proc = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "packaging/policy-reader.spec" in proc.stdout
    assert "resources -> resources" in proc.stdout
    assert "PySide6.QtNetwork" in proc.stdout and "tkinter" in proc.stdout


def test_spec_uses_the_policy_for_data_exclusions_and_pruning():
    spec = (PACKAGING / "policy-reader.spec").read_text(encoding="utf-8")
    ast.parse(spec)  # a spec is Python
    for name in ("DATA_DIRS", "EXCLUDED_MODULES", "prune_binaries", "prune_datas", "APP_NAME"):
        assert f"policy.{name}" in spec


def test_bundled_data_matches_where_the_app_looks():
    # reader/ui/resources.py: sys._MEIPASS / "resources"
    assert ("resources", "resources") in policy.DATA_DIRS
    for src, _dest in policy.DATA_DIRS:
        assert (ROOT / src).is_dir()
    assert (ROOT / "resources" / "guide.md").is_file()
    for ext in ("svg", "png", "ico", "icns"):
        assert (ROOT / "resources" / "icons" / f"policy-reader.{ext}").is_file()


def _imported_modules() -> set[str]:
    names: set[str] = set()
    for path in list((ROOT / "reader").rglob("*.py")) + [ROOT / "main.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_nothing_the_app_imports_is_excluded():
    imported = _imported_modules()
    excluded = set(policy.EXCLUDED_MODULES)
    clashes = {
        name for name in imported if any(name == ex or name.startswith(ex + ".") for ex in excluded)
    }
    assert not clashes, f"update packaging/bundle_policy.py: the app now imports {clashes}"


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False),
        ("PySide6\\translations\\qt_fr.qm", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("resources/guide.md", False),
    ],
)
def test_is_dropped(dest, dropped):
    assert policy.is_dropped(dest) is dropped


def test_prune_drops_what_only_dropped_plugins_needed():
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/s/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/s/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
        ("libdlopened.so.1", "/usr/lib/libdlopened.so.1", "BINARY"),
    ]
    deps = {
        "/s/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/s/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "/s/libQt6Gui.so.6": ["libglib-2.0.so.0"],
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/s/libqgtk3.so": ["libcairo.so.2", "libglib-2.0.so.0", "libQt6Gui.so.6"],
    }
    kept, dropped = policy.prune_binaries(binaries, lambda src: deps.get(src, []))
    kept_names = {dest.rsplit("/", 1)[-1] for dest, _src, _kind in kept}
    dropped_names = {dest.rsplit("/", 1)[-1] for dest, _src, _kind in dropped}
    assert dropped_names == {"libqgtk3.so", "libcairo.so.2"}
    assert {"libglib-2.0.so.0", "libQt6XcbQpa.so.6", "libdlopened.so.1"} <= kept_names
    assert len(kept) + len(dropped) == len(binaries)


def test_smoke_test_reads_png_size(tmp_path):
    png = tmp_path / "a.png"
    png.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + struct.pack(">II", 1280, 800)
        + b"\x08\x06\x00\x00\x00"
    )
    assert smoke.png_size(png) == (1280, 800)
    (tmp_path / "b.png").write_bytes(b"GIF89a" + bytes(30))
    with pytest.raises(smoke.SmokeFailure):
        smoke.png_size(tmp_path / "b.png")


def test_smoke_test_fixture_has_unique_plain_quotes():
    quotes = smoke.candidate_quotes(smoke.FIXTURE)
    assert quotes
    for quote in quotes:
        assert smoke.FIXTURE.count(quote) == 1


# What the desktop entry offers "open with" for, per import format.
MIME_TYPES = {
    "text": ["text/plain"],
    "markdown": ["text/markdown"],
    "html": ["text/html", "application/xhtml+xml"],
    "pdf": ["application/pdf"],
    "docx": ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
}


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "policy-reader.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "policy-reader %F"
    assert section["Icon"] == "policy-reader"
    assert section["Terminal"] == "false"
    offered = set(section["MimeType"].split(";"))
    assert set(FORMATS.values()) == set(MIME_TYPES)  # every format the import reads
    assert all(set(types) <= offered for types in MIME_TYPES.values())


def test_desktop_entry_validates():
    # desktop-file-utils (apt) is optional on a developer's machine.
    try:
        result = subprocess.run(
            ["desktop-file-validate", str(PACKAGING / "linux" / "policy-reader.desktop")],
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        pytest.skip("desktop-file-validate not installed")
    errors = [ln for ln in result.stdout.splitlines() if "error:" in ln]
    assert result.returncode == 0 and errors == []
