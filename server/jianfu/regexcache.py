"""The rules' regular expressions, compiled once per machine rather than once per process.

A cold ``jianfu check`` of a 5,000-字 draft compiles ~300 expressions (rule patterns, lexicon
alternations, the analysis' cues): ~150 ms, more than anything else it does, because ``re``
parses and optimises each one in Python (a class over Chinese text such as ``[^，。；]`` builds a
65,536-entry map). What ``re`` hands to its C engine at the end is a list of integers; this module
keeps those lists in the user's cache folder (``datacache``) and gives them back to the engine
(``_sre.compile``, as ``re`` itself does): ~300 expressions in ~5 ms.

The lists belong to one Python build: the entry's key holds the Python version and the engine's
magic number, and the C engine validates every list it is given. Anything unexpected (another
Python implementation, a changed ``re``, a broken entry) falls back to ``re.compile``. New lists
are written once, when the process exits.
"""

from __future__ import annotations

import atexit
import re
import sys
import threading
from typing import Any

from jianfu.firstchars import guarded

# The stored entries (pattern, flags) -> (flags, code, groups, groupindex, indexgroup); None until read.
_store: dict[tuple[str, int], tuple[Any, ...]] | None = None
_added = False
_lock = threading.Lock()
_MAX_ENTRIES = 5000  # a store grown past this (rule files edited many times) starts again
_NAME = "regex-code"
_GUARD = "first-chars-1"  # the version of the guard the stored code was built with

try:  # CPython 3.11+: the parser, the code generator and the engine's constructor that re uses
    import _sre
    from array import array
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _CODE_TYPE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
    _ENABLED = sys.implementation.name == "cpython"
except (ImportError, StopIteration, AttributeError):  # pragma: no cover - another Python: plain re
    _ENABLED = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - stands for re.compile
    """``re.compile(pattern, flags)``, from the stored code when this machine has compiled it before."""
    if not _ENABLED:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    entry = _entries().get(key)
    if entry is not None:
        try:
            out_flags, code, groups, groupindex, indexgroup = entry
            compiled: re.Pattern[str] = _sre.compile(
                pattern, out_flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup
            )
            return compiled
        except Exception:  # noqa: BLE001 - a broken entry: compiled afresh below and replaced
            pass
    try:
        compiled, entry = _compile(pattern, flags)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - re's internals changed: nothing stored, re as usual
        return re.compile(pattern, flags)
    _remember(key, entry)
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """What ``re._compiler.compile`` does, keeping the code it builds. The code is that of the guarded
    expression (``firstchars``: the same matches, most places skipped on one class test); the pattern
    object still carries the rule's own text, which ``explain`` shows and the factor analysis reads."""
    parsed = _parser.parse(guarded(pattern, flags), flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    out_flags = int(flags | parsed.state.flags)
    entry = (out_flags, array(_CODE_TYPE, code).tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled = _sre.compile(pattern, out_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return compiled, entry


def _key() -> bytes:
    from jianfu import datacache

    # (_GUARD: code stored before the first-character guard must not be reused for the guarded one)
    return datacache.digest([f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{_GUARD}".encode()])


def _entries() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _store
    if _store is None:
        with _lock:
            if _store is None:
                from jianfu import datacache

                stored = datacache.read(_NAME, _key())
                _store = stored if isinstance(stored, dict) and len(stored) < _MAX_ENTRIES else {}
    return _store


def _remember(key: tuple[str, int], entry: tuple[Any, ...]) -> None:
    global _added
    with _lock:
        if _store is not None:
            _store[key] = entry
            if not _added:
                _added = True
                atexit.register(_save)


def _save() -> None:
    from jianfu import datacache

    with _lock:
        if _store is not None:
            datacache.write(_NAME, _key(), dict(_store))
