"""Checks run off the message loop: one daemon thread runs every engine call, so hover, shutdown
and typing in other drafts are answered while a 1.3-million-字 paste is being checked.

One thread, not a pool: the checker's paragraph cache and the state's file caches are then only
ever touched by one thread, and checks never compete with each other for the GIL. A daemon thread:
`exit` must not wait for a long check to finish.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types

from jianfu.lsp import diagnostics
from jianfu.lsp.convert import PositionMap
from jianfu.lsp.drafts import OpenDraft
from jianfu.lsp.state import DraftCheck, ServerState

log = logging.getLogger(__name__)


class Worker:
    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[asyncio.AbstractEventLoop, asyncio.Future[Any], Callable[[], Any]]]
        self._jobs = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def run(self, job: Callable[[], Any]) -> asyncio.Future[Any]:
        """Queue ``job`` for the check thread; the future completes on the calling loop."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="jianfu-check", daemon=True)
            self._thread.start()
        self._jobs.put((loop, future, job))
        return future

    def _serve(self) -> None:
        while True:
            loop, future, job = self._jobs.get()
            try:
                outcome, failed = job(), False
            except BaseException as exc:  # handed to the loop, which decides what to say
                outcome, failed = exc, True
            try:
                loop.call_soon_threadsafe(_settle, future, outcome, failed)
            except RuntimeError:  # the loop is closed: the server is exiting
                return


def _settle(future: asyncio.Future[Any], outcome: Any, failed: bool) -> None:
    if future.done():
        return
    if failed:
        future.set_exception(outcome)
    else:
        future.set_result(outcome)


@dataclass
class Outcome:
    """What a check produced, and what the user should be told about it (shown by the loop)."""

    check: DraftCheck | None
    messages: list[tuple[str, types.MessageType]] = field(default_factory=list)
    stats: dict[str, Any] | None = None


def check_draft(
    state: ServerState, draft: OpenDraft, path: Path | None, encoding: str, still_current: Callable[[], bool]
) -> Outcome | None:
    """Check one draft (on the check thread); None when a newer version superseded it before it started."""
    if not still_current():
        return None
    messages: list[tuple[str, types.MessageType]] = []
    error = types.MessageType.Error
    settings, settings_error = state.settings_for(path)
    if settings_error:
        messages.append((f"jianfu：{settings_error} 已继续使用上一次有效的配置。", error))
    parents, parent_errors = state.parents(settings)
    messages += [(f"jianfu：{message}", types.MessageType.Warning) for message in parent_errors]
    checked = state.session.check_text(draft.text, settings, parents, path=path)
    result = checked.result
    for failure in result.failures:
        messages.append((f"jianfu：规则 {failure.rule} 运行出错，已跳过，其他规则照常检查。（{failure.error}）", error))
    positions = PositionMap(draft.text, encoding, draft.index)
    related = state.parent_positions(parents, encoding)
    limit = state.client.max_diagnostics
    rules = state.rules_by_id
    # the previous check's diagnostics: those of unchanged findings are kept (typing changes one place)
    earlier = previous.diagnostics_by_finding(rules, encoding) if (previous := state.checks.get(draft.uri)) else None
    shown = diagnostics.capped(result.findings, positions, rules, encoding, limit, related, earlier)
    by_finding = dict(zip(diagnostics.shown_indices(result.findings, limit), shown, strict=False))
    check = DraftCheck(
        draft.version, checked.document, result, positions, draft.revision, shown, by_finding, related, rules
    )
    return Outcome(check, messages, diagnostics.stats_payload(draft.uri, draft.version, result, positions))
