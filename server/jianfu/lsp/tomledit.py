"""Record an editor's "ignore" choice in jianfu.toml, keeping the user's formatting (tomlkit)."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import Table

from jianfu.reasoned_toml import add_exception

__all__ = ["add_exception", "add_ignored_finding", "add_per_file_ignore", "add_special_document"]


def _jianfu_table(document: tomlkit.TOMLDocument) -> Any:
    """Settings live at the top level or under [jianfu]; new files use [jianfu]."""
    if "jianfu" in document:
        return document["jianfu"]
    if any(key in document for key in ("select", "ignore", "per_file_ignores", "doc_type")):
        return document
    table = tomlkit.table()
    document["jianfu"] = table
    return document["jianfu"]


def _subtable(parent: Any, name: str) -> Table:
    if name not in parent:
        parent[name] = tomlkit.table()
    return parent[name]  # type: ignore[no-any-return]


def _append_unique(text: str, table_name: str, file_key: str, value: str) -> str:
    document = tomlkit.parse(text)
    table = _subtable(_jianfu_table(document), table_name)
    values = table.get(file_key)
    if values is None:
        table[file_key] = [value]
    elif value not in values:
        values.append(value)
    return tomlkit.dumps(document)


def add_per_file_ignore(text: str, file_key: str, rule: str) -> str:
    return _append_unique(text, "per_file_ignores", file_key, rule)


def add_special_document(text: str, file_key: str, topic: str) -> str:
    return _append_unique(text, "special_documents", file_key, topic)


def add_ignored_finding(text: str, file_key: str, rule: str, words: str) -> str:
    document = tomlkit.parse(text)
    table = _subtable(_jianfu_table(document), "ignored_findings")
    entry = tomlkit.inline_table()
    entry.update({"rule": rule, "text": words})
    items = table.get(file_key)
    if items is None:
        array = tomlkit.array()
        array.append(entry)
        table[file_key] = array
    elif not any(i.get("rule") == rule and i.get("text") == words for i in items):
        items.append(entry)
    return tomlkit.dumps(document)
