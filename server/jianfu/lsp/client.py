"""Asking the client: its `jianfu` settings, and to be told when a jianfu.toml changes on disk."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from lsprotocol import types

from jianfu.settings import CONFIG_NAME

if TYPE_CHECKING:
    from jianfu.lsp.server import JianfuServer

log = logging.getLogger(__name__)


async def fetch_settings(ls: JianfuServer) -> None:
    if not ls._client_supports("workspace", "configuration"):
        return
    try:
        values = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="jianfu")])
        )
    except Exception as exc:  # a client that fails the request keeps the settings it gave before
        log.warning("workspace/configuration failed: %s", exc)
        return
    if values:
        ls.apply_client_settings(values[0])


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
