"""The check session the three shells share: settings from a real jianfu.toml on disk (read once
per change), parents read once per change, and checks equal to the engine's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jianfu.engine import check as engine_check
from jianfu.session import CheckSession
from jianfu.settings import Settings, SettingsError
from jianfu.text.readers import ReadError, read_path
from jianfu.text.structure import parse

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
DRAFT = "关于加强某项工作的通知\n各单位：\n    请各乡镇于月底前将落实情况报送县政府办公室。\n"


def _touch_later(path: Path, text: str) -> None:
    """Rewrite ``path`` with a later modification time (coarse clocks would hide the change)."""
    before = path.stat().st_mtime_ns
    path.write_text(text, "utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def test_settings_come_from_the_nearest_jianfu_toml_and_follow_its_changes(rules, tmp_path) -> None:
    (tmp_path / "jianfu.toml").write_text('ignore = ["JF301"]\n', "utf-8")
    folder = tmp_path / "通知"
    folder.mkdir()
    draft = folder / "通知.txt"
    draft.write_text(DRAFT, "utf-8")
    session = CheckSession(rules)
    assert session.settings.config_path(draft) == tmp_path / "jianfu.toml"
    first = session.settings.resolve(draft)
    assert first.ignore == ("JF301",)
    assert session.settings.resolve(draft) is first  # read once while the file is unchanged
    assert session.check_file(draft).result.findings == ()
    _touch_later(tmp_path / "jianfu.toml", 'ignore = ["JF9"]\n')
    assert session.settings.resolve(draft).ignore == ("JF9",)
    assert [f.rule for f in session.check_file(draft).result.findings] == ["JF301"]


def test_per_file_tables_apply_relative_to_the_config_folder(rules, tmp_path) -> None:
    (tmp_path / "jianfu.toml").write_text('[per_file_ignores]\n"a/*.txt" = ["JF301"]\n', "utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    session = CheckSession(rules)
    assert session.settings.resolve(tmp_path / "a" / "x.txt").ignore == ("JF301",)
    assert session.settings.resolve(tmp_path / "b" / "x.txt").ignore == ()


def test_a_given_config_is_used_for_every_draft(rules, tmp_path) -> None:
    given = tmp_path / "单位.toml"
    given.write_text('doc_type = "special"\n', "utf-8")
    (tmp_path / "jianfu.toml").write_text('doc_type = "general"\n', "utf-8")
    session = CheckSession(rules, config=given)
    assert session.settings.resolve(tmp_path / "x.txt").doc_type == "special"


def test_an_invalid_jianfu_toml_is_an_error_or_the_last_good_settings(rules, tmp_path) -> None:
    config = tmp_path / "jianfu.toml"
    config.write_text('ignore = ["JF301"]\n', "utf-8")
    draft = tmp_path / "x.txt"
    session = CheckSession(rules)
    assert session.settings.resolve_lenient(draft) == (session.settings.resolve(draft), None)
    _touch_later(config, "ignore = [\n")
    with pytest.raises(SettingsError, match="jianfu.toml"):
        session.settings.resolve(draft)
    settings, error = session.settings.resolve_lenient(draft)
    assert settings.ignore == ("JF301",) and error and "TOML" in error


def test_new_base_settings_are_overlaid_by_the_file_again(rules, tmp_path) -> None:
    (tmp_path / "jianfu.toml").write_text('doc_type = "special"\n', "utf-8")
    session = CheckSession(rules)
    session.settings.set_base(Settings(ignore=("JF5",), doc_type="general"))
    settings = session.settings.resolve(tmp_path / "x.txt")
    assert (settings.ignore, settings.doc_type) == (("JF5",), "special")


def test_request_settings_overlay_the_base_and_ignores_add_up(rules) -> None:
    session = CheckSession(rules, Settings(ignore=("JF203",)))
    overlaid = session.settings.overlay({"ignore": ["JF301"], "docType": "special"}, "settings")
    assert (overlaid.ignore, overlaid.doc_type) == (("JF203", "JF301"), "special")
    with pytest.raises(SettingsError, match="settings"):
        session.settings.overlay({"doc_type": "不存在"}, "settings")


def test_parents_are_read_once_per_change_and_unreadable_ones_are_reported(rules, tmp_path) -> None:
    parent = tmp_path / "上位文件.txt"
    parent.write_text((EXAMPLES / "配套文件" / "上位文件.txt").read_text("utf-8"), "utf-8")
    session = CheckSession(rules, root=tmp_path)
    settings = Settings(parents=("上位文件.txt", "没有这个文件.txt"))
    first, errors = session.parents_for(settings)
    assert [d.path for d in first] == [str(parent)]
    assert errors == [f"上位文件 {tmp_path / '没有这个文件.txt'} 无法读取：文件不存在。请检查路径。"]
    again, _ = session.parents_for(settings)
    assert again[0] is first[0]  # the same parsed parent: what rules derive from it stays cached
    _touch_later(parent, "关于某事的意见\n")
    assert session.parents_for(settings)[0][0] is not first[0]
    with pytest.raises(ReadError):
        session.parents.read(tmp_path / "没有这个文件.txt")


def test_checks_of_text_bytes_and_files_equal_the_engine_s(rules) -> None:
    session = CheckSession(rules)
    base = session.base
    for path in sorted(EXAMPLES.glob("*.*")):
        if path.suffix not in (".txt", ".md", ".docx"):
            continue
        document = read_path(path)
        expected = engine_check(document, rules, base).findings
        assert session.check_file(path).result.findings == expected, path.name
        assert session.check_bytes(path.read_bytes(), path.suffix, base).result.findings == expected, path.name
    text = (EXAMPLES / "违规通知.txt").read_text("utf-8")
    checked = session.check_text(text, base)
    assert checked.result.findings == engine_check(parse(text), rules, base).findings
    assert checked.result.findings, "the example is meant to be flagged"


def test_the_copy_check_against_a_parent_equals_the_engine_s(rules) -> None:
    session = CheckSession(rules)
    parent = session.parents.read(EXAMPLES / "配套文件" / "上位文件.txt")
    child = read_path(EXAMPLES / "配套文件" / "配套措施.txt")
    expected = engine_check(child, rules, session.base, [parent]).findings
    assert any(f.related for f in expected)
    for _ in range(2):  # the second check reads the parent's shingles from the cache
        assert session.check(child, session.base, [parent]).findings == expected


def test_checkers_are_kept_per_settings_and_share_the_anchor_index(rules) -> None:
    session = CheckSession(rules)
    base = session.base
    first = session.checker(base)
    assert session.checker(Settings()) is first  # equal settings built afresh
    ignoring = session.checker(Settings(ignore=("JF301",)))
    assert ignoring is not first and ignoring.settings.ignore == ("JF301",)
    assert ignoring._wakes is first._wakes
    assert ignoring._paragraph_cache is first._paragraph_cache
    assert session.checker(base) is first
    assert [f.rule for f in session.check(parse(DRAFT), Settings(ignore=("JF301",))).findings] == []
    assert [f.rule for f in session.check(parse(DRAFT), base).findings] == ["JF301"]
    assert session.rules_by_id["JF301"].id == "JF301"


def test_the_copy_kind_keeps_a_bounded_number_of_parents(rules) -> None:
    from jianfu.kinds import copy

    session = CheckSession(rules)
    child = read_path(EXAMPLES / "配套文件" / "配套措施.txt")
    text = (EXAMPLES / "配套文件" / "上位文件.txt").read_text("utf-8")
    for n in range(copy._PARENTS_KEPT + 3):  # parents of one-off HTTP requests (settings.parent_text)
        found = session.check(child, session.base, [parse(text + "\n" * n)]).findings
        assert any(f.rule == "JF204" for f in found)
        assert len(copy._PARENTS) <= copy._PARENTS_KEPT
