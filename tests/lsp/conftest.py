"""pytest-lsp fixtures: the real `python -m jianfu lsp` over stdio, with editor-like capabilities."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, "-m", "jianfu", "lsp"]


def capabilities(*, pull: bool = False, encodings: list[str] | None = None) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings or [types.PositionEncodingKind.Utf16]),
        workspace=types.WorkspaceClientCapabilities(
            configuration=True,
            did_change_configuration=types.DidChangeConfigurationClientCapabilities(dynamic_registration=False),
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            workspace_edit=types.WorkspaceEditClientCapabilities(
                document_changes=True, resource_operations=[types.ResourceOperationKind.Create]
            ),
        ),
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities() if pull else None,
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            code_action=types.CodeActionClientCapabilities(),
        ),
    )


def record_custom_notifications(client: LanguageClient) -> None:
    client.stats = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    client.published = []  # type: ignore[attr-defined]  # (uri, version) of every publish

    @client.feature("jianfu/documentStats")
    def on_stats(params: Any) -> None:
        client.stats.append(params)  # type: ignore[attr-defined]

    # count publishes too: wrap pytest-lsp's own handler (a feature can be registered only once)
    features = client.protocol.fm._features
    default = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        client.published.append((params.uri, params.version))  # type: ignore[attr-defined]
        default(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish

    client.configuration_requests = 0  # type: ignore[attr-defined]
    answer = features[types.WORKSPACE_CONFIGURATION]

    def on_configuration(params: types.ConfigurationParams) -> Any:
        client.configuration_requests += 1  # type: ignore[attr-defined]
        return answer(params)

    features[types.WORKSPACE_CONFIGURATION] = on_configuration


async def start(
    client: LanguageClient,
    root: Path,
    *,
    pull: bool = False,
    options: dict[str, Any] | None = None,
    encodings: list[str] | None = None,
) -> None:
    record_custom_notifications(client)
    client.set_configuration(options or {"debounceMs": 0}, section="jianfu")
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(pull=pull, encodings=encodings),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="drafts")],
            initialization_options=options or {"debounceMs": 0},
        )
    )
    # The server asks for its settings after `initialized`; once it has, its start-up re-check is done
    # and cannot race with the tests' own didOpen.
    for _ in range(500):
        if client.configuration_requests:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.01)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def pull_client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    await start(lsp_client, tmp_path, pull=True)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def debounced_client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    await start(lsp_client, tmp_path, options={"debounceMs": 300})
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def utf32_client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    await start(lsp_client, tmp_path, encodings=[types.PositionEncodingKind.Utf32])
    yield
    await lsp_client.shutdown_session()
