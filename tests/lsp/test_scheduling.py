"""When drafts are checked, without a server: the scheduler over the real check of a draft.
Changes that arrive while a check runs are coalesced into one more check of the latest text, and
a check that a newer version superseded is never handed on for publishing."""

from __future__ import annotations

import asyncio
import threading

from lsprotocol import types

from jianfu.lsp.checking import Outcome, check_draft
from jianfu.lsp.drafts import Drafts, OpenDraft
from jianfu.lsp.scheduling import Scheduler
from jianfu.lsp.state import ServerState

UTF16 = types.PositionEncodingKind.Utf16
URI = "file:///tmp/通知.txt"
TEXT = "关于加强某项工作的通知\n各单位：\n    请各乡镇于月底前将落实情况报送县政府办公室。\n"


async def test_changes_during_a_check_are_coalesced_and_only_the_current_version_is_published() -> None:
    state = ServerState()
    assert not state.load()
    drafts = Drafts()
    first_started, release = threading.Event(), threading.Event()
    checked: list[int] = []

    def job(draft: OpenDraft, still_current) -> Outcome | None:  # type: ignore[no-untyped-def]
        checked.append(draft.revision)
        if len(checked) == 1:  # a long first check: the user types on meanwhile
            first_started.set()
            release.wait(10)
        return check_draft(state, draft, None, UTF16, lambda: True)

    delivered: list[tuple[int, tuple[str, ...]]] = []
    failures: list[Exception] = []

    def deliver(uri: str, outcome: Outcome) -> None:
        assert outcome.check is not None
        delivered.append((outcome.check.revision, tuple(f.rule for f in outcome.check.result.findings)))

    scheduler = Scheduler(state, drafts, job, deliver, failures.append)
    drafts.open(URI, 1, TEXT)
    scheduler.request(URI)
    assert await asyncio.to_thread(first_started.wait, 10)
    for version, words in enumerate(("各乡镇", "各村", "各单位"), start=2):
        whole = types.TextDocumentContentChangeWholeDocument(text=TEXT.replace("各乡镇", words))
        assert drafts.change(URI, version, [whole], UTF16) is not None
        scheduler.request(URI)
    release.set()
    check = await scheduler.checked(URI)
    latest = drafts.get(URI)
    assert latest is not None and check is not None and check.revision == latest.revision
    assert checked == [1, latest.revision]  # the first check, then one more for the last of three changes
    assert delivered == [(latest.revision, ("JF301",))]  # the superseded first check is not published
    assert not failures and not scheduler.running
    scheduler.forget(URI)
    assert URI not in state.checks
