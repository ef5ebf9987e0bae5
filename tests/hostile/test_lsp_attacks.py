"""Attacks on the language server, each against the real `jianfu lsp` over stdio.

After every attack the server must still answer hover and shutdown, must not have popped anything
up in the user's editor (window/showMessage) and must not have written a traceback to its log.
"""

from __future__ import annotations

import json
import time

import pytest

from jianfu.engine import Checker
from jianfu.lsp.config import from_client
from jianfu.rules import load_rules
from jianfu.settings import SettingsError
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


# -- malformed JSON-RPC ----------------------------------------------------------------------------


def probe(lsp: RawServer) -> str:
    """A draft with one finding, opened and checked: proof the server still works."""
    uri = lsp.open("探活.txt", TITLE + DEMAND)
    assert len(lsp.diagnostics(uri, 1)) == 1
    return uri


def new_log_lines(lsp: RawServer, before: int) -> list[str]:
    lsp.hover(probe_uri(lsp), 0, 0)  # handled after the attack: its log line is written by now
    return lsp.stderr().splitlines()[before:]


def probe_uri(lsp: RawServer) -> str:
    return (lsp.root / "探活.txt").as_uri()


def log_size(lsp: RawServer) -> int:
    return len(lsp.stderr().splitlines())


def test_truncated_body_of_a_request_gets_a_parse_error_reply(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    body = b'{"jsonrpc": "2.0", "id": 77, "method": "textDocument/hover", "params": {"textDocument": {"ur'
    lsp.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    answer = lsp.response(77)
    assert answer["error"]["code"] == -32700
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_truncated_body_of_a_notification_is_ignored_with_one_log_line(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    body = b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": '
    lsp.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_body_that_is_not_utf8_is_ignored_with_one_log_line(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    body = b'{"jsonrpc": "2.0", "method": "\xff\xfe"}'
    lsp.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_deeply_nested_json_is_ignored_with_one_log_line(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    body = (
        b'{"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}"
    )
    lsp.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert "error" in lsp.response(5)
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_batch_array_gets_an_invalid_request_reply_for_each_request_in_it(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    position = {"line": 2, "character": 14}
    lsp.send(
        [
            {"jsonrpc": "2.0", "id": 41, "method": "textDocument/hover",
             "params": {"textDocument": {"uri": uri}, "position": position}},
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            {"jsonrpc": "2.0", "id": 42, "method": "shutdown"},
        ]
    )  # fmt: skip
    assert lsp.response(41)["error"]["code"] == -32600
    assert lsp.response(42)["error"]["code"] == -32600
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_hover_with_wrong_typed_position_gets_an_invalid_params_reply(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    answer = lsp.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": "x"})
    assert answer["error"]["code"] == -32602
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_notification_with_wrong_typed_params_is_ignored_with_one_log_line(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    lsp.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": "二"}, "contentChanges": 7})
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_message_that_is_not_json_rpc_2_is_ignored(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    lsp.send({"id": 9, "method": "textDocument/hover", "params": {}})
    assert lsp.response(9)["error"]["code"] == -32600
    lsp.send([])  # an empty batch
    lsp.send("textDocument/hover")  # type: ignore[arg-type]  # a bare string
    assert len(new_log_lines(lsp, before)) == 3
    assert_still_serving(lsp, uri)


def test_unknown_methods_get_method_not_found_or_are_ignored(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    assert lsp.request("jianfu/没有这个方法", {})["error"]["code"] == -32601
    lsp.notify("jianfu/没有这个通知", {"x": 1})
    assert len(new_log_lines(lsp, before)) == 2
    assert_still_serving(lsp, uri)


# -- hostile edits -----------------------------------------------------------------------------------


def change(lsp: RawServer, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
    edit_range = {
        "start": {"line": start[0], "character": start[1]},
        "end": {"line": end[0], "character": end[1]},
    }
    lsp.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": edit_range, "text": text}]},
    )


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def assert_inside(diagnostics: list[dict], text: str) -> None:  # type: ignore[type-arg]
    """Every range lies inside the text and never splits a surrogate pair."""
    lines = text.split("\n")
    for diagnostic in diagnostics:
        for end in ("start", "end"):
            position = diagnostic["range"][end]
            assert position["line"] < len(lines)
            line = lines[position["line"]]
            assert position["character"] <= utf16(line)
            assert position["character"] in {utf16(line[:i]) for i in range(len(line) + 1)}


def test_edits_to_a_document_never_opened_are_ignored_with_one_log_line(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    stranger = (lsp.root / "未打开.txt").as_uri()
    change(lsp, stranger, 2, (0, 0), (0, 0), DEMAND)
    assert len(new_log_lines(lsp, before)) == 1
    assert publishes(lsp, stranger) == []
    assert_still_serving(lsp, uri)


def test_version_going_backwards_is_ignored_with_one_log_line(lsp: RawServer) -> None:
    uri = lsp.open("通知.txt", TITLE + DEMAND, version=5)
    assert len(lsp.diagnostics(uri, 5)) == 1
    before = log_size(lsp)
    change(lsp, uri, 3, (2, 0), (3, 0), "")  # would delete the demand
    assert len(new_log_lines(lsp, before)) == 1
    change(lsp, uri, 6, (3, 0), (3, 0), DEMAND)  # a real next version still applies
    assert len(lsp.diagnostics(uri, 6)) == 2
    assert 3 not in publishes(lsp, uri)
    assert_still_serving(lsp, uri)


def test_out_of_range_positions_are_clamped_to_the_document_end(lsp: RawServer) -> None:
    uri = lsp.open("通知.txt", TITLE + DEMAND.rstrip("\n"))
    lsp.diagnostics(uri, 1)
    change(lsp, uri, 2, (2, 999), (2, 999), "\n" + DEMAND)  # past the end of the line: at its end
    change(lsp, uri, 3, (999, 0), (999_999, 5), DEMAND)  # past the last line: appended
    text = TITLE + DEMAND + DEMAND + DEMAND
    diagnostics = lsp.diagnostics(uri, 3)
    assert [d["range"]["start"]["line"] for d in diagnostics] == [2, 3, 4]
    assert_inside(diagnostics, text)
    assert_still_serving(lsp, uri)


def test_reversed_range_is_read_forwards(lsp: RawServer) -> None:
    line = DEMAND.rstrip("\n")
    uri = lsp.open("通知.txt", TITLE + DEMAND)
    lsp.diagnostics(uri, 1)
    start, end = utf16(line[: line.index("将落实")]), utf16(line[: line.index("县政府")])
    change(lsp, uri, 2, (2, end), (2, start), "")  # deletes the demand's verb phrase
    assert lsp.diagnostics(uri, 2) == []
    assert_still_serving(lsp, uri)


def test_positions_inside_a_surrogate_pair_land_on_a_character_boundary(lsp: RawServer) -> None:
    line = "    请𠮷祥乡于月底前将落实情况报送县政府办公室。"
    uri = lsp.open("通知.txt", TITLE + line + "\n")
    lsp.diagnostics(uri, 1)
    inside = utf16("    请") + 1  # between the two halves of 𠮷
    change(lsp, uri, 2, (2, inside), (2, inside), "𪚥")
    diagnostics = lsp.diagnostics(uri, 2)
    text = TITLE + line.replace("𠮷", "𠮷𪚥") + "\n"
    assert len(diagnostics) == 1
    assert_inside(diagnostics, text)
    answer = lsp.hover(uri, 2, inside)  # a hover inside a pair too
    assert "result" in answer
    assert_still_serving(lsp, uri)


def test_lone_surrogates_in_the_text_are_checked_and_published(lsp: RawServer) -> None:
    text = TITLE + "    \ud800请各乡镇于月底前将落实情况报送县政府办公室。\udfff\n"
    uri = (lsp.root / "孤.txt").as_uri()
    document = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
    lsp.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}}, ascii=True)
    diagnostics = lsp.diagnostics(uri, 1)
    assert len(diagnostics) == 1
    assert lsp.hover(uri, 2, diagnostics[0]["range"]["start"]["character"])["result"] is not None
    assert_still_serving(lsp, uri)


def test_ten_megabyte_paste_leaves_hover_and_shutdown_answered(lsp: RawServer) -> None:
    uri = lsp.open("通知.txt", TITLE + DEMAND)
    lsp.diagnostics(uri, 1)
    paste = numbered(10_000_000)
    assert len(paste) >= 10_000_000
    lsp.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": paste}]}
    )
    started = time.monotonic()
    assert "result" in lsp.hover(uri, 2, 14, timeout=2)
    assert time.monotonic() - started < 2
    started = time.monotonic()
    assert lsp.request("shutdown", None, timeout=2)["result"] is None
    assert time.monotonic() - started < 2
    lsp.notify("exit", None)
    lsp.process.wait(5)
    assert lsp.pop_ups() == [] and "Traceback" not in lsp.stderr()


def test_content_length_beyond_any_real_message_is_skipped(lsp: RawServer) -> None:
    uri = probe(lsp)
    before = log_size(lsp)
    lsp.send_bytes(b"Content-Length: 99999999999999\r\n\r\n")
    assert len(new_log_lines(lsp, before)) == 1
    assert_still_serving(lsp, uri)


def test_content_length_counted_in_characters_loses_one_message_not_the_stream(lsp: RawServer) -> None:
    """A classic client bug: Content-Length in characters, not UTF-8 bytes. The body is read short,
    its rest runs into the next message's header line; the reader must find that header again."""
    uri = probe(lsp)
    body = json.dumps(
        {"jsonrpc": "2.0", "id": 90, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri + "#草稿"}, "position": {"line": 2, "character": 14}}},
        ensure_ascii=False,
    )  # fmt: skip
    lsp.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body.encode("utf-8"))
    assert lsp.response(90)["error"]["code"] == -32700  # cut short: a parse error, answered
    for _ in range(3):  # the messages after it are read as usual
        answer = lsp.hover(uri, 2, 14, timeout=5)
        assert "第3条" in answer["result"]["contents"]["value"]
    assert_still_serving(lsp, uri)


def test_max_diagnostics_setting_of_the_wrong_type_is_refused_in_chinese() -> None:
    for value in (-1, "1000", True, 1.5):
        with pytest.raises(SettingsError, match="jianfu.maxDiagnostics.*不小于 0 的整数"):
            from_client({"maxDiagnostics": value})
    assert from_client({"maxDiagnostics": 0}).max_diagnostics == 0
    assert from_client({}).max_diagnostics == 1000


def test_document_opened_before_initialize_is_checked_after_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lsp = RawServer(tmp_path)
    try:
        uri = lsp.open("早.txt", TITLE + DEMAND)
        assert lsp.hover(uri, 2, 14)["result"] is None  # answered, though nothing is checked yet
        lsp.initialize()
        assert len(lsp.diagnostics(uri, 1)) == 1
        assert_still_serving(lsp, uri)
    finally:
        lsp.close()


def test_request_after_shutdown_gets_an_invalid_request_reply(lsp: RawServer) -> None:
    uri = probe(lsp)
    assert lsp.request("shutdown", None)["result"] is None
    before = log_size(lsp)
    assert lsp.hover(uri, 2, 14)["error"]["code"] == -32600
    assert len(lsp.stderr().splitlines()[before:]) == 1
    lsp.notify("exit", None)
    assert lsp.process.wait(10) == 0
    assert lsp.pop_ups() == [] and "Traceback" not in lsp.stderr()


class ClientAnsweringSettingsWrongly(RawServer):
    """Replies to the server's workspace/configuration with a result of the wrong type."""

    def _answer(self, message: dict) -> None:  # type: ignore[type-arg]
        if message["method"] == "workspace/configuration":
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": 5})
        else:
            super()._answer(message)


def test_wrong_typed_reply_to_a_server_request_fails_that_request_instead_of_hanging(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lsp = ClientAnsweringSettingsWrongly(tmp_path)
    try:
        lsp.initialize()
        lsp.wait_for(lambda m: m["method"] == "workspace/configuration")  # asked at start-up, answered wrongly
        uri = probe(lsp)
        before, published = log_size(lsp), len(publishes(lsp, uri))
        # the server asks for its settings again, gets a reply it cannot read, keeps its settings
        # and re-checks the open drafts (one more publish of version 1): it did not wait forever
        lsp.notify("workspace/didChangeConfiguration", {"settings": None})
        lsp.wait_for(lambda m: len(publishes(lsp, uri)) > published, timeout=10)
        lines = new_log_lines(lsp, before)
        assert len(lines) == 1 and "workspace/configuration failed" in lines[0], lines
        assert_still_serving(lsp, uri)
    finally:
        lsp.close()
