"""``jianfu rules`` and ``jianfu explain``: the rules as a list, one rule in full."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jianfu.commands import EXIT_CLEAN, EXIT_ERROR

if TYPE_CHECKING:
    from jianfu.rules import Rule


def load_rules(rules_dir: str | None = None):  # type: ignore[no-untyped-def]
    from jianfu.rules import load_rules

    rules, errors = load_rules(Path(rules_dir) if rules_dir else None)
    for error in errors:
        sys.stderr.write(f"jianfu：规则文件有误，已跳过：{error}\n")
    return rules, errors


def list_rules() -> int:
    rules, errors = load_rules()
    for rule in sorted(rules, key=lambda r: (r.article, r.id)):
        sys.stdout.write(f"{rule.id}\t第{rule.article}条\t{rule.severity.value}\t{rule.title}\n")
    return EXIT_ERROR if errors else EXIT_CLEAN


def explain(rule_id: str) -> int:
    rules, _ = load_rules()
    rule = next((r for r in rules if r.id == rule_id.upper()), None)
    if rule is None:
        sys.stderr.write(f"jianfu：没有编号为 {rule_id} 的规则。运行 jianfu rules 查看全部规则。\n")
        return EXIT_ERROR
    out = [
        f"{rule.id}  {rule.title}",
        f"条款：第{rule.article}条",
        f"原文：{rule.clause}",
        f"级别：{rule.severity.value}",
        f"为什么：{rule.why}",
        f"怎么改：{rule.suggestion}",
        f"文档：{rule.doc_url}",
        *_frame_lines(rule),
        *_title_lines(rule),
        "",
        "应当报告的例子：",
        *[f"  ✗ {_short(e.text)}" for e in rule.examples.flag],
        "不应报告的例子：",
        *[f"  ✓ {_short(e.text)}" for e in rule.examples.passes],
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_CLEAN


def _frame_lines(rule: Rule) -> list[str]:
    """A rule's frames, and the lexicons they name with a few of their words."""
    frames = rule.params.get("frames", ())
    if not frames:
        return []
    from jianfu.analysis import lexicons

    out = ["", "句式（同一句中按顺序出现）："]
    out += [f"  · {frame.describe()}" for frame in frames]
    names = sorted(
        {
            part[1:]
            for f in frames
            for slot in f.slots + f.needs + f.unless
            for part in slot.spec.split("|")
            if part.startswith("@")
        }
    )
    if names:
        out.append("词表（rules/lexicons/）：")
        for name in names:
            lexicon = lexicons.get(name)
            words = "、".join(w for w in lexicon.words[:12] if not w.startswith("re:"))
            more = f" 等 {len(lexicon.words)} 项" if len(lexicon.words) > 12 else ""
            out.append(f"  @{name}：{lexicon.description}。{words}{more}")
    return out


def _title_lines(rule: Rule) -> list[str]:
    """What a title rule looks for in the title, and the titles it lets pass."""
    if rule.kind != "title":
        return []
    out = ["", "标题中（只读标题）："]
    out += [f"  · {p.pattern}" for p in rule.params["patterns"]]
    out += [f"  除外：{p.pattern}" for p in rule.params["unless"]]
    out += [f"  正文中有此则除外：{p.pattern}" for p in rule.params.get("unless_body", ())]
    return out


def _short(text: str) -> str:
    flat = text.replace("\n", " ⏎ ")
    return flat if len(flat) <= 100 else flat[:100] + "…"
