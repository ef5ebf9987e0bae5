"""The start-up cache: content-keyed, written atomically, never fatal when missing, broken or stale."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from jianfu import datacache
from jianfu.rules import bundled_rules_dir, load_rules


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("JIANFU_NO_CACHE", raising=False)
    return tmp_path / "jianfu"


def test_built_once_then_read(cache: Path) -> None:
    calls = []
    key = datacache.digest([b"source"])
    build = lambda: calls.append(1) or {"a": (1, 2)}  # noqa: E731
    assert datacache.cached("entry", key, build) == {"a": (1, 2)}
    assert datacache.cached("entry", key, build) == {"a": (1, 2)}
    assert len(calls) == 1
    assert (cache / "entry.marshal").is_file()


def test_changed_source_rebuilds(cache: Path) -> None:
    datacache.cached("entry", datacache.digest([b"old"]), lambda: "old value")
    assert datacache.cached("entry", datacache.digest([b"new"]), lambda: "new value") == "new value"
    assert datacache.cached("entry", datacache.digest([b"new"]), lambda: "unused") == "new value"


def test_digest_parts_cannot_run_together() -> None:
    assert datacache.digest([b"ab", b"c"]) != datacache.digest([b"a", b"bc"])


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps(["no", "key"]), marshal.dumps(42)])
def test_broken_entry_is_rebuilt(cache: Path, content: bytes) -> None:
    cache.mkdir()
    (cache / "entry.marshal").write_bytes(content)
    assert datacache.cached("entry", datacache.digest([b"k"]), lambda: [1]) == [1]
    assert datacache.cached("entry", datacache.digest([b"k"]), lambda: [2]) == [1]  # rewritten


def test_unwritable_cache_is_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert datacache.cached("entry", datacache.digest([b"k"]), lambda: "built") == "built"


def test_switched_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIANFU_NO_CACHE", "1")
    assert datacache.cached("entry", datacache.digest([b"k"]), lambda: "built") == "built"
    assert not cache.exists()


def test_unparsable_yaml_is_left_to_the_caller(cache: Path, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("a: 1\n", "utf-8")
    bad.write_text("a: [1\n", "utf-8")
    assert datacache.parsed_yaml("files", [good]) == [{"a": 1}]
    assert datacache.parsed_yaml("files", [good, bad]) is None
    assert datacache.parsed_yaml("files", [good, tmp_path / "missing.yaml"]) is None


def test_bundled_rules_same_from_cache(cache: Path) -> None:
    first, errors = load_rules()
    assert not errors
    assert (cache / "rules.marshal").is_file()
    second, _ = load_rules()  # read from the cache
    assert [(r.id, r.title, r.params.keys(), r.examples) for r in first] == [
        (r.id, r.title, r.params.keys(), r.examples) for r in second
    ]


def test_cached_rules_follow_a_changed_file(cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    source = next(bundled_rules_dir().rglob("JF*.yaml"))
    target = folder / source.name
    target.write_text(source.read_text("utf-8"), "utf-8")
    (parsed,) = datacache.parsed_yaml("custom", [target]) or [None]
    target.write_text(source.read_text("utf-8").replace(f"title: {parsed['title']}", "title: 改过的标题"), "utf-8")
    (changed,) = datacache.parsed_yaml("custom", [target]) or [None]
    assert changed["title"] == "改过的标题"


def test_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JIANFU_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert datacache.cache_dir() == tmp_path / "jianfu"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # invalid under the XDG spec: ignored
    assert datacache.cache_dir() != Path("relative/path") / "jianfu"
