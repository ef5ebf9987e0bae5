from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JIANFU_BIN = Path(sys.executable).with_name("jianfu")

OTHER_PUBLISH = """<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <!-- 其他单位的加载项 -->
  <jsplugin name="gongwen-format" type="wps" url="gongwen-format_2.3.1" version="2.3.1" enable="enable" install="null" customDomain=""/>
  <jsplugin name="oa-bridge" type="wps" url="http://oa.example.gov.cn/wps/" enable="enable" install="null" customDomain=""/>
</jsplugins>
"""


@pytest.fixture
def addin_source(tmp_path: Path) -> Path:
    """A stand-in for clients/wps-addin (the real add-in is written separately): the packager copies whatever is there."""
    source = tmp_path / "wps-addin"
    (source / "ui").mkdir(parents=True)
    (source / "node_modules" / "x").mkdir(parents=True)
    (source / "tests").mkdir()
    (source / "package.json").write_text(
        json.dumps({"name": "jianfu", "version": "0.1.0", "addonType": "wps"}), "utf-8"
    )
    (source / "index.html").write_text("<!doctype html><script src='main.js'></script>", "utf-8")
    (source / "main.js").write_text("function OnAddinLoad(ribbonUI) { return true; }\n", "utf-8")
    (source / "ribbon.xml").write_text(
        '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>', "utf-8"
    )
    (source / "ui" / "taskpane.html").write_text("<!doctype html><title>减负检查</title>", "utf-8")
    (source / "node_modules" / "x" / "index.js").write_text("dev only", "utf-8")
    (source / "tests" / "pane.spec.js").write_text("dev only", "utf-8")
    (source / "__init__.py").write_text("", "utf-8")
    return source


def run_jianfu(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "APPDATA": str(home / "AppData" / "Roaming")}
    return subprocess.run([sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, env=env, timeout=120)
