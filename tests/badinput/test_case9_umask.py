"""Issue 18, case 9: exported files honour the umask (they were always 0600), and a file
written over keeps its own permissions."""

from __future__ import annotations

import os
import stat

import pytest

from reader.core.atomic import current_umask, write_atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_export_gets_what_the_umask_allows(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        assert current_umask() == umask
        path = write_atomic(tmp_path / "out.md", "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_file_written_over_keeps_its_permissions(tmp_path):
    path = tmp_path / "shared.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o660)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o660 and path.read_text() == "new"
