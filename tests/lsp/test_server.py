"""The language server end to end: real process over stdio, typed lsprotocol results."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

TITLE = "关于加强某项工作的通知\n各单位：\n"
DEMAND = "    请𠮷祥乡于月底前将落实情况报送县政府办公室。\n"
CLEAN = "    各单位要按期完成任务。\n"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def open_draft(client: LanguageClient, name: str, text: str) -> str:
    path = client.root / name  # type: ignore[attr-defined]
    path.write_text(text, "utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    await wait_for_diagnostics(client, uri, version=1)
    return uri


async def wait_for_diagnostics(
    client: LanguageClient, uri: str, version: int | None = None, timeout: float = 10
) -> list[types.Diagnostic]:
    """Wait for diagnostics of ``uri`` (of at least ``version``, when given): a late publish of an
    earlier version (e.g. the re-check after `initialized`) must not be taken for the answer."""

    def arrived() -> bool:
        return uri in client.diagnostics and (
            version is None or any(u == uri and (v or 0) >= version for u, v in client.published)  # type: ignore[attr-defined]
        )

    async def until_published() -> None:
        while not arrived():
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(until_published(), timeout)
    return list(client.diagnostics[uri])


async def change(
    client: LanguageClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str
) -> list[types.Diagnostic]:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=start[0], character=start[1]),
                        end=types.Position(line=end[0], character=end[1]),
                    ),
                    text=text,
                )
            ],
        )
    )
    return await wait_for_diagnostics(client, uri, version=version)


async def test_diagnostic_has_exact_utf16_range_and_links_to_its_rule(client: LanguageClient) -> None:
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    (diagnostic,) = client.diagnostics[uri]
    line = DEMAND.rstrip("\n")
    start = line.index("落实情况报送")
    assert diagnostic.range.start == types.Position(line=2, character=utf16(line[:start]))
    assert diagnostic.range.end == types.Position(line=2, character=utf16(line[: start + len("落实情况报送")]))
    assert diagnostic.code == "JF301"
    assert diagnostic.source == "jianfu"
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.code_description and diagnostic.code_description.href.endswith("JF301.html")
    assert "第3条" in diagnostic.message
    assert diagnostic.data["article"] == 3 and "贯彻落实情况" in diagnostic.data["clause"]


async def test_incremental_edits_before_a_non_bmp_character_keep_ranges_right(client: LanguageClient) -> None:
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    # insert two characters outside the BMP at the start of the demand line (4 UTF-16 units)
    diagnostics = await change(client, uri, 2, (2, 4), (2, 4), "𪚥𠮷")
    line = "    𪚥𠮷请𠮷祥乡于月底前将落实情况报送县政府办公室。"
    start = line.index("落实情况报送")
    (diagnostic,) = diagnostics
    assert diagnostic.range.start.character == utf16(line[:start])
    # delete the demand's verb phrase: the finding disappears
    verb_start = utf16(line[: line.index("将落实")])
    verb_end = utf16(line[: line.index("县政府")])
    assert await change(client, uri, 3, (2, verb_start), (2, verb_end), "") == []


async def test_hover_quotes_the_clause_and_says_what_to_write_instead(client: LanguageClient) -> None:
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    (diagnostic,) = client.diagnostics[uri]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=diagnostic.range.start)
    )
    assert hover is not None
    text = hover.contents.value  # type: ignore[union-attr]
    assert "第3条" in text and "一般不提出报送贯彻落实情况" in text and "怎么改" in text
    outside = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)
        )
    )
    assert outside is None
    at_end = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=diagnostic.range.end)
    )
    assert at_end is not None  # a cursor right after the flagged words still gets the explanation


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= position.character:
                return before + i
            units += utf16(ch)
        return before + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def code_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [a for a in actions or [] if isinstance(a, types.CodeAction)]


async def test_quick_fix_removes_the_sentence_and_its_diagnostic(client: LanguageClient) -> None:
    text = TITLE + DEMAND
    uri = await open_draft(client, "通知.txt", text)
    (diagnostic,) = client.diagnostics[uri]
    (fix,) = [a for a in await code_actions(client, uri, diagnostic) if a.is_preferred]
    assert fix.title == "删除要求报送落实情况的句子"
    (document_edit,) = fix.edit.document_changes  # type: ignore[union-attr]
    new_text = apply_edits(text, document_edit.edits)  # type: ignore[union-attr]
    assert "落实情况" not in new_text and new_text.startswith(TITLE)
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=new_text)],
        )
    )
    assert await wait_for_diagnostics(client, uri, version=2) == []


async def test_ignore_in_this_file_is_written_to_jianfu_toml_not_the_draft(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    (diagnostic,) = client.diagnostics[uri]
    actions = {a.title: a for a in await code_actions(client, uri, diagnostic)}
    title = next(t for t in actions if t.startswith("在本文件中忽略此规则"))
    changes = actions[title].edit.document_changes  # type: ignore[union-attr]
    assert isinstance(changes[0], types.CreateFile) and changes[0].uri.endswith("jianfu.toml")
    edit = changes[-1]
    assert edit.text_document.uri.endswith("jianfu.toml")  # type: ignore[union-attr]
    (root / "jianfu.toml").write_text(apply_edits("", edit.edits), "utf-8")  # type: ignore[union-attr]
    assert "per_file_ignores" in (root / "jianfu.toml").read_text("utf-8")
    assert (root / "通知.txt").read_text("utf-8") == TITLE + DEMAND  # the draft is untouched
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(root / "jianfu.toml").as_uri(), type=types.FileChangeType.Created)]
        )
    )
    assert await wait_for_diagnostics(client, uri) == []


async def test_ignore_here_and_mark_as_special_document(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    (root / "jianfu.toml").write_text('# 本单位配置\n[jianfu]\nselect = ["JF3"]\n', "utf-8")
    uri = await open_draft(client, "编制.txt", TITLE + "    各乡镇要设立专门机构，核定3名事业编制。\n" + DEMAND)
    diagnostics = {d.code: d for d in client.diagnostics[uri]}
    assert set(diagnostics) == {"JF301", "JF304"}
    actions = {a.title: a for a in await code_actions(client, uri, diagnostics["JF304"])}
    special = next(a for t, a in actions.items() if t.startswith("标记为"))
    here = next(a for t, a in actions.items() if t.startswith("忽略此处"))
    text = (root / "jianfu.toml").read_text("utf-8")
    marked = apply_edits(text, special.edit.document_changes[-1].edits)  # type: ignore[union-attr]
    assert marked.startswith("# 本单位配置") and "special_documents" in marked  # the user's comment survives
    ignored_here = apply_edits(text, here.edit.document_changes[-1].edits)  # type: ignore[union-attr]
    assert 'text = "各乡镇要设立专门机构，核定3名事业编制"' in ignored_here or "ignored_findings" in ignored_here
    (root / "jianfu.toml").write_text(marked, "utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(root / "jianfu.toml").as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert [d.code for d in await wait_for_diagnostics(client, uri)] == ["JF301"]


async def test_configuration_change_and_bad_configuration(client: LanguageClient) -> None:
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    client.set_configuration({"debounceMs": 0, "ignore": ["JF301"]}, section="jianfu")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await wait_for_diagnostics(client, uri) == []
    # an invalid setting: a Chinese message, and the last good settings stay in force
    client.set_configuration({"debounceMs": 0, "docType": "奇怪"}, section="jianfu")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await wait_for_diagnostics(client, uri) == []
    assert any("docType" in m.message and "无效" in m.message for m in client.messages)


async def test_bad_jianfu_toml_is_reported_and_the_server_keeps_checking(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    (root / "jianfu.toml").write_text("这不是 TOML = = =\n", "utf-8")
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    assert [d.code for d in client.diagnostics[uri]] == ["JF301"]
    assert any("jianfu.toml" in m.message and "TOML" in m.message for m in client.messages)


async def test_document_stats_notification(client: LanguageClient) -> None:
    uri = await open_draft(client, "通知.txt", TITLE + DEMAND)
    stats = [s for s in client.stats if s.uri == uri]  # type: ignore[attr-defined]
    assert stats and stats[-1].bodyChars == 22 and stats[-1].limit == 5000 and stats[-1].docType == "general"
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert lenses and "正文字数 22／5000" in lenses[0].command.title  # type: ignore[union-attr]


async def test_never_down(client: LanguageClient) -> None:
    uri = await open_draft(client, "通知.txt", TITLE + CLEAN)
    # a range far outside the document
    await change(client, uri, 2, (999, 0), (999, 5), DEMAND)
    # a 1 MB paste and binary garbage
    big = (DEMAND * 40_000)[:1_000_000]
    diagnostics = await change(client, uri, 3, (0, 0), (0, 0), big)
    assert any(d.code == "JF301" for d in diagnostics)
    garbage = "".join(chr(c) for c in range(0, 0x3000, 7)) + "\x00\ufffd\udcff"
    await change(client, uri, 4, (0, 0), (0, 0), garbage)
    second = await open_draft(client, "第二份.txt", TITLE + DEMAND)
    assert [d.code for d in client.diagnostics[second]] == ["JF301"]


async def test_debounce_publishes_once_after_a_burst(debounced_client: LanguageClient) -> None:
    client = debounced_client
    uri = await open_draft(client, "通知.txt", TITLE + CLEAN)
    await asyncio.sleep(0.5)  # let the re-check after `initialized` land first
    for version in range(2, 12):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            start=types.Position(line=2, character=4), end=types.Position(line=2, character=4)
                        ),
                        text="好",
                    )
                ],
            )
        )
    await asyncio.sleep(1.0)
    after_burst = [v for u, v in client.published if u == uri and v and v > 1]  # type: ignore[attr-defined]
    assert after_burst == [11]


async def test_closed_document_gets_no_late_diagnostics(debounced_client: LanguageClient) -> None:
    client = debounced_client
    uri = await open_draft(client, "通知.txt", TITLE + CLEAN)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=TITLE + DEMAND)],
        )
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await asyncio.sleep(0.8)
    assert list(client.diagnostics[uri]) == []
    assert not [v for u, v in client.published if u == uri and v == 2]  # type: ignore[attr-defined]


async def test_pull_diagnostics(pull_client: LanguageClient) -> None:
    client = pull_client
    path = client.root / "通知.txt"  # type: ignore[attr-defined]
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=TITLE + DEMAND)
        )
    )
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [d.code for d in report.items] == ["JF301"]  # type: ignore[union-attr]
    assert uri not in client.diagnostics  # pull clients are not also pushed to


async def test_utf32_position_encoding(utf32_client: LanguageClient) -> None:
    uri = await open_draft(utf32_client, "通知.txt", TITLE + DEMAND)
    (diagnostic,) = utf32_client.diagnostics[uri]
    line = DEMAND.rstrip("\n")
    assert diagnostic.range.start.character == line.index("落实情况报送")  # code points


async def test_copy_from_parent_points_at_the_parent_passage(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    parent = (
        "关于某项工作的意见\n各地：\n    一、加快推进数字政府建设，全面提升政务服务效能，切实增强人民群众的获得感。\n"
    )
    (root / "上位文件.txt").write_text(parent, "utf-8")
    (root / "jianfu.toml").write_text('[jianfu]\nparents = ["上位文件.txt"]\n', "utf-8")
    child = TITLE + "    一、加快推进数字政府建设，全面提升政务服务效能，切实增强人民群众获得感。\n"
    uri = await open_draft(client, "配套措施.txt", child)
    (diagnostic,) = [d for d in client.diagnostics[uri] if d.code == "JF204"]
    (related,) = diagnostic.related_information or []
    assert related.location.uri == (root / "上位文件.txt").resolve().as_uri()
    assert related.location.range.start.line == 2
    assert related.location.range.start.character == len("    ")
