"""The jianfu language server (pygls 2): short handlers over the engine.

Push diagnostics (debounced per document) for clients without pull support; pull diagnostics
(`textDocument/diagnostic`) for those with it. Each check also sends `jianfu/documentStats`.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from jianfu import __version__
from jianfu.lsp import actions, config, diagnostics, hover
from jianfu.lsp.convert import PositionMap
from jianfu.lsp.state import DraftCheck, ServerState
from jianfu.settings import CONFIG_NAME, SettingsError
from jianfu.text.structure import parse

log = logging.getLogger(__name__)
STATS_NOTIFICATION = "jianfu/documentStats"


class JianfuServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("jianfu", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.state = ServerState()
        self.pending: dict[str, asyncio.Task[None]] = {}
        # URIs exactly as the client sent them: pygls normalises its own keys (percent-encoding of
        # Chinese file names), and diagnostics must be published under the client's spelling.
        self.open_uris: set[str] = set()
        self.pull = False
        self.encoding: str = types.PositionEncodingKind.Utf16
        self._shown: set[str] = set()

    # -- helpers -------------------------------------------------------------------------------

    def show_once(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Tell the user, once per distinct message: a broken setting must not nag on every keystroke."""
        if message not in self._shown:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def draft_path(self, uri: str) -> Path | None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Path(path) if path else None

    def check(self, uri: str) -> DraftCheck | None:
        """Check one open draft now and remember the result; never raises."""
        try:
            document = self.workspace.get_text_document(uri)
            text = document.source
            path = self.draft_path(uri)
            settings, error = self.state.settings_for(path)
            if error:
                self.show_once(f"jianfu：{error} 已继续使用上一次有效的配置。")
            parents, parent_errors = self.state.parents(settings)
            for message in parent_errors:
                self.show_once(f"jianfu：{message}", types.MessageType.Warning)
            parsed = parse(text, path=str(path) if path else None)
            result = self.state.checker(settings).check(parsed, parents)
            for failure in result.failures:
                self.show_once(f"jianfu：规则 {failure.rule} 运行出错，已跳过，其他规则照常检查。（{failure.error}）")
            check = DraftCheck(document.version, parsed, result, PositionMap(text, self.encoding))
        except Exception as exc:  # never down: report once, keep serving
            log.error("checking %s failed:\n%s", uri, traceback.format_exc())
            self.show_once(f"jianfu：检查文稿时出错，已记录日志：{type(exc).__name__}: {exc}")
            return None
        self.state.checks[uri] = check
        self.protocol.notify(
            STATS_NOTIFICATION, diagnostics.stats_payload(uri, check.version, check.result, check.positions)
        )
        return check

    def diagnostics_of(self, check: DraftCheck) -> list[types.Diagnostic]:
        rules = self.state.rules_by_id
        return [diagnostics.to_diagnostic(f, check.positions, rules, self.encoding) for f in check.result.findings]

    def publish(self, uri: str) -> None:
        check = self.check(uri)
        if check is not None and not self.pull:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=check.version, diagnostics=self.diagnostics_of(check))
            )

    def schedule(self, uri: str) -> None:
        """Debounce per document. With 0 ms the check runs as soon as the changes already received
        are applied: a burst that arrived together is checked once, at its last version."""
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        delay = self.state.client.debounce_ms / 1000

        async def later() -> None:
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            if uri in self.open_uris:  # closed meanwhile: nothing to publish
                self.publish(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def recheck_all(self) -> None:
        self._shown.clear()
        for uri in list(self.open_uris):
            self.publish(uri)
        if self.pull:
            self.workspace_diagnostic_refresh(None)

    def apply_client_settings(self, data: Any) -> None:
        if isinstance(data, dict) and isinstance(data.get("jianfu"), dict):
            data = data["jianfu"]
        try:
            self.state.set_client(config.from_client(data))
        except SettingsError as exc:
            self.show_once(f"jianfu：{exc} 已继续使用上一次有效的设置。")

    async def fetch_client_settings(self) -> None:
        if not self._client_supports("workspace", "configuration"):
            return
        try:
            values = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="jianfu")])
            )
        except Exception as exc:  # a client that fails the request keeps the settings it gave before
            log.warning("workspace/configuration failed: %s", exc)
            return
        if values:
            self.apply_client_settings(values[0])

    def _client_supports(self, *path: str) -> bool:
        node: Any = self.client_capabilities
        for name in path:
            node = getattr(node, name, None)
            if node is None:
                return False
        return bool(node)


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
        await register_config_watcher(ls)
    await ls.fetch_client_settings()
    ls.recheck_all()


async def register_config_watcher(ls: JianfuServer) -> None:
    """Ask the client to tell us when a jianfu.toml changes on disk."""
    watcher = types.FileSystemWatcher(glob_pattern=f"**/{CONFIG_NAME}")
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="jianfu-config-watcher",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[watcher]),
                    )
                ]
            )
        )
    except Exception as exc:  # the client said it could, but did not: edits to jianfu.toml apply on the next save
        log.warning("could not register the jianfu.toml watcher: %s", exc)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: JianfuServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.open_uris.add(params.text_document.uri)
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: JianfuServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: JianfuServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: JianfuServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.open_uris.discard(uri)
    if (task := ls.pending.pop(uri, None)) is not None:
        task.cancel()
    ls.state.checks.pop(uri, None)
    if not ls.pull:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(identifier="jianfu", inter_file_dependencies=False, workspace_diagnostics=False),
)
def pull_diagnostics(
    ls: JianfuServer, params: types.DocumentDiagnosticParams
) -> types.RelatedFullDocumentDiagnosticReport:
    uri = params.text_document.uri
    current = ls.state.checks.get(uri)
    version = ls.workspace.get_text_document(uri).version
    check = current if current is not None and current.version == version else ls.check(uri)
    return types.RelatedFullDocumentDiagnosticReport(items=ls.diagnostics_of(check) if check else [])


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: JianfuServer, params: types.DidChangeConfigurationParams) -> None:
    if isinstance(params.settings, dict) and "jianfu" in params.settings:
        ls.apply_client_settings(params.settings["jianfu"])
    else:
        await ls.fetch_client_settings()
    ls.recheck_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: JianfuServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.endswith(CONFIG_NAME) for change in params.changes):
        ls.recheck_all()


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: JianfuServer, params: types.HoverParams) -> types.Hover | None:
    check = ls.state.checks.get(params.text_document.uri)
    if check is None:
        return None
    offset = check.positions.offset(params.position)
    # inclusive of the end: a cursor right after the flagged words still asks about them
    found = [f for f in check.result.findings if f.start <= offset <= f.end]
    if not found:
        return None
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value=hover.hover_markdown(found, ls.state.rules_by_id)
        ),
        range=check.positions.range(found[0].start, found[0].end),
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_actions(ls: JianfuServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    check = ls.state.checks.get(uri)
    if check is None:
        return []
    start, end = check.positions.offset(params.range.start), check.positions.offset(params.range.end)
    draft = ls.draft_path(uri)
    config_file = ls.state.config_target(draft)
    rules = ls.state.rules_by_id
    result: list[types.CodeAction] = []
    for finding in check.result.findings:
        if finding.end < start or finding.start > end:
            continue
        diagnostic = diagnostics.to_diagnostic(finding, check.positions, rules, ls.encoding)
        if (fix := actions.fix_action(uri, check.version, finding, check.positions, diagnostic)) is not None:
            result.append(fix)
        if draft is not None and config_file is not None:
            words = check.document.text[finding.start : finding.end]
            result += actions.config_actions(
                draft, config_file, finding, words, rules.get(finding.rule), diagnostic, _open_text(ls)
            )
    return result


def _open_text(ls: JianfuServer):  # type: ignore[no-untyped-def]
    def text_of(uri: str) -> str | None:
        open_uris = {ls.workspace.get_text_document(u).uri: u for u in ls.open_uris}
        return (
            ls.workspace.get_text_document(uri).source if ls.workspace.get_text_document(uri).uri in open_uris else None
        )

    return text_of


@server.feature(types.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: JianfuServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    check = ls.state.checks.get(params.text_document.uri)
    if check is None:
        return []
    stats = check.result.stats
    lenses = []
    title_line = check.positions.position(check.document.title_span[0]).line if check.document.title_span else 0
    limit = f"{stats.limit}" if stats.limit is not None else "不限"
    over = stats.limit is not None and stats.body_chars > stats.limit
    lenses.append(_lens(title_line, f"正文字数 {stats.body_chars}／{limit}{'（超出）' if over else ''}"))
    for section in stats.sections:
        line = check.positions.position(section.start).line
        mark = "（超出建议篇幅）" if section.chars > section.budget else ""
        lenses.append(_lens(line, f"{section.name} {section.chars}／{section.budget} 字{mark}"))
    return lenses


def _lens(line: int, title: str) -> types.CodeLens:
    position = types.Position(line=line, character=0)
    return types.CodeLens(
        range=types.Range(start=position, end=position), command=types.Command(title=title, command="")
    )


def main(tcp: str | None = None) -> None:
    # Warnings only: pygls logs every message at INFO, and messages carry the draft's text.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
