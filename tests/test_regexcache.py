"""Compiled code kept between runs (jianfu.regexcache): the same pattern as re.compile, always."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jianfu import datacache, regexcache

PATTERNS = [
    ("[^，。；]{0,20}(?:要求|须)(?P<what>报送|上报)", 0),
    (r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])", 0),
    ("^一、|^（一）", re.M),
    (r"(\d+)(?:个|项)工作日", re.I),
    ("各(?:乡镇|村)(?!委会)", re.DOTALL),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("JIANFU_NO_CACHE", raising=False)
    monkeypatch.setattr(regexcache, "_store", None)
    monkeypatch.setattr(regexcache, "_added", True)  # no atexit writer from a test
    return tmp_path / "jianfu"


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_as_re_compile_before_and_after_a_restart(fresh: Path, pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert regexcache.compile(pattern, flags) == expected  # built here, then stored
    regexcache._save()
    regexcache._store = None  # as in the next process
    from_store = regexcache.compile(pattern, flags)
    assert from_store == expected
    assert from_store.groupindex == expected.groupindex and from_store.groups == expected.groups
    text = "请各乡镇于3个工作日内\n一、要求报送材料 制 定"
    assert [m.span() for m in from_store.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_syntax_error_as_re_reports_it(fresh: Path) -> None:
    with pytest.raises(re.error):
        regexcache.compile("(未闭合")


def test_broken_entry_falls_back(fresh: Path) -> None:
    pattern = "要求[^，。]{0,5}报送"
    regexcache.compile(pattern)
    regexcache._store[(pattern, 0)] = (32, b"\x00\x01garbage", 0, {}, (None,))  # type: ignore[index]
    assert regexcache.compile(pattern) == re.compile(pattern)


def test_stale_store_is_not_read(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datacache.write("regex-code", b"another python", {("x", 0): (32, b"", 0, {}, (None,))})
    assert regexcache._entries() == {}
