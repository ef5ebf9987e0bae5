"""Rule kinds are plug-ins: the engine feeds each rule to its kind and never names one.

A kind module declares ``KEYS`` (its own required and optional rule keys), ``compile(data) ->
params`` (validated, compiled), and its ``SCOPE``:

- ``"paragraph"``: ``anchors(rule)`` (literal words one of which must occur for the rule to run),
  optionally ``words(rule)`` (more literal words it tests paragraphs for), ``wakes(rule)`` (which of
  the rule's numbered parts each waking word wakes, and the parts always awake) with ``gates(rule, part)``
  (word sets each of which a paragraph must hold for that part to run), and
  ``paragraph_findings(rule, norm, offset, genres, present, awake)``, where ``present`` holds those of all
  these words that occur in the paragraph, found once for every rule, and ``awake`` the parts they woke
  (None for a kind without ``wakes``: the whole rule). Such findings depend on nothing but the
  paragraph and the document's genre, so the engine caches them per paragraph: a keystroke
  re-checks only the paragraphs it changed.
- ``"document"``: ``check(rule, document, context)``, recomputed on every check (cheap).

A kind may also offer ``stats(rule, document, context) -> dict`` (``limit``, ``sections``) for the
document statistics shown beside the findings, and ``DIRECTIONS``: the 行文方向 its rules apply to
unless a rule says otherwise (``directions``); phrase rules read demands placed on lower levels,
so by default they apply to 下行文 only.
"""

from __future__ import annotations

from typing import Any

from jianfu.analysis.direction import DIRECTIONS
from jianfu.kinds import addressing, copy, length, phrase, points, section, title
from jianfu.kinds.base import CheckContext

KIND_MODULES: dict[str, Any] = {
    "phrase": phrase,
    "length": length,
    "section": section,
    "copy": copy,
    "addressing": addressing,
    "points": points,
    "title": title,
}


def default_directions(kind: str) -> tuple[str, ...]:
    """The 行文方向 a kind's rules apply to unless a rule lists its own (``directions``)."""
    return tuple(getattr(KIND_MODULES[kind], "DIRECTIONS", DIRECTIONS))


def compile_params(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    params: dict[str, Any] = KIND_MODULES[kind].compile(data)
    return params


def keys(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    required, optional = KIND_MODULES[kind].KEYS
    return tuple(required), tuple(optional)


__all__ = ["KIND_MODULES", "CheckContext", "compile_params", "default_directions", "keys"]
