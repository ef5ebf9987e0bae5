"""The WPS task pane in headless Chromium against the real service, with a stand-in for WPS's
window.Application (clients/wps-addin/tests/standin.js): WPS itself cannot be installed here."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ADDIN = REPO / "clients" / "wps-addin"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def service():  # type: ignore[no-untyped-def]
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "jianfu", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("jianfu serve did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def node_modules() -> None:
    if not shutil.which("npm") or not Path("/usr/bin/chromium").exists():
        pytest.fail("需要 node/npm 与 Debian 软件包 chromium（scripts/install-system-deps.sh 会安装）")
    if not (ADDIN / "node_modules" / "playwright-core").is_dir():
        result = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"], cwd=ADDIN, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-2000:]


def test_task_pane_scenarios(service: str, node_modules: None, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "node",
            "tests/run.mjs",
            "--service",
            service,
            "--addin",
            str(ADDIN),
            "--out",
            str(tmp_path),
            "--draft",
            str(REPO / "examples" / "违规通知.txt"),
        ],
        cwd=ADDIN,
        capture_output=True,
        text=True,
        timeout=300,
    )
    scenarios = {
        s["name"]: s for s in (json.loads(line) for line in result.stdout.splitlines() if line.startswith("{"))
    }
    for name, scenario in scenarios.items():
        assert scenario["ok"], f"{name}: {json.dumps(scenario, ensure_ascii=False)[:3000]}\n{result.stderr[-2000:]}"
    assert set(scenarios) == {
        "sample draft",
        "outside the BMP",
        "table cell",
        "field drift",
        "clean draft",
        "re-check after typing",
        "service not running",
        "token sent",
        "explain with a reason",
    }
    sample = scenarios["sample draft"]
    assert sample["rows"] == len(sample["findings"]) >= 10
    assert sample["comments"] == len(sample["findings"])
    assert sample["articles"][0].startswith("第3条")
    assert scenarios["field drift"]["direct"] != "贯彻落实情况报送"  # the drift was real
    assert Path(sample["screenshot"]).stat().st_size > 10_000
    assert result.returncode == 0
