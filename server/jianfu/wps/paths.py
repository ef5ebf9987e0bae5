"""Where the add-in's files come from and where WPS looks for add-ins."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jianfu

ADDIN_NAME = "jianfu"


def addin_source() -> Path:
    """The add-in's files: the wheel's package data ``jianfu/wpsaddin/``, or the checkout's folder.

    Looked up by path rather than importlib.resources: the folder has no ``__init__.py`` (it is the
    add-in's own tree), and editable installs do not map such namespace folders.
    """
    package = Path(jianfu.__file__).resolve().parent
    installed = package / "wpsaddin"
    if installed.is_dir():
        return installed
    return package.parents[1] / "clients" / "wps-addin"


def jsaddons_dir(home: Path | None = None, platform: str | None = None, appdata: str | None = None) -> Path:
    """The per-user folder WPS reads ``publish.xml`` and offline add-ins from."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        base = appdata or os.environ.get("APPDATA") or str((home or Path.home()) / "AppData" / "Roaming")
        return Path(base) / "kingsoft" / "wps" / "jsaddons"
    return (home or Path.home()) / ".local" / "share" / "Kingsoft" / "wps" / "jsaddons"
