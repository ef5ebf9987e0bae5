"""Atomic writes leave files readable like any other: a new file by the umask, a replaced one as it was."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from jianfu.writeout import write_atomic


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permissions_follow_the_umask_and_the_replaced_file(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "评估表.docx"
        write_atomic(fresh, b"one")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "问题清单.xlsx"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        write_atomic(kept, b"new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_bytes() == b"new"
        os.umask(0o077)
        private = tmp_path / "报告.html"
        write_atomic(private, b"x")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)
