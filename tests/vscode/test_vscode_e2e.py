"""The packaged extension in a real VS Code workbench (code-server + headless Chromium), offline.

Builds the .vsix with the documented commands (npm ci, npm run package), installs code-server with
clients/vscode/e2e/install-code-server.sh, and runs clients/vscode/e2e/run.mjs against the real
`python -m jianfu lsp`. Set JIANFU_SKIP_VSCODE_E2E=1 to skip it locally.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLIENT = REPO / "clients" / "vscode"
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(os.environ.get("JIANFU_SKIP_VSCODE_E2E") == "1", reason="JIANFU_SKIP_VSCODE_E2E=1")


def _run(cmd: list[str], cwd: Path, timeout: int) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


@pytest.fixture(scope="module")
def vsix() -> Path:
    if not shutil.which("npm") or not CHROMIUM.exists() or not shutil.which("rg"):
        pytest.fail("需要 node/npm、Debian 软件包 chromium 与 ripgrep（scripts/install-system-deps.sh 会安装）")
    if not (CLIENT / "node_modules").is_dir():
        _run(["npm", "ci", "--no-audit", "--no-fund"], CLIENT, 600)
    _run(["npm", "run", "package"], CLIENT, 300)
    _run(["bash", "e2e/install-code-server.sh"], CLIENT, 1200)
    return CLIENT / "jianfu.vsix"


def test_extension_in_a_real_workbench(vsix: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [
            "node",
            "e2e/run.mjs",
            "--vsix",
            str(vsix),
            "--python",
            sys.executable,
            "--violations",
            str(REPO / "examples" / "违规通知.txt"),
            "--clean",
            str(REPO / "examples" / "合规通知.txt"),
            "--out",
            str(tmp_path / "run"),
        ],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result from run.mjs:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    seen = json.loads(lines[-1])
    print(json.dumps(seen, ensure_ascii=False, indent=1), f"\nrun time {time.monotonic() - started:.1f}s")
    assert seen["ok"], (
        f"{seen.get('error')}\nsteps: {seen.get('steps')}\n{seen.get('serverLog', '')[-2000:]}\n{result.stderr[-3000:]}"
    )
    assert seen["squiggles"] > 0
    assert "JF301" in seen["problems"] and "第3条" in seen["problems"]
    assert "加强政策性、合法合规性审查" in seen["hover"] and "怎么改" in seen["hover"]
    assert seen["cleanSquiggles"] == 0
