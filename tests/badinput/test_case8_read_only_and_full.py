"""Issue 18, case 8: a read-only library file or folder, a read-only file system and a
full disk. The library opens read-only: listing, searching and exports work, and every
write says why it cannot be done. The file systems are real: a small tmpfs mounted in a
user namespace of its own (``unshare``), skipped where the system does not allow one."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from badinput_helpers import span

from reader import cli
from reader.core.errors import LibraryError
from reader.core.store import Library

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def made(lib):
    """The library with one tagged highlight, closed; returns its path and annotation id."""
    library, doc_id = lib
    s, e = span(library, doc_id, "Banks will cooperate.")
    ann = library.add_annotation(doc_id, s, e, tags=["economy"], note="swap lines")
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file itself
    return library.path, ann.id


def _read_only_checks(path: Path, ann_id: str, why: str, capsys, tmp_path) -> None:
    with Library.open(path) as library:
        assert library.read_only == why
        assert [d.title for d in library.list_documents()] == ["Trade Policy Paper"]
        assert library.search("banks") and library.excerpts()[0].annotation.note == "swap lines"
        with pytest.raises(LibraryError, match=f"open read-only \\({why}\\); nothing can be"):
            library.set_note(ann_id, "changed")
    out = tmp_path / "out.md"
    assert cli.main(["--db", str(path), "export-md", "-o", str(out)]) == 0
    assert "swap lines" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["--db", str(path), "note", ann_id, "changed"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"read-only ({why})" in err


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="POSIX permissions")
def test_a_read_only_file_opens_read_only(made, capsys, tmp_path):
    path, ann_id = made
    path.chmod(0o444)
    try:
        _read_only_checks(path, ann_id, "the file is read-only", capsys, tmp_path)
    finally:
        path.chmod(0o644)
    with Library.open(path) as library:  # writable again: writes work
        assert library.read_only is None
        library.set_note(ann_id, "changed")


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="POSIX permissions")
def test_a_read_only_folder_opens_read_only(made, capsys, tmp_path):
    path, ann_id = made
    folder_mode = stat.S_IMODE(path.parent.stat().st_mode)
    path.parent.chmod(0o555)
    try:
        _read_only_checks(path, ann_id, "its folder is read-only", capsys, tmp_path)
    finally:
        path.parent.chmod(folder_mode)


def test_a_write_that_finds_the_disk_full_is_named_so(made):
    path, ann_id = made
    with Library.open(path) as library:
        pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
        library.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite: "disk is full"
        before = library.get_annotation(ann_id).note
        with pytest.raises(LibraryError, match="the disk is full.*nothing was changed"):
            library.set_note(ann_id, "x" * 50_000)
        assert library.get_annotation(ann_id).note == before


SCRIPT = r"""
set -e
mount -t tmpfs -o size=512k tmpfs "$MNT"
cp "$DB" "$MNT/lib.db"
run() { "$PY" -c 'import sys; from reader import cli; sys.exit(cli.main(sys.argv[1:]))' \
    --db "$MNT/lib.db" "$@" 2>&1 || true; }
head -c 4000000 /dev/zero > "$MNT/fill" 2>/dev/null || true
echo "== full"; run docs; run note "$ANN" changed; run export-md -o "$MNT/x.md"
rm "$MNT/fill"
mount -o remount,ro "$MNT"
echo "== read-only"; run docs; run search banks; run note "$ANN" changed
"""


def test_a_full_disk_and_a_read_only_file_system(made, tmp_path):
    if shutil.which("unshare") is None or sys.platform != "linux":
        pytest.skip("needs unshare to mount a small file system")
    probe = subprocess.run(["unshare", "-Urm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("user namespaces are not allowed here")
    path, ann_id = made
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    env = dict(os.environ, MNT=str(mnt), DB=str(path), PY=sys.executable, ANN=ann_id)
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        ["unshare", "-Urm", "bash", "-c", SCRIPT], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    full, read_only = done.stdout.split("== full\n")[1].split("== read-only\n")
    assert "Trade Policy Paper" in full  # reading works on a full disk
    assert "open read-only (the disk is full)" in full and "Free some space" in full
    assert "x.md: the disk is full; nothing was written" in full
    assert "not a usable library" not in full + read_only
    assert "Trade Policy Paper" in read_only and "Banks" in read_only
    assert "open read-only (it is on a read-only file system)" in read_only
