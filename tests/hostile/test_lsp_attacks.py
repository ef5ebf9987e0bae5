"""Attacks on the language server, each against the real `jianfu lsp` over stdio.

After every attack the server must still answer hover and shutdown, must not have popped anything
up in the user's editor (window/showMessage) and must not have written a traceback to its log.
"""

from __future__ import annotations

import time

from jianfu.engine import Checker
from jianfu.rules import load_rules
from jianfu.text.structure import parse
from tests.hostile.lsp_wire import RawServer

TITLE = "关于加强某项工作的通知\n各单位：\n"
DEMAND = "    请各乡镇于月底前将落实情况报送县政府办公室。\n"
# a different paragraph on every line: nothing comes from the checker's paragraph cache
NUMBERED = "    {i}. 请各乡镇于月底前将落实情况报送县政府办公室，建立健全工作协调机制，研究解决重大问题。\n"


def numbered(chars: int) -> str:
    return TITLE + "".join(NUMBERED.format(i=i) for i in range(chars // 45))


def assert_still_serving(lsp: RawServer, uri: str | None = None) -> None:
    uri = uri or lsp.open("探活.txt", TITLE + DEMAND, version=1)
    answer = lsp.hover(uri, 2, 14)
    assert "result" in answer, answer
    assert lsp.pop_ups() == []
    assert lsp.shutdown()["result"] is None
    assert lsp.process.returncode == 0
    assert "Traceback" not in lsp.stderr()


def publishes(lsp: RawServer, uri: str) -> list[int | None]:
    return [
        m["params"].get("version")
        for m in list(lsp.notifications)
        if m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    ]


def test_huge_paste_leaves_hover_and_shutdown_answered_while_it_is_checked(lsp: RawServer) -> None:
    text = numbered(1_300_000)
    assert len(text) >= 1_300_000
    uri = lsp.open("巨型.txt", text)
    time.sleep(0.3)  # the check has started on the worker thread
    started = time.monotonic()
    answer = lsp.hover(uri, 3, 10, timeout=2)
    assert "result" in answer and time.monotonic() - started < 2
    assert publishes(lsp, uri) == []  # still being checked: the hover did not wait for it
    started = time.monotonic()
    assert lsp.request("shutdown", None, timeout=2)["result"] is None
    assert time.monotonic() - started < 2
    lsp.notify("exit", None)
    lsp.process.wait(5)  # exit does not wait for the check either
    assert "Traceback" not in lsp.stderr()


def test_check_superseded_by_a_newer_version_is_never_published(lsp: RawServer) -> None:
    uri = lsp.open("巨型.txt", numbered(200_000))
    time.sleep(0.1)
    for version in (2, 3, 4):  # arrive while version 1 is being checked
        lsp.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": TITLE + DEMAND * version}]},
        )
    diagnostics = lsp.diagnostics(uri, 4)
    assert len(diagnostics) == 4
    time.sleep(0.3)
    assert publishes(lsp, uri) == [4]  # 1 was superseded while running, 2 and 3 while queued
    assert_still_serving(lsp, uri)


def test_diagnostics_over_the_default_cap_end_with_one_saying_how_many_were_left_out(lsp: RawServer) -> None:
    text = TITLE + DEMAND * 1200
    uri = lsp.open("多.txt", text)
    diagnostics = lsp.diagnostics(uri, 1)
    assert len(diagnostics) == 1001
    total = len(Checker(load_rules()[0]).check(parse(text)).findings)  # what `jianfu check` lists
    assert total > 1200
    summary = diagnostics[-1]
    assert summary["severity"] == 3  # information
    assert f"另有 {total - 1000} 处" in summary["message"] and "jianfu check" in summary["message"]
    lines = [d["range"]["start"]["line"] for d in diagnostics[:-1]]
    assert lines == sorted(lines)  # shown in document order
    assert_still_serving(lsp, uri)


def test_diagnostics_cap_follows_the_max_diagnostics_setting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lsp = RawServer(tmp_path, {"debounceMs": 0, "maxDiagnostics": 5})
    try:
        lsp.initialize()
        uri = lsp.open("多.txt", TITLE + DEMAND * 8)
        diagnostics = lsp.diagnostics(uri, 1)
        assert len(diagnostics) == 6
        assert [d["range"]["start"]["line"] for d in diagnostics[:5]] == [2, 3, 4, 5, 6]
        assert "另有 3 处" in diagnostics[-1]["message"] and "maxDiagnostics" in diagnostics[-1]["message"]
        assert_still_serving(lsp, uri)
    finally:
        lsp.close()
