"""``publish.xml`` (per user) and ``jsplugins.xml`` (enterprise): generate, merge, remove our entry.

The per-user ``publish.xml`` is shared with every other add-in the user has: the merge replaces
only the entries named like ours and leaves everything else (other entries, comments, order) as it was.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

PUBLISH = "publish.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


class PublishError(Exception):
    """publish.xml cannot be updated safely; the message is Chinese."""


def offline_entry(name: str, version: str, folder: str) -> dict[str, str]:
    return {
        "name": name,
        "type": "wps",
        "url": folder,
        "version": version,
        "enable": "enable",
        "install": "null",
        "customDomain": "",
    }


def online_entry(name: str, url: str) -> dict[str, str]:
    return {"name": name, "type": "wps", "url": url, "enable": "enable", "install": "null", "customDomain": ""}


def publish_xml(name: str, version: str, folder: str) -> str:
    return merge(None, offline_entry(name, version, folder))


def jsplugins_xml(name: str, version: str, online_url: str, download_url: str) -> str:
    """Enterprise list for oem.ini's JSPluginsServer: keep the line that fits, delete the other."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n'
        "  <!-- 在线方式：每次启动 WPS 时从本机或内网服务加载 -->\n"
        f'  <jspluginonline name="{_attr(name)}" type="wps" url="{_attr(online_url)}"/>\n'
        "  <!-- 离线方式：WPS 下载压缩包后在本机运行（与在线方式二选一） -->\n"
        f'  <!-- <jsplugin name="{_attr(name)}" type="wps" url="{_attr(download_url)}" version="{_attr(version)}"/> -->\n'
        "</jsplugins>\n"
    )


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace("-->", "--&gt;")


def merge(existing: str | None, entry: dict[str, str]) -> str:
    """publish.xml text with ``entry`` in place of any entry of the same name (idempotent)."""
    root = _parse(existing)
    ours = [e for e in root.iter("jsplugin") if e.get("name") == entry["name"]]
    element = etree.Element("jsplugin")
    for key, value in entry.items():
        element.set(key, value)
    if ours:
        first = ours[0]
        element.tail = first.tail
        first.getparent().replace(first, element)
        for extra in ours[1:]:
            _drop(extra)
    else:
        children = list(root)
        element.tail = "\n"
        if children:
            children[-1].tail = (children[-1].tail or "").rstrip(" \t") or "\n"
            if not children[-1].tail.endswith("\n"):
                children[-1].tail += "\n"
        elif not (root.text or "").strip():
            root.text = "\n"
        root.append(element)
    return _serialize(root)


def remove(existing: str, name: str) -> tuple[str, list[dict[str, str]]]:
    """publish.xml text without the entries called ``name``, and the removed entries."""
    root = _parse(existing)
    ours = [e for e in root.iter("jsplugin") if e.get("name") == name]
    removed = [dict(e.attrib) for e in ours]
    for element in ours:
        _drop(element)
    return _serialize(root), removed


def _parse(text: str | None) -> etree._Element:
    if text is None or not text.strip():
        root = etree.Element("jsplugins")
        root.text = "\n"
        return root
    try:
        root = etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise PublishError(
            f"publish.xml 不是有效的 XML（{exc}），为免破坏其他加载项的登记，未作修改。请先修复或备份后删除该文件。"
        ) from None
    if root.tag != "jsplugins":
        raise PublishError(f"publish.xml 的根元素是 <{root.tag}>，不是 <jsplugins>，未作修改。")
    return root


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    previous = element.getprevious()
    if element.tail and element.tail.strip() == "":
        pass  # the whitespace after the entry goes with it
    elif element.tail:  # keep stray text
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _serialize(root: etree._Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


# --- per-user registration ------------------------------------------------------------------


@dataclass(frozen=True)
class Installed:
    jsaddons: Path
    folder: Path | None  # None for an online entry
    entry: dict[str, str]


def install(jsaddons: Path, source: Path, online_url: str | None = None) -> Installed:
    """Copy the add-in into the jsaddons folder (offline) or point at the service (online) and register it."""
    from jianfu.wps.package import copy_addin, read_meta

    meta = read_meta(source)
    publish = jsaddons / PUBLISH
    existing = _read(publish)
    merge(existing, offline_entry(meta.name, meta.version, meta.folder))  # refuse a broken file before copying anything
    folder = None
    if online_url:
        entry = online_entry(meta.name, online_url)
    else:
        folder = copy_addin(source, jsaddons)
        entry = offline_entry(meta.name, meta.version, meta.folder)
    _write(publish, merge(existing, entry))
    _remove_old_folders(jsaddons, meta.name, keep=folder)
    return Installed(jsaddons, folder, entry)


def uninstall(jsaddons: Path, name: str) -> list[Path]:
    """Remove our entries and our folders; everything else in jsaddons stays."""
    removed: list[Path] = []
    publish = jsaddons / PUBLISH
    existing = _read(publish)
    if existing is not None:
        text, entries = remove(existing, name)
        if entries:
            _write(publish, text)
            removed.append(publish)
    removed.extend(_remove_old_folders(jsaddons, name, keep=None))
    return removed


def _remove_old_folders(jsaddons: Path, name: str, keep: Path | None) -> list[Path]:
    pattern = re.compile(rf"^{re.escape(name)}_\d[\w.+-]*$")
    removed = []
    if jsaddons.is_dir():
        for path in jsaddons.iterdir():
            if path.is_dir() and pattern.match(path.name) and path != keep:
                shutil.rmtree(path)
                removed.append(path)
    return removed


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise PublishError(f"{path} 不是 UTF-8 编码，未作修改。") from None


def _write(path: Path, text: str) -> None:
    from jianfu.writeout import write_atomic

    write_atomic(path, text.encode("utf-8"))
