"""Plain data that is slow to build at start-up, kept in the user's cache folder between runs.

A cold ``jianfu check`` parses ~80 YAML files (~60 ms) and builds jieba's prefix dictionary
(~60 ms) before it reads a word of the draft; ``marshal`` loads either in a few milliseconds.
Each entry is one file ``<name>.marshal`` in ``$XDG_CACHE_HOME/jianfu`` (``~/.cache/jianfu``; see ``cache_dir``)
holding a digest of everything it was built from (the source files' bytes, the jianfu and
Python versions) beside the value: a changed source or another version rebuilds it, never
reads it. Only the user's own folder is used (never the shared temporary folder, where another
user could plant a file), writes are atomic, and a missing, broken or unwritable cache costs
the build and nothing else. ``JIANFU_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from jianfu import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/jianfu`` when set, else the platform's user cache folder; None when off."""
    if os.environ.get("JIANFU_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if os.path.isabs(base):  # the XDG spec: a relative path is invalid and ignored
        return Path(base) / "jianfu"
    if sys.platform == "win32" and os.path.isabs(os.environ.get("LOCALAPPDATA") or ""):
        return Path(os.environ["LOCALAPPDATA"]) / "jianfu" / "Cache"
    home = os.path.expanduser("~")
    if home == "~":
        return None
    return Path(home) / ("Library/Caches" if sys.platform == "darwin" else ".cache") / "jianfu"


def digest(parts: Iterable[bytes]) -> bytes:
    """What an entry was built from: every part (length-prefixed, so parts cannot run together),
    with the jianfu and Python versions (marshal's format and a kind's code may change with them)."""
    h = hashlib.sha256(f"{__version__}\0{sys.version}\0{marshal.version}".encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


def cached(name: str, key: bytes, build: Callable[[], T]) -> T:
    """The value stored under ``name`` when it was built from ``key`` (see ``digest``), else ``build()``
    stored for next time. The value must be marshal-able plain data (dicts, lists, tuples, str, int…)."""
    stored = read(name, key, _MISSING)
    if stored is not _MISSING:
        value: T = stored
        return value
    value = build()
    write(name, key, value)
    return value


_MISSING: Any = object()


def read(name: str, key: bytes, default: Any = None) -> Any:
    """The value stored under ``name`` if it was built from ``key``; else ``default``."""
    folder = cache_dir()
    if folder is None:
        return default
    try:
        stored = marshal.loads((folder / f"{name}.marshal").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # missing or broken: the caller rebuilds it
        return default
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
        return stored[1]
    return default


def write(name: str, key: bytes, value: Any) -> None:
    """Store ``value`` as built from ``key``, atomically; a read-only home, a full disk or a value
    marshal cannot write leaves no entry and raises nothing."""
    folder = cache_dir()
    if folder is None:
        return
    from jianfu.writeout import write_atomic  # only when an entry is (re)written

    try:
        data = marshal.dumps((key, value))
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(folder / f"{name}.marshal", data)
    except (OSError, ValueError):
        pass


def parsed_yaml(name: str, paths: list[Path]) -> list[Any] | None:
    """Each file's YAML (safe loader), cached while their text is unchanged; None when a file cannot
    be read or parsed: the caller then loads each file on its own and reports the file's own error."""
    try:
        texts = [path.read_text("utf-8") for path in paths]
    except (OSError, UnicodeDecodeError):
        return None
    key = digest(
        [
            str(path).encode("utf-8", "surrogateescape") + b"\0" + text.encode()
            for path, text in zip(paths, texts, strict=True)
        ]
    )

    def parse() -> list[Any]:
        import yaml  # ~15 ms to import: only when the cache misses

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster
        return [yaml.load(text, Loader=loader) for text in texts]

    try:
        return cached(name, key, parse)
    except Exception:  # noqa: BLE001 - a file the YAML parser refuses: the caller reports it
        return None
