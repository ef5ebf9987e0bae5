"""Code actions: a rule's quick fix, and ignore choices recorded in jianfu.toml (never in the draft)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lsprotocol import types

from jianfu.lsp import tomledit
from jianfu.lsp.convert import PositionMap
from jianfu.model import Finding
from jianfu.rules import Rule
from jianfu.settings import CONFIG_NAME, relative_key


def fix_action(
    uri: str, version: int | None, finding: Finding, positions: PositionMap, diagnostic: types.Diagnostic
) -> types.CodeAction | None:
    if finding.fix is None:
        return None
    edit = types.TextEdit(range=positions.range(finding.fix.start, finding.fix.end), new_text=finding.fix.replacement)
    return types.CodeAction(
        title=finding.fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True,
        edit=types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=[edit]
                )
            ]
        ),
    )


def config_actions(
    draft: Path,
    config: Path,
    finding: Finding,
    words: str,
    rule: Rule | None,
    diagnostic: types.Diagnostic,
    open_text: Callable[[str], str | None],
) -> list[types.CodeAction]:
    """Ignore here / ignore in this file / mark as a 专门文件, each as an edit of ``config``."""
    key = relative_key(draft, config.parent)
    uri = config.resolve().as_uri()
    current = open_text(uri)
    exists = current is not None or config.is_file()
    text = current if current is not None else (config.read_text("utf-8") if exists else "")
    choices = [
        (
            f"忽略此处（{finding.rule}，记录在 {CONFIG_NAME}）",
            tomledit.add_ignored_finding(text, key, finding.rule, words),
        ),
        (
            f"在本文件中忽略此规则 {finding.rule}（记录在 {CONFIG_NAME}）",
            tomledit.add_per_file_ignore(text, key, finding.rule),
        ),
    ]
    if rule and rule.special_topics:
        topic = rule.special_topics[0]
        choices.append(
            (
                f"标记为“{topic}”专门文件（第3条除外情形，记录在 {CONFIG_NAME}）",
                tomledit.add_special_document(text, key, topic),
            )
        )
    return [
        types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=replace_file(uri, text, new_text, exists),
        )
        for title, new_text in choices
    ]


def replace_file(uri: str, old: str, new: str, exists: bool) -> types.WorkspaceEdit:
    positions = PositionMap(old)
    whole = positions.range(0, len(old))
    edit = types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
        edits=[types.TextEdit(range=whole, new_text=new)],
    )
    changes: list[types.TextDocumentEdit | types.CreateFile] = []
    if not exists:
        changes.append(types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)))
    changes.append(edit)
    return types.WorkspaceEdit(document_changes=changes)
