"""Module-level regular expressions compiled on first use.

Compiling costs: a pattern over Chinese text (a class like ``[^，。；]`` or ``[\\u3400-\\u9fff]``) takes
0.1–1 ms, and the modules on the path of a cold ``jianfu check`` hold ~130 of them, many of which
a given draft never needs (half-width punctuation, letter-spaced PDF lines, scored tables…).
``lazy(pattern)`` stands for ``re.compile(pattern)`` in such a module: the first use of any of
the pattern's methods compiles it (from the code stored by an earlier run, see ``regexcache``)
and keeps its methods on the instance, so later calls cost what a compiled pattern's do. Only
the methods below are offered: pass ``re`` functions a real pattern (``re.sub(p, …)`` would not
accept this object).
"""

from __future__ import annotations

import re
from typing import Any, cast

from jianfu import regexcache

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyRegex:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:  # reached only until the methods are set below
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = regexcache.compile(self.pattern, self.flags)  # from the stored code after a first run
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (typed as a pattern for the callers)."""
    return cast("re.Pattern[str]", LazyRegex(pattern, flags))
