"""One check session: rules loaded once, settings and parents resolved through caches, and a
draft (text, bytes or a file) turned into its document and result. The CLI batch, the language
server and the HTTP service are thin adapters over it; none of them builds a checker itself."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jianfu.engine import Checker, Result
from jianfu.model import Document
from jianfu.rules import Rule, RuleError, load_rules
from jianfu.session.parents import ParentCache
from jianfu.session.settings import SettingsResolver
from jianfu.settings import Settings
from jianfu.text.readers import read_bytes, read_source
from jianfu.text.structure import parse

KEPT_CHECKERS = 4  # a batch over folders with different jianfu.toml alternates between a few settings


@dataclass(frozen=True)
class Checked:
    """A draft as checked: its document, the engine's result and the settings it was checked by."""

    document: Document
    result: Result
    settings: Settings
    source: bytes | None = None  # the .docx bytes read (annotated copies are written from them)
    notes: tuple[str, ...] = ()  # what the reader should know (a 上位文件 named in jianfu.toml that cannot be read)


class CheckSession:
    def __init__(
        self,
        rules: Sequence[Rule],
        base: Settings | None = None,
        *,
        config: Path | None = None,
        root: Path | None = None,
    ) -> None:
        self.settings = SettingsResolver(base, config=config, root=root)
        self.parents = ParentCache()
        # The checker's paragraph cache is not thread-safe: the HTTP service checks from a thread pool.
        self._lock = threading.Lock()
        self.use_rules(rules)

    def use_rules(self, rules: Sequence[Rule]) -> None:
        """Check by these rules from now on (the language server loads them at `initialize`)."""
        with self._lock:
            self.rules = list(rules)
            self.rules_by_id = {rule.id: rule for rule in self.rules}  # built once: hover and actions read it
            self._prototype = Checker(self.rules, self.settings.base)
            self._checkers: list[Checker] = [self._prototype]

    @classmethod
    def bundled(cls, base: Settings | None = None, **where: Path | None) -> tuple[CheckSession, list[RuleError]]:
        """A session over the bundled rules, and the errors of rule files that could not load."""
        rules, errors = load_rules()
        return cls(rules, base, **where), errors

    @property
    def base(self) -> Settings:
        return self.settings.base

    def checker(self, settings: Settings) -> Checker:
        """A checker for these settings: kept while settings stay equal, so that a failing rule is
        logged once and not on every keystroke. A new one shares the rules' anchor index and the
        paragraph cache (phrase matches do not depend on settings) and costs next to nothing."""
        for checker in self._checkers:
            if checker.settings is settings or checker.settings == settings:
                return checker
        checker = self._prototype.with_settings(settings)
        self._checkers = [checker, *self._checkers[: KEPT_CHECKERS - 1]]
        return checker

    def parents_for(self, settings: Settings) -> tuple[list[Document], list[str]]:
        """The parents that settings name (jianfu.toml ``parents``, relative to the root), and the errors."""
        return self.parents.load(settings.parents, self.settings.root)

    def check(self, document: Document, settings: Settings, parents: Iterable[Document] = ()) -> Result:
        with self._lock:
            return self.checker(settings).check(document, parents)

    def check_text(
        self,
        text: str,
        settings: Settings,
        parents: Iterable[Document] = (),
        *,
        path: Path | None = None,
        wrapped: bool = True,
    ) -> Checked:
        document = parse(text, path=str(path) if path else None, wrapped=wrapped)
        return Checked(document, self.check(document, settings, parents), settings)

    def check_bytes(self, data: bytes, suffix: str, settings: Settings, parents: Iterable[Document] = ()) -> Checked:
        """An uploaded file (no path: its name never reaches the disk); raises ReadError."""
        document = read_bytes(data, suffix, None)
        return Checked(document, self.check(document, settings, parents), settings)

    def check_file(self, path: Path, parents: Iterable[Document] = ()) -> Checked:
        """A draft on disk by its own settings; raises SettingsError or ReadError (Chinese)."""
        settings = self.settings.resolve(path)
        document, source = read_source(path)
        notes: list[str] = []
        if not parents and settings.parents:  # --parent given on the command line wins over jianfu.toml
            config = self.settings.config_path(path)
            parents, notes = self.parents.load(settings.parents, config.parent if config else self.settings.root)
        return Checked(document, self.check(document, settings, parents), settings, source, tuple(notes))
