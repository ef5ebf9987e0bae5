"""Rule kinds: each module compiles its rule keys and checks a document.

A kind exposes ``compile(data) -> dict`` (validated, compiled parameters) and
``check(rule, document, context) -> Iterator[Finding]``. Phrase rules also expose
``check_paragraph`` so that shells can cache their findings per paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from jianfu.kinds import copy, length, phrase, section
from jianfu.kinds.base import CheckContext
from jianfu.model import Document, Finding
from jianfu.rules import Rule


class Kind(Protocol):
    def compile(self, data: dict[str, Any]) -> dict[str, Any]: ...

    def check(self, rule: Rule, document: Document, context: CheckContext) -> Iterator[Finding]: ...


KIND_MODULES: dict[str, Kind] = {"phrase": phrase, "length": length, "section": section, "copy": copy}


def compile_params(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return KIND_MODULES[kind].compile(data)


__all__ = ["KIND_MODULES", "CheckContext", "compile_params"]
