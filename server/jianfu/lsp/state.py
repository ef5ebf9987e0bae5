"""What the server knows: the check session (rules, settings, parents), the editor's settings, and
the last check of each open draft (the diagnostics cache that hover and code actions answer from)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jianfu.engine import Checker, Result
from jianfu.lsp.config import LspSettings
from jianfu.lsp.convert import PositionMap
from jianfu.model import Document, Finding
from jianfu.rules import Rule, load_rules
from jianfu.session import CheckSession
from jianfu.settings import CONFIG_NAME, Settings

log = logging.getLogger(__name__)


@dataclass
class DraftCheck:
    """The last check of one open draft."""

    version: int | None
    document: Document
    result: Result
    positions: PositionMap
    revision: int = 0  # of the OpenDraft it checked
    diagnostics: list[Any] = field(default_factory=list)  # capped, ready to publish
    shown: dict[int, Any] = field(default_factory=dict)  # finding index -> its published diagnostic
    parents: dict[str, PositionMap] = field(default_factory=dict)  # parent path -> its positions
    rules: dict[str, Rule] | None = None  # the rules the diagnostics were made with (their links)

    def diagnostics_by_finding(self, rules: dict[str, Rule], encoding: str) -> dict[Finding, Any]:
        """The published diagnostic of each finding shown, for the next check of the draft to keep
        (empty when that check makes diagnostics with other rules or in another encoding)."""
        if rules is not self.rules or encoding != self.positions.encoding:
            return {}
        return {self.result.findings[i]: diagnostic for i, diagnostic in self.shown.items()}


class ServerState:
    def __init__(self) -> None:
        self.client = LspSettings()
        self.session = CheckSession((), self.client.base)
        self.checks: dict[str, DraftCheck] = {}
        self.loaded = False
        # parent documents' positions, built once per parsed parent (the session keeps it until it changes)
        self._parent_positions: dict[int, tuple[Document, str, PositionMap]] = {}

    def load(self) -> list[str]:
        """Load the bundled rules; return Chinese messages for rule files that could not load."""
        self.rules, errors = load_rules()
        return [str(e) for e in errors]

    @property
    def rules(self) -> list[Rule]:
        return self.session.rules

    @rules.setter
    def rules(self, rules: list[Rule]) -> None:
        self.session.use_rules(rules)
        self.loaded = True

    @property
    def rules_by_id(self) -> dict[str, Rule]:
        return self.session.rules_by_id

    @property
    def root(self) -> Path | None:
        return self.session.settings.root

    @root.setter
    def root(self, root: Path | None) -> None:
        self.session.settings.root = root

    def config_path(self, draft: Path | None) -> Path | None:
        return self.session.settings.config_path(draft)

    def config_target(self, draft: Path | None) -> Path | None:
        """Where an ignore choice is recorded: the draft's jianfu.toml, else a new one at the workspace root."""
        existing = self.config_path(draft)
        if existing:
            return existing
        folder = self.root or (draft.parent if draft else None)
        return folder / CONFIG_NAME if folder else None

    def settings_for(self, draft: Path | None) -> tuple[Settings, str | None]:
        """Effective settings for a draft, and a Chinese error if its jianfu.toml is invalid
        (then the last good settings from that file are used)."""
        return self.session.settings.resolve_lenient(draft)

    def set_client(self, client: LspSettings) -> None:
        """New editor settings: every jianfu.toml is overlaid on them again."""
        self.client = client
        self.session.settings.set_base(client.base)

    def parents(self, settings: Settings) -> tuple[list[Document], list[str]]:
        return self.session.parents_for(settings)

    def parent_positions(self, parents: list[Document], encoding: str) -> dict[str, PositionMap]:
        """Positions in each parent, for the related locations of copy findings (no disk read)."""
        kept: dict[int, tuple[Document, str, PositionMap]] = {}
        for parent in parents:
            cached = self._parent_positions.get(id(parent))
            if cached is None or cached[0] is not parent or cached[1] != encoding:
                cached = (parent, encoding, PositionMap(parent.text, encoding))
            kept[id(parent)] = cached
        self._parent_positions = kept  # only the parents in use stay
        return {parent.path: positions for parent, _, positions in kept.values() if parent.path}

    def checker(self, settings: Settings) -> Checker:
        """A checker for these settings. The last one is kept while the settings stay equal: it logs
        a failing rule's traceback once, not on every keystroke."""
        return self.session.checker(settings)
