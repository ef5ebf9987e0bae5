"""The outcome of checking one file, as the shells report it."""

from __future__ import annotations

from dataclasses import dataclass, field

from jianfu.engine import Result
from jianfu.model import Document
from jianfu.shown import shown_path

__all__ = ["FileReport", "shown_path"]


@dataclass
class FileReport:
    path: str  # as shown to the user (always printable)
    document: Document | None = None
    result: Result | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. which encoding was detected
    annotated: str | None = None  # where the annotated copy was written (``--annotate``)
    source: str = ""  # the path as given, to find the file again; ``path`` unless the name is not UTF-8

    def __post_init__(self) -> None:
        self.source = self.source or self.path
        self.path = shown_path(self.path)

    @property
    def findings(self):  # type: ignore[no-untyped-def]
        return self.result.findings if self.result else ()
