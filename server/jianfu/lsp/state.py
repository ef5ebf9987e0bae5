"""What the server knows: rules, settings, and the last check of each open draft."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jianfu import settings as settings_mod
from jianfu.engine import Checker, Result
from jianfu.lsp.config import LspSettings, with_file
from jianfu.lsp.convert import PositionMap
from jianfu.model import Document
from jianfu.rules import Rule, load_rules
from jianfu.settings import Settings, SettingsError
from jianfu.text.readers import ReadError, read_path

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


@dataclass
class ServerState:
    rules: list[Rule] = field(default_factory=list)
    client: LspSettings = field(default_factory=LspSettings)
    root: Path | None = None
    checks: dict[str, DraftCheck] = field(default_factory=dict)
    _checker: Checker | None = None
    _last_checker: Checker | None = None
    _good_file_settings: dict[Path, Settings] = field(default_factory=dict)
    # jianfu.toml parsed once per change on disk, not on every keystroke: (mtime, size) -> settings
    _file_settings: dict[Path, tuple[tuple[int, int], Settings]] = field(default_factory=dict)
    _parents: dict[Path, tuple[float, Document]] = field(default_factory=dict)

    def load(self) -> list[str]:
        """Load the bundled rules; return Chinese messages for rule files that could not load."""
        self.rules, errors = load_rules()
        self._checker, self._last_checker = Checker(self.rules), None
        return [str(e) for e in errors]

    @property
    def loaded(self) -> bool:
        return self._checker is not None

    @property
    def rules_by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def config_path(self, draft: Path | None) -> Path | None:
        start = draft.parent if draft else self.root
        return settings_mod.find_config(start) if start and start.exists() else None

    def config_target(self, draft: Path | None) -> Path | None:
        """Where an ignore choice is recorded: the draft's jianfu.toml, else a new one at the workspace root."""
        existing = self.config_path(draft)
        if existing:
            return existing
        folder = self.root or (draft.parent if draft else None)
        return folder / settings_mod.CONFIG_NAME if folder else None

    def settings_for(self, draft: Path | None) -> tuple[Settings, str | None]:
        """Effective settings for a draft, and a Chinese error if its jianfu.toml is invalid
        (then the last good settings from that file are used)."""
        config = self.config_path(draft)
        error = None
        try:
            settings = self._load(config)
            if config:
                self._good_file_settings[config] = settings
        except SettingsError as exc:
            error = str(exc)
            settings = self._good_file_settings.get(config, self.client.base) if config else self.client.base
        if draft is not None:
            settings = settings_mod.for_path(settings, draft, config.parent if config else self.root)
        return settings, error

    def _load(self, config: Path | None) -> Settings:
        if config is None:
            return self.client.base
        stat = config.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._file_settings.get(config)
        if cached is None or cached[0] != key:
            cached = (key, with_file(self.client, config))
            self._file_settings[config] = cached
        return cached[1]

    def set_client(self, client: LspSettings) -> None:
        """New editor settings: every jianfu.toml is overlaid on them again."""
        self.client = client
        self._file_settings.clear()

    def parents(self, settings: Settings) -> tuple[list[Document], list[str]]:
        documents, errors = [], []
        for raw in settings.parents:
            path = Path(raw) if Path(raw).is_absolute() or self.root is None else self.root / raw
            try:
                mtime = path.stat().st_mtime
                cached = self._parents.get(path)
                if cached is None or cached[0] != mtime:
                    cached = (mtime, read_path(path))
                    self._parents[path] = cached
                documents.append(cached[1])
            except (OSError, ReadError) as exc:
                errors.append(f"上位文件 {path} 无法读取：{exc}")
        return documents, errors

    def checker(self, settings: Settings) -> Checker:
        """A checker for these settings. The last one is kept while the settings stay equal: a new one
        per keystroke costs a fifth of a warm check, and logs a failing rule's traceback again each time."""
        assert self._checker is not None, "load() first"
        if self._last_checker is None or self._last_checker.settings != settings:
            self._last_checker = self._checker.with_settings(settings)
        return self._last_checker
