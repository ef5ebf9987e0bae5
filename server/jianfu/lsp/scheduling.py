"""When drafts are checked: debounced per draft, one check loop per draft on the check thread, and
changes that arrive while a check runs coalesced into one more check. No pygls here: the server
hands in what a check of a draft is and what to do with its outcome.

A check that a newer version superseded is dropped, and only a check of the current version is
handed on (jedi-language-server keeps the same rule: publish only for a document still open).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from functools import partial

from jianfu.lsp.checking import Outcome, Worker
from jianfu.lsp.drafts import Drafts, OpenDraft
from jianfu.lsp.state import DraftCheck, ServerState

log = logging.getLogger(__name__)

CheckJob = Callable[[OpenDraft, Callable[[], bool]], Outcome | None]


class Scheduler:
    def __init__(
        self,
        state: ServerState,
        drafts: Drafts,
        job: CheckJob,
        deliver: Callable[[str, Outcome], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self.state, self.drafts = state, drafts
        self.job = job  # (draft, still current?) -> outcome, run on the check thread
        self.deliver = deliver  # an outcome of the draft's current version, on the loop
        self.failed = failed  # a check raised: tell the user, keep serving
        self.worker = Worker()
        self.pending: dict[str, asyncio.Task[None]] = {}  # debounce timers
        self.running: dict[str, asyncio.Task[None]] = {}  # one check loop per draft
        self.wanted: set[str] = set()  # drafts changed since their running check started

    def request(self, uri: str) -> None:
        """Check ``uri`` soon. Changes while its check runs are coalesced into one more check.
        Before `initialize` (no rules yet) nothing runs: `initialized` checks every open draft."""
        self.wanted.add(uri)
        if uri not in self.running and self.state.loaded:
            self.running[uri] = asyncio.get_running_loop().create_task(self._loop(uri))

    async def _loop(self, uri: str) -> None:
        try:
            while uri in self.wanted:
                self.wanted.discard(uri)
                draft = self.drafts.get(uri)
                if draft is None:  # closed meanwhile: nothing to publish
                    return
                try:
                    outcome = await self.worker.run(partial(self.job, draft, partial(self.drafts.is_current, draft)))
                except Exception as exc:  # never down: report once, keep serving
                    log.error("checking %s failed:\n%s", uri, traceback.format_exc())
                    self.failed(exc)
                    continue
                if outcome is not None and self.drafts.is_current(draft):
                    if outcome.check is not None:
                        self.state.checks[uri] = outcome.check
                    self.deliver(uri, outcome)
        finally:
            self.running.pop(uri, None)

    async def checked(self, uri: str) -> DraftCheck | None:
        """The check of the draft's current version, waiting for it if need be."""
        draft = self.drafts.get(uri)
        current = self.state.checks.get(uri)
        if draft is None or (current is not None and current.revision == draft.revision):
            return current
        self.request(uri)
        if (task := self.running.get(uri)) is not None:
            await asyncio.shield(task)
        return self.state.checks.get(uri)

    def debounce(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds without changes. With 0 the check starts as soon as
        the changes already received are applied: a burst that arrived together is checked once."""
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            if uri in self.drafts:
                self.request(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def forget(self, uri: str) -> None:
        """A closed draft: no check pending, no check kept."""
        self.wanted.discard(uri)
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.state.checks.pop(uri, None)
