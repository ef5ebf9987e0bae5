"""A one-line progress bar on stderr (files done, files/s, ETA) for batches on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO = sys.stderr, enabled: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._last_draw = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self._last_draw > 0.1 or self.done == self.total):
            self._last_draw = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0
        width = 30
        filled = int(width * self.done / max(self.total, 1))
        bar = "█" * filled + "░" * (width - filled)
        self.stream.write(f"\r{bar} {self.done}/{self.total} 个文件  {rate:.1f} 个/秒  剩余约 {eta:.0f} 秒 ")
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar so that a report line can be printed; the next advance redraws it."""
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()
