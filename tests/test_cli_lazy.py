"""The command line loads only what a call needs: the GUI start path none of the CLI,
a subcommand only its own module and the core it uses; the table of subcommands the
entry point reads matches what the CLI registers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.cli import build_parser
from reader.commands import COMMANDS, command_names, wants_cli

REPO = Path(__file__).resolve().parents[1]


def _loaded_after(code: str) -> set[str]:
    """Module names loaded by a fresh interpreter after running ``code``."""
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split())


def _subcommands(parser) -> list[str]:
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return list(action.choices)


def test_the_table_names_exactly_the_registered_subcommands_in_order():
    expected = [name for names in COMMANDS.values() for name in names]
    assert _subcommands(build_parser()) == expected
    assert command_names() == set(expected)
    for module, names in COMMANDS.items():
        assert _subcommands(build_parser([module])) == list(names)


def test_wants_cli_tells_subcommands_from_files_to_open():
    assert wants_cli(["docs"]) and wants_cli(["--db", "x.db", "tags"]) and wants_cli(["-h"])
    assert not wants_cli([]) and not wants_cli(["paper.txt"]) and not wants_cli(["--db", "docs"])


def test_the_gui_start_path_imports_nothing_of_the_cli():
    loaded = _loaded_after(
        "import sys, types\n"
        "app = types.ModuleType('reader.ui.app')\n"
        "app.run = lambda args: 0\n"
        "sys.modules['reader.ui.app'] = app\n"
        "import reader.entry\n"
        "assert reader.entry.main(['paper.txt', '--db', 'x.db']) == 0\n"
    )
    assert not {m for m in loaded if m == "reader.cli" or m.startswith("reader.cli.")}


def test_outline_loads_neither_the_store_nor_other_commands(tmp_path):
    sample = tmp_path / "a.txt"
    sample.write_text("Part I Aims\n\nBody text.\n", encoding="utf-8")
    loaded = _loaded_after(f"import reader.cli\nreader.cli.main(['outline', {str(sample)!r}])")
    assert "reader.cli.outline" in loaded
    unwanted = {"reader.core.store", "sqlite_utils", "reader.cli.library", "reader.cli.stats"}
    assert not unwanted & loaded


def test_a_library_listing_loads_no_importer_analysis_or_export(tmp_path):
    db = tmp_path / "lib.db"
    loaded = _loaded_after(f"import reader.cli\nreader.cli.main(['--db', {str(db)!r}, 'docs'])")
    assert "reader.core.store" in loaded
    unwanted = {
        "reader.core.importers",
        "pypdf",
        "reader.core.analysis",
        "reader.core.compare",
        "reader.core.export",
        "reader.cli.outline",
        "reader.cli.exchange",
    }
    assert not unwanted & loaded


def test_a_mistyped_command_is_refused_with_the_list_of_commands(tmp_path):
    # Before: the word was taken for a file to open, Qt started and aborted (134).
    out = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(tmp_path / "x.db"), "qdpx-imprt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    lines = out.stderr.splitlines()
    assert "unknown command 'qdpx-imprt'" in lines[0]
    assert "qdc-import" in lines[1] and "export-csv" in lines[1]
    assert not (tmp_path / "x.db").exists()  # nothing opened


def test_mistyped_command_is_told_from_files_and_gui_options(tmp_path):
    from reader.commands import mistyped_command

    (tmp_path / "notes").write_text("a file without a suffix")
    assert mistyped_command(["qdpx-imprt"]) == "qdpx-imprt"
    assert mistyped_command(["--db", "lib", "tagz"]) == "tagz"
    assert mistyped_command(["paper.txt"]) is None
    assert mistyped_command([str(tmp_path / "notes")]) is None
    assert mistyped_command(["--settings", "mine", "--screenshot", "out", "x.pdf"]) is None
    assert mistyped_command(["docs"]) is None and mistyped_command([]) is None


def test_a_text_file_loads_no_other_formats_parser(tmp_path):
    sample = tmp_path / "a.txt"
    sample.write_text("Part I Aims\n\nBody text.\n", encoding="utf-8")
    loaded = _loaded_after(f"import reader.cli\nreader.cli.main(['outline', {str(sample)!r}])")
    assert "reader.core.importers.text" in loaded
    parsers = {m.split(".")[3] for m in loaded if m.startswith("reader.core.importers.")}
    assert not parsers & {"pdf", "docx", "html", "markdown"}
    assert not {"pypdfium2", "zipfile"} & loaded
