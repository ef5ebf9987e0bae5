"""The outcome of checking one file, as the shells report it."""

from __future__ import annotations

from dataclasses import dataclass, field

from jianfu.engine import Result
from jianfu.model import Document


@dataclass
class FileReport:
    path: str
    document: Document | None = None
    result: Result | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. which encoding was detected
    annotated: str | None = None  # where the annotated copy was written (``--annotate``)

    @property
    def findings(self):  # type: ignore[no-untyped-def]
        return self.result.findings if self.result else ()
