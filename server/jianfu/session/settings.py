"""Settings for one draft: its jianfu.toml (given, or found upward from the draft) overlaid on a
base, read once per change on disk, then narrowed to the draft by the per-file tables.

The CLI, the language server and the HTTP service all resolve settings here; they differ only in
their base (command-line options, editor settings, the service's configuration) and in what an
invalid jianfu.toml means (the CLI reports it on that file; the editor keeps the last good one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from jianfu import settings as settings_mod
from jianfu.settings import Settings, SettingsError


class SettingsResolver:
    def __init__(self, base: Settings | None = None, *, config: Path | None = None, root: Path | None = None) -> None:
        self.base = base or Settings()
        self.config = config  # given (--config): used for every draft instead of searching
        self.root = root  # where the search starts for a draft without a path, and globs' root without a config
        # a jianfu.toml is parsed once per change on disk: path -> ((mtime, size), settings)
        self._files: dict[Path, tuple[tuple[int, int], Settings]] = {}
        self._last_good: dict[Path, Settings] = {}

    def set_base(self, base: Settings) -> None:
        """New base settings (the editor's changed): every jianfu.toml is overlaid on them again."""
        self.base = base
        self._files.clear()

    def config_path(self, draft: Path | None) -> Path | None:
        """The jianfu.toml that applies to ``draft``: the one given, else the nearest above it."""
        if self.config is not None:
            return self.config
        start = draft.parent if draft else self.root
        return settings_mod.find_config(start) if start and start.exists() else None

    def resolve(self, draft: Path | None) -> Settings:
        """Effective settings for ``draft``; raises SettingsError (Chinese) if its jianfu.toml is invalid."""
        config = self.config_path(draft)
        return self._narrow(self._load(config) if config else self.base, draft, config)

    def resolve_lenient(self, draft: Path | None) -> tuple[Settings, str | None]:
        """Effective settings and the error of an invalid jianfu.toml, in which case the last good
        settings read from that file (or the base) stand in: an editor keeps checking meanwhile."""
        config = self.config_path(draft)
        error = None
        if config is None:
            settings = self.base
        else:
            try:
                settings = self._last_good[config] = self._load(config)
            except SettingsError as exc:
                error = str(exc)
                settings = self._last_good.get(config, self.base)
        return self._narrow(settings, draft, config), error

    def overlay(self, data: Mapping[str, Any], source: str) -> Settings:
        """Settings sent with a request over the base; ignores add up (the base's stay ignored)."""
        settings = settings_mod.from_mapping(dict(data), source=source, base=self.base)
        if "ignore" in data:
            settings = replace(settings, ignore=tuple(dict.fromkeys(self.base.ignore + settings.ignore)))
        return settings

    def _load(self, config: Path) -> Settings:
        try:
            status = config.stat()
            key: tuple[int, int] | None = (status.st_mtime_ns, status.st_size)
        except OSError:  # gone meanwhile: load_file says so in Chinese
            key = None
        cached = self._files.get(config)
        if key is not None and cached is not None and cached[0] == key:
            return cached[1]
        settings = settings_mod.load_file(config, self.base)
        if key is not None:
            self._files[config] = (key, settings)
        return settings

    def _narrow(self, settings: Settings, draft: Path | None, config: Path | None) -> Settings:
        if draft is None:
            return settings
        return settings_mod.for_path(settings, draft, config.parent if config else self.root)
