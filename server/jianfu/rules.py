"""Load and validate the rule files (``rules/<part>/<RULE-ID>.yaml``).

Every rule has a fixed set of common keys and the keys of its kind. A bad file is
reported with the file, the rule id and the key; it never stops the other rules
from loading (``load_rules`` returns the errors beside the good rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jianfu import datacache, kinds
from jianfu.analysis.direction import DIRECTIONS as ALL_DIRECTIONS
from jianfu.model import Severity

RULE_ID = re.compile(r"^JF\d{3,4}$")
COMMON_REQUIRED = ("id", "title", "article", "clause", "kind", "severity", "message", "why", "suggestion", "examples")
COMMON_OPTIONAL = ("enabled", "special_topics", "only_topics", "directions", "doc_url", "tags")


class RuleError(ValueError):
    """Invalid rule file; ``str()`` is a Chinese message naming file, rule and key."""

    def __init__(self, path: str, rule_id: str | None, key: str | None, problem: str) -> None:
        self.path, self.rule_id, self.key, self.problem = path, rule_id, key, problem
        where = path + (f"（规则 {rule_id}）" if rule_id else "") + (f"，键“{key}”" if key else "")
        super().__init__(f"{where}：{problem}")


@dataclass(frozen=True)
class Example:
    text: str
    doc_type: str | None = None
    parent: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Examples:
    flag: tuple[Example, ...]
    passes: tuple[Example, ...]
    todo: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    article: int
    clause: str
    kind: str
    severity: Severity
    message: str
    why: str
    suggestion: str
    examples: Examples
    params: dict[str, Any] = field(default_factory=dict)  # the kind's own keys, compiled
    special_topics: tuple[str, ...] = ()  # topics whose 专门文件 make this rule stand down
    only_topics: tuple[str, ...] = ()  # topics whose 专门文件 alone this rule reads (none: every document)
    # 行文方向 the rule applies to: a rule on demands of lower levels stands down in a 请示, 报告 or 函
    directions: tuple[str, ...] = ALL_DIRECTIONS
    enabled: bool = True
    path: str = ""
    doc_url: str = ""

    def __hash__(self) -> int:
        return hash(self.id)


DOC_BASE_URL = "https://jianfu.readthedocs.io/zh/latest/rules/"


def bundled_rules_dir() -> Path:
    """The rules shipped inside the package (``rules/`` in the repository)."""
    return Path(str(resources.files("jianfu.ruleset")))


def load_rules(directory: Path | None = None) -> tuple[list[Rule], list[RuleError]]:
    from jianfu.analysis import lexicons
    from jianfu.kinds.base import EAGER_REGEX

    bundled = directory is None
    directory = directory or bundled_rules_dir()
    token = EAGER_REGEX.set(not bundled)
    try:
        lexicons.all_lexicons()  # the bundled lexicons, which another folder's may extend or replace
        lexicon_errors = [] if bundled else lexicons.load_dir(directory / "lexicons")
        rules, errors = _load_dir(directory, cache_as="rules" if bundled else None)
        return rules, [RuleError(e.path, None, "words", str(e).partition("：")[2]) for e in lexicon_errors] + errors
    finally:
        EAGER_REGEX.reset(token)


def _load_dir(directory: Path, cache_as: str | None = None) -> tuple[list[Rule], list[RuleError]]:
    """The rules of ``directory``; with ``cache_as`` (the bundled rules), their parsed YAML comes from
    the user's cache while the files are unchanged (see ``datacache``)."""
    rules: list[Rule] = []
    errors: list[RuleError] = []
    seen: dict[str, str] = {}
    paths = [
        path
        for path in sorted(directory.rglob("*.yaml"))
        if not {"examples", "lexicons"} & set(path.relative_to(directory).parts[:-1])
    ]
    parsed = datacache.parsed_yaml(cache_as, paths) if cache_as else None
    for number, path in enumerate(paths):
        try:
            rule = load_rule_file(path) if parsed is None else parse_rule(parsed[number], str(path), path.stem)
        except RuleError as exc:
            errors.append(exc)
            continue
        if rule.id in seen:
            errors.append(RuleError(str(path), rule.id, "id", f"规则编号与 {seen[rule.id]} 重复。"))
            continue
        seen[rule.id] = str(path)
        rules.append(rule)
    return rules, errors


def load_rule_file(path: Path) -> Rule:
    import yaml  # ~15 ms to import: a check of the bundled rules reads their YAML from the cache

    where = str(path)
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise RuleError(where, None, None, f"无法读取（{exc.strerror}）。") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RuleError(where, None, None, f"不是有效的 YAML：{exc}") from None
    return parse_rule(data, where, expected_id=path.stem)


def parse_rule(data: Any, where: str, expected_id: str | None = None) -> Rule:
    if not isinstance(data, dict):
        raise RuleError(where, None, None, "规则文件的顶层应为映射（键: 值）。")
    rule_id = data.get("id")
    rid = rule_id if isinstance(rule_id, str) else None

    def fail(key: str | None, problem: str) -> RuleError:
        return RuleError(where, rid, key, problem)

    key: str | None

    for required_key in COMMON_REQUIRED:
        if required_key not in data:
            raise fail(required_key, "缺少必填键。")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise fail("id", "规则编号应形如 JF301。")
    if expected_id and rule_id != expected_id:
        raise fail("id", f"规则编号应与文件名一致（{expected_id}）。")
    kind = data["kind"]
    if kind not in kinds.KIND_MODULES:
        raise fail("kind", f"未知的规则类型“{kind}”，可选：{'、'.join(kinds.KIND_MODULES)}。")
    required, optional = kinds.keys(kind)
    allowed = set(COMMON_REQUIRED) | set(COMMON_OPTIONAL) | set(required) | set(optional) | {"todo"}
    for key in data:
        if key not in allowed:
            raise fail(key, f"“{kind}”类型的规则不认识此键。")
    for key in required:
        if key not in data:
            raise fail(key, f"“{kind}”类型的规则缺少必填键。")
    article = data["article"]
    if not isinstance(article, int) or not 1 <= article <= 21:
        raise fail("article", "条款号应为 1 到 21 的整数。")
    for key in ("title", "clause", "message", "why", "suggestion"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(key, "应为非空字符串。")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise fail("severity", "级别应为 error、warning、info、hint 之一。") from None
    topics = data.get("special_topics", [])
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise fail("special_topics", "应为字符串列表。")
    only_topics = data.get("only_topics", [])
    if not isinstance(only_topics, list) or not all(isinstance(t, str) for t in only_topics):
        raise fail("only_topics", "应为字符串列表（规则只检查以这些事项为主题的专门文件）。")
    directions = data.get("directions", kinds.default_directions(kind))
    if isinstance(directions, str):
        directions = [directions]
    if not isinstance(directions, (list, tuple)) or not directions or not set(directions) <= set(ALL_DIRECTIONS):
        raise fail("directions", f"应为 {'、'.join(ALL_DIRECTIONS)} 中的若干项（规则适用的行文方向）。")

    try:
        params = kinds.compile_params(kind, data)
    except (ValueError, TypeError, re.error) as exc:
        key = getattr(exc, "key", None)
        raise fail(key, f"参数无效：{exc}") from None
    examples = _parse_examples(data["examples"], fail)
    return Rule(
        id=rule_id,
        title=data["title"].strip(),
        article=article,
        clause=data["clause"].strip(),
        kind=kind,
        severity=severity,
        message=data["message"].strip(),
        why=data["why"].strip(),
        suggestion=data["suggestion"].strip(),
        examples=examples,
        params=params,
        special_topics=tuple(topics),
        only_topics=tuple(only_topics),
        directions=tuple(directions),
        enabled=bool(data.get("enabled", True)),
        path=where,
        doc_url=data.get("doc_url") or f"{DOC_BASE_URL}{rule_id}.html",
    )


def _parse_examples(raw: Any, fail: Any) -> Examples:
    if not isinstance(raw, dict):
        raise fail("examples", "应为含 flag 与 pass 两个列表的映射。")
    unknown = set(raw) - {"flag", "pass", "todo"}
    if unknown:
        raise fail("examples", f"不认识的键：{'、'.join(sorted(unknown))}。")

    def items(name: str, required: bool) -> tuple[Example, ...]:
        value = raw.get(name, [])
        if required and (not isinstance(value, list) or not value):
            raise fail(f"examples.{name}", "每条规则都要有至少一个应报告（flag）和一个不应报告（pass）的例子。")
        if not isinstance(value, list):
            raise fail(f"examples.{name}", "应为列表。")
        out = []
        for item in value:
            if isinstance(item, str):
                out.append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                repeat = item.get("repeat", 1)
                if not isinstance(repeat, int) or repeat < 1:
                    raise fail(f"examples.{name}", "repeat 应为正整数。")
                text = item.get("head", "") + item["text"] * repeat + item.get("tail", "")
                out.append(Example(text, item.get("doc_type"), item.get("parent"), item.get("note", "")))
            else:
                raise fail(
                    f"examples.{name}",
                    "例子应为字符串，或含 text（及可选 head、repeat、tail、doc_type、parent、note）的映射。",
                )
        return tuple(out)

    return Examples(items("flag", True), items("pass", True), items("todo", False))


def by_id(rules: Iterable[Rule]) -> dict[str, Rule]:
    return {r.id: r for r in rules}
