from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.http.server import Running, start

OA_ORIGIN = "https://oa.example.gov.cn"
TOKEN = "0123456789abcdef-test-token"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """The service as a desktop runs it: defaults only."""
    running = start(tmp_path_factory.mktemp("serve"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """A central deployment: organisation config, token, an extra origin, add-in files from a folder."""
    folder = tmp_path_factory.mktemp("configured")
    (folder / "token").write_text(TOKEN + "\n", "utf-8")
    (folder / "jianfu.toml").write_text('ignore = ["JF301"]\n', "utf-8")
    addin = folder / "addin"
    addin.mkdir()
    (addin / "index.html").write_text("<!doctype html><title>减负检查</title>", "utf-8")
    running = start(
        folder,
        "--token-file",
        str(folder / "token"),
        "--config",
        str(folder / "jianfu.toml"),
        "--cors-origin",
        OA_ORIGIN,
        "--addin-dir",
        str(addin),
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def repo() -> Path:
    return Path(__file__).resolve().parents[2]
