"""The language server's check of one draft as a pure helper (no server): the parent is read once
and its related locations placed from the parsed parent (no disk read per keystroke), and code
actions carry the diagnostics already published instead of building them again."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from jianfu.lsp import answers
from jianfu.lsp.checking import Outcome, check_draft
from jianfu.lsp.drafts import OpenDraft
from jianfu.lsp.state import ServerState

UTF16 = types.PositionEncodingKind.Utf16
TITLE = "关于加强某项工作的通知\n各单位：\n"
PARENT = "关于某项工作的意见\n各地：\n    一、加快推进数字政府建设，全面提升政务服务效能，切实增强人民群众的获得感。\n"
CHILD = (
    TITLE
    + "    一、加快推进数字政府建设，全面提升政务服务效能，切实增强人民群众获得感。\n"
    + "    请各乡镇于月底前将落实情况报送县政府办公室。\n"
)


@pytest.fixture(scope="module")
def loaded() -> ServerState:
    state = ServerState()
    assert not state.load()
    return state


def _check(state: ServerState, folder: Path, revision: int) -> Outcome:
    draft = folder / "配套措施.txt"
    outcome = check_draft(state, OpenDraft(draft.as_uri(), revision, CHILD, revision), draft, UTF16, lambda: True)
    assert outcome is not None and outcome.check is not None
    return outcome


def test_related_locations_come_from_the_parent_read_once(loaded, tmp_path, monkeypatch) -> None:
    (tmp_path / "上位文件.txt").write_text(PARENT, "utf-8")
    (tmp_path / "jianfu.toml").write_text('[jianfu]\nparents = ["上位文件.txt"]\n', "utf-8")
    loaded.root = tmp_path
    first = _check(loaded, tmp_path, 1)

    def no_reading(path: Path) -> None:
        raise AssertionError(f"{path} read again on the keystroke path")

    monkeypatch.setattr("jianfu.session.parents.read_path", no_reading)
    monkeypatch.setattr("jianfu.text.readers.read_path", no_reading)
    second = _check(loaded, tmp_path, 2)
    assert first.messages == second.messages == []
    for outcome in (first, second):
        assert outcome.check is not None
        (copied,) = [d for d in outcome.check.diagnostics if d.code == "JF204"]
        (related,) = copied.related_information or []
        assert related.location.range.start == types.Position(line=2, character=len("    "))
        assert related.location.uri == (tmp_path / "上位文件.txt").resolve().as_uri()


def test_code_actions_carry_the_published_diagnostics(loaded, tmp_path) -> None:
    loaded.root = tmp_path
    outcome = _check(loaded, tmp_path, 3)
    check = outcome.check
    assert check is not None and check.diagnostics
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=99, character=0))
    draft = tmp_path / "配套措施.txt"
    actions = answers.code_actions(
        draft.as_uri(), check, whole, loaded.rules_by_id, UTF16, draft, tmp_path / "jianfu.toml", lambda uri: None
    )
    assert actions
    published = {id(d) for d in check.diagnostics}
    assert all(id(action.diagnostics[0]) in published for action in actions if action.diagnostics)
    assert loaded.rules_by_id is loaded.rules_by_id  # built once at load, not per request
