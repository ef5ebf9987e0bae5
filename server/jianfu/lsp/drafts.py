"""The open drafts as the editor sees them, kept by the server itself (not by pygls' workspace):
content changes are applied here with every range clamped into the text, and a client that
misbehaves (edits to a draft it never opened, versions going backwards) is ignored with one log line."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from lsprotocol import types

from jianfu.lsp.convert import PositionMap
from jianfu.positions import TextIndex

log = logging.getLogger(__name__)


def apply_change(
    text: str, change: types.TextDocumentContentChangeEvent, encoding: str, index: TextIndex | None = None
) -> str:
    """The text after one content change; a range is clamped into the text, a reversed one read forwards.
    ``index``: the text's index, if it has one already."""
    change_range = getattr(change, "range", None)
    if change_range is None:  # the whole document
        return change.text
    positions = PositionMap(text, encoding, index)
    start, end = positions.offset(change_range.start), positions.offset(change_range.end)
    if start > end:
        start, end = end, start
    return text[:start] + change.text + text[end:]


def apply_changes(
    text: str, changes: Iterable[types.TextDocumentContentChangeEvent], encoding: str, index: TextIndex | None = None
) -> str:
    """Changes in the order the client sent them, each relative to the text the previous one left."""
    for change in changes:
        text, index = apply_change(text, change, encoding, index), None
    return text


@dataclass(frozen=True)
class OpenDraft:
    uri: str
    version: int | None
    text: str
    revision: int  # ours, strictly increasing: client versions may repeat or be missing

    @cached_property
    def index(self) -> TextIndex:
        """The text's position index, built once: the check's diagnostics and the next change's
        ranges are both counted in it (a keystroke would otherwise index the draft twice)."""
        return TextIndex(self.text)


class Drafts:
    def __init__(self) -> None:
        self._open: dict[str, OpenDraft] = {}
        self._revision = 0

    def __contains__(self, uri: str) -> bool:
        return uri in self._open

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._open))  # a copy: handlers may open and close drafts meanwhile

    def get(self, uri: str) -> OpenDraft | None:
        return self._open.get(uri)

    def is_current(self, draft: OpenDraft) -> bool:
        now = self._open.get(draft.uri)
        return now is not None and now.revision == draft.revision

    def open(self, uri: str, version: int | None, text: str) -> OpenDraft:
        return self._store(uri, version, text)

    def change(
        self, uri: str, version: int | None, changes: Iterable[types.TextDocumentContentChangeEvent], encoding: str
    ) -> OpenDraft | None:
        """The draft after the changes, or None when they were ignored (and logged)."""
        draft = self._open.get(uri)
        if draft is None:
            log.warning("ignored changes to %s: it is not open", uri)
            return None
        if version is not None and draft.version is not None and version < draft.version:
            log.warning("ignored changes with version %d, older than the open document's %d", version, draft.version)
            return None
        return self._store(uri, version, apply_changes(draft.text, changes, encoding, draft.index))

    def close(self, uri: str) -> bool:
        return self._open.pop(uri, None) is not None

    def _store(self, uri: str, version: int | None, text: str) -> OpenDraft:
        self._revision += 1
        draft = OpenDraft(uri, version, text, self._revision)
        self._open[uri] = draft
        return draft
