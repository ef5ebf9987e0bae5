"""The server's state without a server: one checker kept per settings, a new one when they change."""

from __future__ import annotations

from jianfu.lsp.state import ServerState
from jianfu.settings import from_mapping
from jianfu.text.structure import parse

DRAFT = "关于加强某项工作的通知\n各单位：\n    请各乡镇于月底前将落实情况报送县政府办公室。\n"


def test_checker_is_kept_while_settings_are_equal_and_replaced_when_they_change() -> None:
    state = ServerState()
    assert not state.load()
    base = state.client.base
    first = state.checker(base)
    # equal settings built afresh (as settings_for does on every keystroke): the same checker
    assert state.checker(from_mapping({}, source="测试", base=base)) is first
    assert [f.rule for f in first.check(parse(DRAFT)).findings] == ["JF301"]
    ignoring = from_mapping({"ignore": ["JF301"]}, source="测试", base=base)
    second = state.checker(ignoring)
    assert second is not first and second.check(parse(DRAFT)).findings == ()
    assert state.checker(base) is not second  # back to the old settings: checked by them again
    assert [f.rule for f in state.checker(base).check(parse(DRAFT)).findings] == ["JF301"]
