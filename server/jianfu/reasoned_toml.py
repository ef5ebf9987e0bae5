"""Write an ``[[exception]]`` entry into a jianfu.toml, keeping the user's own lines (tomlkit).

The language server turns the new text into a WorkspaceEdit; the HTTP service writes it to the
file it was started with.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit

from jianfu.writeout import write_atomic


def add_exception(text: str, entry: dict[str, Any]) -> str:
    """Append an ``[[exception]]`` entry; one for the same rule, sentence and draft is replaced
    (a new reason for the same finding), never duplicated."""
    document = tomlkit.parse(text)
    holder = document["jianfu"] if "exception" in document.get("jianfu", {}) else document
    entries = holder.get("exception")
    table = tomlkit.table()
    table.update(entry)
    if entries is None:
        entries = tomlkit.aot()
        entries.append(table)
        holder.append("exception", entries)
        return tomlkit.dumps(document)

    def same(item: Any) -> bool:
        return all(item.get(k, "") == entry.get(k, "") for k in ("rule", "fingerprint", "file"))

    for n, item in enumerate(entries):
        if same(item):
            entries[n] = table
            break
    else:
        entries.append(table)
    return tomlkit.dumps(document)


def record_in_file(path: Path, entry: dict[str, Any]) -> None:
    """Add ``entry`` to the jianfu.toml at ``path`` (created if missing), written atomically."""
    text = path.read_text("utf-8") if path.is_file() else ""
    write_atomic(path, add_exception(text, entry).encode("utf-8"))
