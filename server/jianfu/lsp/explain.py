"""The quick fix "说明理由并保留…": a finding kept on purpose, recorded as an ``[[exception]]`` in jianfu.toml.

A code action cannot ask for free text, so it carries a command: the VS Code extension asks for
the reason in an input box and sends ``workspace/executeCommand`` with it; any other editor can
send the command with the reason as its second argument (without one, a placeholder reason is
written for the user to complete). The server answers with a WorkspaceEdit of jianfu.toml.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lsprotocol import types

from jianfu import fingerprint
from jianfu.lsp import tomledit
from jianfu.lsp.actions import replace_file
from jianfu.model import Document, Finding
from jianfu.settings import CONFIG_NAME, relative_key

COMMAND = "jianfu.recordException"
TITLE = "说明理由并保留…"
PLACEHOLDER = "（请在此填写保留的理由）"


def action(
    uri: str, document: Document, finding: Finding, draft: Path, config: Path, diagnostic: types.Diagnostic
) -> types.CodeAction:
    """The quick fix; its command names the finding by rule and sentence fingerprint."""
    target = {
        "uri": uri,
        "rule": finding.rule,
        "fingerprint": fingerprint.fingerprint(document, finding),
        "file": relative_key(draft, config.parent),
        "text": document.text[finding.start : finding.end],
    }
    title = f"{TITLE}（{finding.rule}，记录在 {CONFIG_NAME}）"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        command=types.Command(title=title, command=COMMAND, arguments=[target]),
    )


@dataclass(frozen=True)
class Request:
    uri: str
    entry: dict[str, Any]  # the [[exception]] keys, ready for tomledit
    placeholder: bool  # no reason was given: the user completes it in jianfu.toml


def request_from(arguments: Sequence[Any]) -> Request:
    """``[target, reason?, who?]`` as the code action and the client send them; ValueError (Chinese)."""
    target = arguments[0] if arguments else None
    if not isinstance(target, dict) or not all(isinstance(target.get(k), str) for k in ("uri", "rule", "fingerprint")):
        raise ValueError(f"{COMMAND} 的第一个参数应为快速修复给出的 {{uri, rule, fingerprint, file}}。")
    reason = str(arguments[1]).strip() if len(arguments) > 1 and arguments[1] else ""
    who = str(arguments[2]).strip() if len(arguments) > 2 and arguments[2] else _user()
    entry = {
        "rule": target["rule"],
        "fingerprint": target["fingerprint"],
        "reason": reason or PLACEHOLDER,
        "who": who,
        "when": date.today(),
        "file": str(target.get("file") or ""),
    }
    return Request(target["uri"], {k: v for k, v in entry.items() if v}, not reason)


def edit(config: Path, entry: dict[str, Any], open_text: Callable[[str], str | None]) -> types.WorkspaceEdit:
    """The edit of ``config`` (the editor's text if it is open) that records ``entry``."""
    uri = config.resolve().as_uri()
    current = open_text(uri)
    exists = current is not None or config.is_file()
    text = current if current is not None else (config.read_text("utf-8") if exists else "")
    return replace_file(uri, text, tomledit.add_exception(text, entry), exists)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account, a container): leave it out
        return ""
