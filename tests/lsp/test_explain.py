"""说明理由并保留… through the real language server: the quick fix's command writes an [[exception]]
into jianfu.toml (a WorkspaceEdit the client applies), the finding becomes Information with
已说明理由, and the exception survives an edit in another paragraph."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import tomllib
from lsprotocol import types
from pygls.uris import to_fs_path
from pytest_lsp import LanguageClient

from tests.lsp.test_server import CLEAN, DEMAND, TITLE, apply_edits, change, open_draft, wait_for_diagnostics


async def explain_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.Command]:
    """The "说明理由并保留…" actions' commands. lsprotocol (2025.0) reads any CodeAction that carries a
    command as a bare Command whose ``command`` is the repr of the action's command: undo that here."""
    answer = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    commands = []
    for item in answer or []:
        if isinstance(item, types.Command) and item.title.startswith("说明理由并保留…"):
            inner = ast.literal_eval(item.command) if item.command.startswith("{") else None
            command = inner or {"command": item.command, "arguments": item.arguments}
            commands.append(types.Command(title=item.title, command=command["command"], arguments=command["arguments"]))
        elif isinstance(item, types.CodeAction) and item.title.startswith("说明理由并保留…"):
            assert item.edit is None and item.command is not None  # the reason is asked for first
            commands.append(item.command)
    return commands


def apply_to_disk(client: LanguageClient) -> list[types.WorkspaceEdit]:
    """Answer workspace/applyEdit like an editor that saves the file (and record the edits)."""
    applied: list[types.WorkspaceEdit] = []

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def on_apply(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        applied.append(params.edit)
        for edit in params.edit.document_changes or []:
            if isinstance(edit, types.TextDocumentEdit):
                path = Path(to_fs_path(edit.text_document.uri) or "")
                old = path.read_text("utf-8") if path.exists() else ""
                path.write_text(apply_edits(old, edit.edits), "utf-8")  # type: ignore[arg-type]
        return types.ApplyWorkspaceEditResult(applied=True)

    return applied


async def test_reason_recorded_in_jianfu_toml_makes_the_finding_information(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    (root / "jianfu.toml").write_text('# 本单位配置\n[jianfu]\nignore = ["JF203"]\n', "utf-8")
    applied = apply_to_disk(client)
    text = TITLE + CLEAN + DEMAND
    uri = await open_draft(client, "通知.txt", text)
    (diagnostic,) = client.diagnostics[uri]
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    (explain,) = await explain_actions(client, uri, diagnostic)
    client.diagnostics.pop(uri, None)
    answer = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(
            command=explain.command, arguments=[*(explain.arguments or []), "省政府文件明确要求按月报送", "李四"]
        )
    )
    assert answer["applied"] is True and len(applied) == 1
    config = (root / "jianfu.toml").read_text("utf-8")
    assert config.startswith("# 本单位配置")  # the user's own lines survive
    (entry,) = tomllib.loads(config)["exception"]
    assert entry["rule"] == "JF301" and entry["reason"] == "省政府文件明确要求按月报送"
    assert entry["who"] == "李四" and entry["file"] == "通知.txt" and entry["fingerprint"].startswith("JF301:")
    assert (root / "通知.txt").read_text("utf-8") == text  # the draft itself is never touched

    (kept,) = await wait_for_diagnostics(client, uri)
    assert kept.severity == types.DiagnosticSeverity.Information
    assert "已说明理由：省政府文件明确要求按月报送" in kept.message
    assert not await explain_actions(client, uri, kept)

    # an edit in another paragraph (the clean one) keeps the exception
    edited = await change(client, uri, 2, (2, 4), (2, 4), "各部门要结合实际，认真组织。另外，")
    assert [d.severity for d in edited] == [types.DiagnosticSeverity.Information]
    # rewriting the sentence itself drops it: a warning again
    line = (TITLE + CLEAN).count("\n")
    rewritten = await change(client, uri, 3, (line, 4), (line, 5), "请各乡镇")
    assert [d.severity for d in rewritten] == [types.DiagnosticSeverity.Warning]


async def test_without_a_reason_a_placeholder_is_written_and_the_user_told(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    apply_to_disk(client)
    uri = await open_draft(client, "请示.txt", TITLE + DEMAND)
    (diagnostic,) = client.diagnostics[uri]
    (explain,) = await explain_actions(client, uri, diagnostic)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=explain.command, arguments=explain.arguments)
    )
    (entry,) = tomllib.loads((root / "jianfu.toml").read_text("utf-8"))["exception"]
    assert entry["reason"].startswith("（请")
    for _ in range(500):  # the message may well have arrived before the command's answer
        if any("请填写 reason" in m.message for m in client.messages):
            break
        await asyncio.sleep(0.01)
    assert any("请填写 reason" in m.message for m in client.messages)
