"""Fixtures for attacks on the language server: a raw stdio client (lsp_wire.RawServer)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.lsp_wire import RawServer


@pytest.fixture
def lsp(tmp_path: Path) -> Iterator[RawServer]:
    server = RawServer(tmp_path)
    server.initialize()
    yield server
    server.close()
