"""Settings as dataclasses with defaults, merged from jianfu.toml, the CLI and editor clients."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from jianfu.model import Severity

CONFIG_NAME = "jianfu.toml"
DOC_TYPES = ("auto", "general", "special", "comprehensive")
DIRECTIONS = ("auto", "上行文", "平行文", "下行文")  # 行文方向: auto reads it from the 文种 and 主送机关


class SettingsError(ValueError):
    """A setting is invalid; the message is Chinese and names the file and key."""


@dataclass(frozen=True)
class Limits:
    """Configured 字数 limits; None keeps the length rule's own (rules/documents/JF201.yaml: 5000 / 4000)."""

    general: int | None = None  # 地方和部门文件
    special: int | None = None  # 部署专项工作或者具体任务
    # 部署综合性工作: no limit


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # rule ids or prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # rule id -> severity
    doc_type: str = "auto"
    direction: str = "auto"  # 行文方向; 上行文/平行文 make the rules on demands of lower levels stand down
    special_topics: tuple[str, ...] | None = None  # None = detect from the title
    limits: Limits = field(default_factory=Limits)
    budgets: dict[str, int] = field(default_factory=dict)  # section name -> 字数 budget
    fail_on: Severity = Severity.WARNING
    parents: tuple[str, ...] = ()  # paths of parent documents (上位文件)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> rule ids
    special_documents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> 专门文件 topics
    ignored_findings: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # glob -> (rule, words)
    # Derived for one file by ``for_path`` (not a setting of its own): findings to drop.
    suppressed: tuple[tuple[str, str], ...] = field(default=(), metadata={"derived": True})

    def enabled(self, rule_id: str) -> bool:
        def hit(patterns: tuple[str, ...]) -> bool:
            return any(rule_id == p or rule_id.startswith(p) for p in patterns)

        if self.select and not hit(self.select):
            return False
        return not hit(self.ignore)

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def _snake(key: str) -> str:
    return _CAMEL.sub("_", key).lower().replace("-", "_")


def from_mapping(data: dict[str, Any], *, source: str, base: Settings | None = None) -> Settings:
    """Build settings from a TOML table or client JSON (camelCase or snake_case keys)."""
    settings = base or Settings()
    known = {f.name for f in fields(Settings) if not f.metadata.get("derived")}
    changes: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _snake(raw_key)
        if key not in known:
            raise SettingsError(f"{source}：未知的设置项“{raw_key}”。可用的设置项：{'、'.join(sorted(known))}。")
        changes[key] = _convert(key, value, source, raw_key, settings)
    return replace(settings, **changes)


def _convert(key: str, value: Any, source: str, raw_key: str, base: Settings) -> Any:
    def fail(expected: str) -> SettingsError:
        return SettingsError(f"{source}：设置项“{raw_key}”的值 {value!r} 无效，应为{expected}。")

    if key in ("select", "ignore", "parents"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("字符串列表")
        return tuple(value)
    if key == "special_topics":
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail('字符串列表（如 ["机构编制"]）')
        return tuple(value)
    if key == "doc_type":
        if value not in DOC_TYPES:
            raise fail("auto、general、special、comprehensive 之一")
        return value
    if key == "direction":
        if value not in DIRECTIONS:
            raise fail("auto、上行文、平行文、下行文 之一")
        return value
    if key == "fail_on":
        try:
            return Severity(value)
        except ValueError:
            raise fail("error、warning、info、hint 之一") from None
    if key == "severity":
        if not isinstance(value, dict):
            raise fail("规则编号到级别的表")
        try:
            return {str(k): Severity(v) for k, v in value.items()}
        except ValueError:
            raise fail("规则编号到 error、warning、info、hint 的表") from None
    if key == "limits":
        if isinstance(value, dict):  # an editor sends null for "the rule's own limit"
            value = {k: v for k, v in value.items() if v is not None}
        if not isinstance(value, dict) or not all(isinstance(v, int) and v > 0 for v in value.values()):
            raise fail("如 {general = 5000, special = 4000} 的表")
        unknown = set(value) - {"general", "special"}
        if unknown:
            raise fail("只含 general、special 两项的表")
        return replace(base.limits, **value)
    if key == "budgets":
        if not isinstance(value, dict) or not all(isinstance(v, int) and v > 0 for v in value.values()):
            raise fail("章节名称到字数的表，如 {形势背景 = 300}")
        return dict(value)
    if key in ("per_file_ignores", "special_documents"):
        expected = "文件通配符到规则编号列表的表" if key == "per_file_ignores" else "文件通配符到事项列表的表"
        if not isinstance(value, dict):
            raise fail(expected)
        out = {}
        for glob, ids in value.items():
            if isinstance(ids, str):
                ids = [ids]
            if not isinstance(ids, list) or not all(isinstance(v, str) for v in ids):
                raise fail(expected)
            out[str(glob)] = tuple(ids)
        return out
    if key == "ignored_findings":
        expected = '文件通配符到 [{rule = "JF301", text = "原文"}] 列表的表'
        if not isinstance(value, dict):
            raise fail(expected)
        found: dict[str, tuple[tuple[str, str], ...]] = {}
        for glob, items in value.items():
            if not isinstance(items, list) or not all(
                isinstance(i, dict) and isinstance(i.get("rule"), str) and isinstance(i.get("text"), str) for i in items
            ):
                raise fail(expected)
            found[str(glob)] = tuple((i["rule"], i["text"]) for i in items)
        return found
    raise fail("有效值")  # pragma: no cover


def load_file(path: Path, base: Settings | None = None) -> Settings:
    """Read ``jianfu.toml`` (settings at top level or under ``[jianfu]``)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}：无法读取配置文件（{exc.strerror}）。") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}：配置文件不是有效的 TOML（{exc}）。请按 docs 中的示例修改。") from None
    table = data.get("jianfu", data)
    return from_mapping(table, source=str(path), base=base)


def find_config(start: Path) -> Path | None:
    """The nearest ``jianfu.toml`` in ``start`` or a folder above it."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.resolve().parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def relative_key(path: Path, root: Path | None) -> str:
    """How a file is named in the per-file tables of the config in ``root``."""
    try:
        return (path.resolve().relative_to(root.resolve()) if root else Path(path.name)).as_posix()
    except ValueError:
        return Path(path.name).as_posix()


def for_path(settings: Settings, path: Path, root: Path | None) -> Settings:
    """Apply the per-file tables (globs relative to the config's folder) to one file."""
    if not (settings.per_file_ignores or settings.special_documents or settings.ignored_findings):
        return settings
    relative = Path(relative_key(path, root))

    def matching(table: dict[str, tuple[Any, ...]]) -> list[Any]:
        return [
            v for glob, values in table.items() if relative.match(glob) or relative.as_posix() == glob for v in values
        ]

    changes: dict[str, Any] = {}
    if extra := matching(settings.per_file_ignores):
        changes["ignore"] = settings.ignore + tuple(extra)
    if topics := matching(settings.special_documents):
        changes["special_topics"] = tuple(dict.fromkeys((*(settings.special_topics or ()), *topics)))
    if suppressed := matching(settings.ignored_findings):
        changes["suppressed"] = tuple(suppressed)
    return replace(settings, **changes) if changes else settings
