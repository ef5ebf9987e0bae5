"""The jianfu language server (pygls 2): short handlers over pure helpers.

Push diagnostics (debounced per document) for clients without pull support; pull diagnostics
(`textDocument/diagnostic`) for those with it. Each check also sends `jianfu/documentStats`.
When drafts are checked is lsp/scheduling.py's job (on one worker thread, so the message loop
always answers); what a check is, lsp/checking.py's over the check session (jianfu.session);
the answers to hover, code actions and code lenses, lsp/answers.py's.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import FeatureRequestError
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from jianfu import __version__
from jianfu.lsp import answers, client, config, explain, wire
from jianfu.lsp.checking import Outcome, check_draft
from jianfu.lsp.drafts import Drafts, OpenDraft
from jianfu.lsp.protocol import JianfuProtocol
from jianfu.lsp.scheduling import Scheduler
from jianfu.lsp.state import ServerState
from jianfu.settings import CONFIG_NAME, SettingsError

log = logging.getLogger(__name__)
STATS_NOTIFICATION = "jianfu/documentStats"


class JianfuServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "jianfu",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=JianfuProtocol,
        )
        self.state = ServerState()
        # Keyed by the URI exactly as the client sent it: diagnostics go out under the client's spelling.
        self.drafts = Drafts()
        self.scheduler = Scheduler(self.state, self.drafts, self._check_job, self.publish, self._check_failed)
        self.pull = False
        self.encoding: str = types.PositionEncodingKind.Utf16
        self._shown: set[str] = set()

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        wire.serve_stdio(self)

    def start_tcp(self, host: str, port: int) -> None:
        wire.serve_tcp(self, host, port)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """One log line; never pygls' "Error in server" pop-up in the user's editor. A failed
        request was answered with its error and logged by pygls already."""
        if source is FeatureRequestError:
            return
        log.warning("%s: %s", getattr(source, "__name__", source), str(error).splitlines()[0] if str(error) else "")

    # -- helpers -------------------------------------------------------------------------------

    def show_once(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Tell the user, once per distinct message: a broken setting must not nag on every keystroke."""
        if message not in self._shown:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def draft_path(self, uri: str) -> Path | None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Path(path) if path else None

    def _check_job(self, draft: OpenDraft, still_current: Callable[[], bool]) -> Outcome | None:
        return check_draft(self.state, draft, self.draft_path(draft.uri), self.encoding, still_current)

    def _check_failed(self, exc: Exception) -> None:
        self.show_once(f"jianfu：检查文稿时出错，已记录日志：{type(exc).__name__}: {exc}")

    def publish(self, uri: str, outcome: Outcome) -> None:
        for message, kind in outcome.messages:
            self.show_once(message, kind)
        if (check := outcome.check) is None:
            return
        with wire.sent_together(self.protocol):  # the client reads both at once
            self.protocol.notify(STATS_NOTIFICATION, outcome.stats)
            if not self.pull:
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, version=check.version, diagnostics=check.diagnostics)
                )

    def recheck_all(self) -> None:
        self._shown.clear()
        for uri in self.drafts:
            self.scheduler.request(uri)
        if self.pull:
            self.workspace_diagnostic_refresh(None)

    def apply_client_settings(self, data: Any) -> None:
        if isinstance(data, dict) and isinstance(data.get("jianfu"), dict):
            data = data["jianfu"]
        try:
            self.state.set_client(config.from_client(data))
        except SettingsError as exc:
            self.show_once(f"jianfu：{exc} 已继续使用上一次有效的设置。")

    def _client_supports(self, *path: str) -> bool:
        node: Any = self.client_capabilities
        for name in path:
            node = getattr(node, name, None)
            if node is None:
                return False
        return bool(node)

    def open_text(self, uri: str) -> str | None:
        """The editor's text of a file if it is open (whatever the URI's spelling), else None."""
        path = to_fs_path(uri)
        for open_uri in self.drafts:
            draft = self.drafts.get(open_uri)
            if draft is not None and to_fs_path(open_uri) == path:
                return draft.text
        return None


server = JianfuServer()


@server.feature(types.INITIALIZE)
def initialize(ls: JianfuServer, params: types.InitializeParams) -> None:
    ls.encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
    ls.pull = ls._client_supports("text_document", "diagnostic")
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.state.root = ls.draft_path(root) if root else None
    ls.apply_client_settings(params.initialization_options)
    for message in ls.state.load():
        ls.show_once(f"jianfu：规则文件有误，已跳过：{message}")


@server.feature(types.INITIALIZED)
async def initialized(ls: JianfuServer, params: types.InitializedParams) -> None:
    if ls._client_supports("workspace", "did_change_watched_files", "dynamic_registration"):
        await client.register_config_watcher(ls)
    await client.fetch_settings(ls)
    ls.recheck_all()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: JianfuServer, params: types.DidOpenTextDocumentParams) -> None:
    document = params.text_document
    ls.drafts.open(document.uri, document.version, document.text)
    ls.scheduler.request(document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: JianfuServer, params: types.DidChangeTextDocumentParams) -> None:
    document = params.text_document
    if ls.drafts.change(document.uri, document.version, params.content_changes, ls.encoding) is not None:
        ls.scheduler.debounce(document.uri, ls.state.client.debounce_ms / 1000)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: JianfuServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri in ls.drafts:
        ls.scheduler.request(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: JianfuServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.drafts.close(uri)
    ls.scheduler.forget(uri)
    if not ls.pull:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(identifier="jianfu", inter_file_dependencies=False, workspace_diagnostics=False),
)
async def pull_diagnostics(
    ls: JianfuServer, params: types.DocumentDiagnosticParams
) -> types.RelatedFullDocumentDiagnosticReport:
    check = await ls.scheduler.checked(params.text_document.uri)
    return types.RelatedFullDocumentDiagnosticReport(items=check.diagnostics if check else [])


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: JianfuServer, params: types.DidChangeConfigurationParams) -> None:
    if isinstance(params.settings, dict) and "jianfu" in params.settings:
        ls.apply_client_settings(params.settings["jianfu"])
    else:
        await client.fetch_settings(ls)
    ls.recheck_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: JianfuServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.endswith(CONFIG_NAME) for change in params.changes):
        ls.recheck_all()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: JianfuServer, params: types.HoverParams) -> types.Hover | None:
    check = ls.state.checks.get(params.text_document.uri)
    return answers.hover_at(check, params.position, ls.state.rules_by_id) if check else None


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_actions(ls: JianfuServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    if (check := ls.state.checks.get(uri)) is None:
        return []
    draft = ls.draft_path(uri)
    config_file = ls.state.config_target(draft)
    return answers.code_actions(
        uri, check, params.range, ls.state.rules_by_id, ls.encoding, draft, config_file, ls.open_text
    )


@server.command(explain.COMMAND)
async def record_exception(ls: JianfuServer, *arguments: Any) -> dict[str, Any]:
    """说明理由并保留: write the [[exception]] into the draft's jianfu.toml through the client."""
    request = explain.request_from(arguments)
    config_file = ls.state.config_target(ls.draft_path(request.uri))
    if config_file is None:
        raise ValueError(f"无法确定记录例外的 {CONFIG_NAME}：请先打开一个工作区文件夹。")
    edit = explain.edit(config_file, request.entry, ls.open_text)
    answer = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label=explain.TITLE))
    if answer.applied and request.placeholder:
        ls.window_show_message(
            types.ShowMessageParams(
                type=types.MessageType.Info,
                message=f"jianfu：已在 {config_file} 中记录例外，请填写 reason（保留的理由）。",
            )
        )
    ls.recheck_all()  # a client that saves the edit also reports the change; this covers one that does not watch
    return {"applied": answer.applied, "config": str(config_file)}


@server.feature(types.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: JianfuServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    check = ls.state.checks.get(params.text_document.uri)
    return answers.code_lenses(check) if check else []


def main(tcp: str | None = None) -> None:
    # Warnings only: pygls logs every message at INFO, and messages carry the draft's text.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The check thread holds the GIL while it works; the message loop waits up to this interval for
    # it at each step of answering (read, parse, reply). 1 ms instead of 5 keeps hover brisk during a
    # long check, at no measurable cost to the check itself.
    sys.setswitchinterval(0.001)
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
