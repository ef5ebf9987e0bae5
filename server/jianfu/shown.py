"""Paths and error texts as they can be printed on one line of UTF-8."""

from __future__ import annotations


def shown_path(raw: str) -> str:
    """A path as it can be printed: bytes that were not UTF-8 (a GBK name unpacked on Linux) as ``\\xd6``.

    Python keeps such bytes as lone surrogates (``surrogateescape``), which no UTF-8 output accepts.
    """
    try:
        return raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name
        return raw.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(message: str, limit: int = 300) -> str:
    """An error's text for a one-line message: whitespace runs as one space, control characters escaped."""
    flat = " ".join(shown_path(message).split())
    flat = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
