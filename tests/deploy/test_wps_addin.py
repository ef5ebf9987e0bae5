"""`jianfu wps package|install|uninstall` against a temporary HOME: files land where WPS looks."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from jianfu.wps.paths import jsaddons_dir
from jianfu.wps.publish import PublishError, merge, offline_entry, remove
from tests.deploy.conftest import OTHER_PUBLISH, run_jianfu

ADDON_FILES = {"package.json", "index.html", "main.js", "ribbon.xml", "ui/taskpane.html"}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _entries(publish: Path) -> list[dict[str, str]]:
    return [dict(e.attrib) for e in etree.parse(str(publish)).getroot().iter("jsplugin")]


def test_wps_looks_in_these_folders(tmp_path: Path) -> None:
    assert jsaddons_dir(home=tmp_path, platform="linux") == tmp_path / ".local/share/Kingsoft/wps/jsaddons"
    appdata = str(tmp_path / "Roaming")
    assert jsaddons_dir(platform="win32", appdata=appdata) == Path(appdata) / "kingsoft" / "wps" / "jsaddons"


def test_package_builds_folder_zip_and_xml(tmp_path: Path, addin_source: Path) -> None:
    out = tmp_path / "dist"
    result = run_jianfu(
        tmp_path,
        "wps",
        "package",
        "--source",
        str(addin_source),
        "-o",
        str(out),
        "--download-base",
        "http://intranet/jianfu/",
    )
    assert result.returncode == 0, result.stderr
    folder = out / "jianfu_0.1.0"
    assert _files(folder) == ADDON_FILES  # no node_modules, tests or Python files
    with zipfile.ZipFile(out / "jianfu_0.1.0.zip") as archive:
        assert {n for n in archive.namelist()} == {f"jianfu_0.1.0/{f}" for f in ADDON_FILES}
        assert archive.read("jianfu_0.1.0/ui/taskpane.html") == (addin_source / "ui" / "taskpane.html").read_bytes()
    assert _entries(out / "publish.xml") == [offline_entry("jianfu", "0.1.0", "jianfu_0.1.0")]
    plugins = etree.parse(str(out / "jsplugins.xml")).getroot()
    online = plugins.find("jspluginonline")
    assert online is not None and online.get("url") == "http://127.0.0.1:8737/wps/"
    offline_comment = "".join(c.text for c in plugins.iter(etree.Comment))
    assert 'url="http://intranet/jianfu/jianfu_0.1.0.zip"' in offline_comment
    assert "jsplugin" in result.stdout and "压缩包" in result.stdout


def test_install_merges_idempotently_and_uninstall_removes_only_ours(tmp_path: Path, addin_source: Path) -> None:
    home = tmp_path / "home"
    jsaddons = home / ".local/share/Kingsoft/wps/jsaddons"
    (jsaddons / "gongwen-format_2.3.1").mkdir(parents=True)
    (jsaddons / "gongwen-format_2.3.1" / "index.html").write_text("other", "utf-8")
    (jsaddons / "jianfu_0.0.9").mkdir()  # an older version of ours
    (jsaddons / "publish.xml").write_text(OTHER_PUBLISH, "utf-8")

    first = run_jianfu(home, "wps", "install", "--source", str(addin_source))
    assert first.returncode == 0, first.stderr
    assert "请重新启动 WPS" in first.stdout
    assert _files(jsaddons / "jianfu_0.1.0") == ADDON_FILES
    assert not (jsaddons / "jianfu_0.0.9").exists()
    entries = _entries(jsaddons / "publish.xml")
    assert [e["name"] for e in entries] == ["gongwen-format", "oa-bridge", "jianfu"]
    assert entries[2] == offline_entry("jianfu", "0.1.0", "jianfu_0.1.0")
    after_first = (jsaddons / "publish.xml").read_text("utf-8")
    assert "<!-- 其他单位的加载项 -->" in after_first

    second = run_jianfu(home, "wps", "install", "--source", str(addin_source))
    assert second.returncode == 0, second.stderr
    assert (jsaddons / "publish.xml").read_text("utf-8") == after_first

    online = run_jianfu(home, "wps", "install", "--source", str(addin_source), "--online")
    assert online.returncode == 0, online.stderr
    entries = _entries(jsaddons / "publish.xml")
    assert [e["url"] for e in entries if e["name"] == "jianfu"] == ["http://127.0.0.1:8737/wps/"]
    assert not (jsaddons / "jianfu_0.1.0").exists()

    gone = run_jianfu(home, "wps", "uninstall", "--source", str(addin_source))
    assert gone.returncode == 0, gone.stderr
    assert [e["name"] for e in _entries(jsaddons / "publish.xml")] == ["gongwen-format", "oa-bridge"]
    assert (jsaddons / "gongwen-format_2.3.1" / "index.html").read_text("utf-8") == "other"
    assert sorted(p.name for p in jsaddons.iterdir()) == ["gongwen-format_2.3.1", "publish.xml"]
    again = run_jianfu(home, "wps", "uninstall", "--source", str(addin_source))
    assert again.returncode == 0 and "没有找到" in again.stdout


def test_install_into_an_empty_home_creates_publish_xml(tmp_path: Path, addin_source: Path) -> None:
    result = run_jianfu(tmp_path, "wps", "install", "--source", str(addin_source))
    assert result.returncode == 0, result.stderr
    jsaddons = tmp_path / ".local/share/Kingsoft/wps/jsaddons"
    assert _entries(jsaddons / "publish.xml") == [offline_entry("jianfu", "0.1.0", "jianfu_0.1.0")]
    assert (jsaddons / "jianfu_0.1.0" / "ribbon.xml").read_text("utf-8").startswith("<customUI")


def test_a_broken_publish_xml_is_left_untouched(tmp_path: Path, addin_source: Path) -> None:
    jsaddons = tmp_path / ".local/share/Kingsoft/wps/jsaddons"
    jsaddons.mkdir(parents=True)
    broken = '<jsplugins><jsplugin name="other" url="x"</jsplugins>'
    (jsaddons / "publish.xml").write_text(broken, "utf-8")
    result = run_jianfu(tmp_path, "wps", "install", "--source", str(addin_source))
    assert result.returncode == 2
    assert "publish.xml" in result.stderr and "未作修改" in result.stderr
    assert (jsaddons / "publish.xml").read_text("utf-8") == broken
    assert not (jsaddons / "jianfu_0.1.0").exists()


def test_merge_replaces_duplicates_of_ours_only() -> None:
    twice = OTHER_PUBLISH.replace(
        "</jsplugins>", '<jsplugin name="jianfu" url="a"/><jsplugin name="jianfu" url="b"/></jsplugins>'
    )
    merged = merge(twice, offline_entry("jianfu", "0.2.0", "jianfu_0.2.0"))
    root = etree.fromstring(merged.encode())
    assert [(e.get("name"), e.get("url")) for e in root.iter("jsplugin")] == [
        ("gongwen-format", "gongwen-format_2.3.1"),
        ("oa-bridge", "http://oa.example.gov.cn/wps/"),
        ("jianfu", "jianfu_0.2.0"),
    ]
    text, removed = remove(merged, "jianfu")
    assert [r["url"] for r in removed] == ["jianfu_0.2.0"]
    again = merge(text, offline_entry("jianfu", "0.2.0", "jianfu_0.2.0"))
    assert [dict(e.attrib) for e in etree.fromstring(again.encode()).iter("jsplugin")] == [
        dict(e.attrib) for e in root.iter("jsplugin")
    ]
    try:
        merge("<addins/>", offline_entry("jianfu", "0.2.0", "jianfu_0.2.0"))
    except PublishError as exc:
        assert "jsplugins" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a foreign root element must be refused")
