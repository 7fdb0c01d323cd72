"""The core never imports Qt: it must work in scripts and on machines without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_core_and_cli_do_not_import_qt(tmp_path):
    sample = tmp_path / "a.txt"
    sample.write_text("Part I Aims\n\nBody text.\n", encoding="utf-8")
    code = (
        "import sys, pkgutil, importlib, reader.core\n"
        "for m in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import reader.cli\n"
        f"reader.cli.main(['outline', {str(sample)!r}, '--json'])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert '"Part I"' in out.stdout
