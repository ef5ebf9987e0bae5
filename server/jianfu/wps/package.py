"""Build the offline add-in package: ``jianfu_<version>/``, a .zip of it, and the XML snippets."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jianfu import __version__
from jianfu.wps.paths import ADDIN_NAME
from jianfu.wps.publish import jsplugins_xml, publish_xml

# Development leftovers that must not reach desktops.
SKIP_DIRS = {"node_modules", "tests", "test", "__pycache__", ".git", ".vscode"}
SKIP_SUFFIXES = {".py", ".pyc", ".map"}
SKIP_NAMES = {"package-lock.json", ".DS_Store", ".gitignore"}
DEFAULT_ONLINE_URL = "http://127.0.0.1:8737/wps/"


class PackageError(Exception):
    """The add-in cannot be packaged or installed; the message is Chinese."""


@dataclass(frozen=True)
class AddinMeta:
    name: str
    version: str

    @property
    def folder(self) -> str:
        return f"{self.name}_{self.version}"


@dataclass(frozen=True)
class Package:
    folder: Path
    archive: Path
    publish_xml: Path
    jsplugins_xml: Path


def read_meta(source: Path) -> AddinMeta:
    """Name and version from the add-in's package.json (what wpsjs reads too)."""
    manifest = source / "package.json"
    name, version = ADDIN_NAME, __version__
    if manifest.is_file():
        try:
            data = json.loads(manifest.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise PackageError(f"{manifest} 不是有效的 JSON（{exc}）。") from None
        name = str(data.get("name") or name)
        version = str(data.get("version") or version)
    return AddinMeta(name, version)


def addin_files(source: Path) -> list[Path]:
    if not source.is_dir():
        raise PackageError(
            f"找不到加载项文件夹 {source}。请确认 jianfu 安装完整，或用 --source 指定 clients/wps-addin。"
        )
    files = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part in SKIP_DIRS for part in relative.parts[:-1]) or relative.parts[0] in SKIP_DIRS:
            continue
        if path.is_file() and path.suffix not in SKIP_SUFFIXES and path.name not in SKIP_NAMES:
            files.append(path)
    if not files:
        raise PackageError(f"加载项文件夹 {source} 是空的。")
    return files


def copy_addin(source: Path, parent: Path) -> Path:
    """Copy the add-in to ``parent/<name>_<version>/``, replacing an older copy of the same version.

    The copy is assembled next to its destination and renamed into place, so WPS never sees a half-copied folder.
    """
    meta = read_meta(source)
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / meta.folder
    staging = Path(tempfile.mkdtemp(prefix=f".{meta.folder}.", dir=parent))
    try:
        for path in addin_files(source):
            destination = staging / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def build(
    source: Path, out_dir: Path, online_url: str = DEFAULT_ONLINE_URL, download_base: str | None = None
) -> Package:
    meta = read_meta(source)
    folder = copy_addin(source, out_dir)
    archive = out_dir / f"{meta.folder}.zip"
    _zip_atomic(folder, archive)
    download = f"{download_base.rstrip('/')}/{archive.name}" if download_base else archive.name
    publish = out_dir / "publish.xml"
    _write_atomic(publish, publish_xml(meta.name, meta.version, meta.folder))
    plugins = out_dir / "jsplugins.xml"
    _write_atomic(plugins, jsplugins_xml(meta.name, meta.version, online_url, download))
    return Package(folder, archive, publish, plugins)


def _zip_atomic(folder: Path, archive: Path) -> None:
    """Built in memory (the add-in is small), then written like every other output."""
    from jianfu.writeout import write_atomic

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, Path(folder.name) / path.relative_to(folder))
    write_atomic(archive, buffer.getvalue())


def _write_atomic(path: Path, text: str) -> None:
    from jianfu.writeout import write_atomic

    write_atomic(path, text.encode("utf-8"))
