"""deploy/linux/install.sh and uninstall.sh against a temporary HOME (systemctl not called)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.conftest import JIANFU_BIN, OTHER_PUBLISH, REPO

SCRIPTS = REPO / "deploy" / "linux"


def _run(script: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "JIANFU_SKIP_SYSTEMCTL": "1", "JIANFU_BIN": str(JIANFU_BIN)}
    env.pop("XDG_CONFIG_HOME", None)
    return subprocess.run(["bash", str(SCRIPTS / script), *args], capture_output=True, text=True, env=env, timeout=120)


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text("utf-8"))
    return parser


@pytest.mark.skipif(not JIANFU_BIN.exists(), reason="jianfu console script not installed next to the interpreter")
def test_install_writes_a_valid_user_unit_and_registers_the_addin(tmp_path: Path) -> None:
    home = tmp_path / "home"
    jsaddons = home / ".local/share/Kingsoft/wps/jsaddons"
    jsaddons.mkdir(parents=True)
    (jsaddons / "publish.xml").write_text(OTHER_PUBLISH, "utf-8")
    config = tmp_path / "机构 配置" / "jianfu.toml"
    config.parent.mkdir()
    config.write_text('ignore = ["JF301"]\n', "utf-8")

    result = _run("install.sh", home, "--port", "8740", "--config", str(config))
    assert result.returncode == 0, result.stderr
    unit_path = home / ".config/systemd/user/jianfu.service"
    unit = _unit(unit_path)
    exec_start = unit["Service"]["ExecStart"]
    assert exec_start == f'"{JIANFU_BIN.resolve()}" serve --port 8740 --config "{config.resolve()}"'
    assert unit["Install"]["WantedBy"] == "default.target"
    assert unit["Service"]["Restart"] == "on-failure"
    if shutil.which("systemd-analyze"):
        verify = subprocess.run(
            ["systemd-analyze", "verify", str(unit_path)], capture_output=True, text=True, timeout=60
        )
        assert verify.returncode == 0, verify.stderr
        assert "jianfu.service:" not in verify.stderr, verify.stderr  # unknown keys or bad values are only warnings

    publish = (jsaddons / "publish.xml").read_text("utf-8")
    assert 'name="gongwen-format"' in publish and 'name="jianfu"' in publish
    assert any(p.name.startswith("jianfu_") for p in jsaddons.iterdir() if p.is_dir())

    again = _run("install.sh", home, "--port", "8740", "--config", str(config))
    assert again.returncode == 0, again.stderr
    assert (jsaddons / "publish.xml").read_text("utf-8") == publish

    removed = _run("uninstall.sh", home)
    assert removed.returncode == 0, removed.stderr
    assert not unit_path.exists()
    left = (jsaddons / "publish.xml").read_text("utf-8")
    assert 'name="jianfu"' not in left and 'name="gongwen-format"' in left and 'name="oa-bridge"' in left
    assert not any(p.name.startswith("jianfu_") for p in jsaddons.iterdir())


def test_install_refuses_a_missing_config(tmp_path: Path) -> None:
    result = _run("install.sh", tmp_path, "--config", str(tmp_path / "nope.toml"))
    assert result.returncode == 1 and "不存在" in result.stderr
    assert not (tmp_path / ".config/systemd/user/jianfu.service").exists()
