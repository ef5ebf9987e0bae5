"""Parent documents (上位文件), read once per change on disk and then shared by every check: the
same parsed document each time, so that what a rule derives from it can be cached by identity."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jianfu.model import Document
from jianfu.text.readers import ReadError, read_path


class ParentCache:
    def __init__(self) -> None:
        self._documents: dict[Path, tuple[tuple[int, int], Document]] = {}

    def read(self, path: Path) -> Document:
        """The parsed parent; raises ReadError (Chinese: what is wrong, what to do)."""
        try:
            status = path.stat()
        except OSError:
            return read_path(path)  # raises the reader's own message (missing, no permission...)
        key = (status.st_mtime_ns, status.st_size)
        cached = self._documents.get(path)
        if cached is None or cached[0] != key:
            cached = (key, read_path(path))
            self._documents[path] = cached
        return cached[1]

    def load(self, paths: Iterable[str], root: Path | None) -> tuple[list[Document], list[str]]:
        """The parents named in settings (relative to ``root``), and a Chinese line for each unreadable one."""
        documents, errors = [], []
        for raw in paths:
            path = Path(raw) if Path(raw).is_absolute() or root is None else root / raw
            try:
                documents.append(self.read(path))
            except (OSError, ReadError) as exc:
                errors.append(f"上位文件 {path} 无法读取：{exc}")
        return documents, errors
