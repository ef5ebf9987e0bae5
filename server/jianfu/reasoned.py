"""Reasoned exceptions (``[[exception]]`` in jianfu.toml): findings kept on purpose, and why.

An exception names a rule and the fingerprint of the sentence (jianfu.fingerprint), so it
survives edits elsewhere in the draft. A finding it matches stays visible but as 已说明理由
(information, not warning) and carries the exception; an exception that matches nothing in a
draft it applies to is stale: its sentence is gone or changed, and the check says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from jianfu import fingerprint
from jianfu.model import Document, Finding, ReasonedException, Severity

EXPLAINED = "已说明理由"
KEYS = ("rule", "fingerprint", "reason", "who", "when", "file")
REQUIRED = ("rule", "fingerprint", "reason")


class ExceptionError(ValueError):
    """An [[exception]] entry is invalid; the message is Chinese and names the file and the entry."""


def parse(value: Any, source: str) -> tuple[ReasonedException, ...]:
    """The entries of ``[[exception]]`` (or a client's ``exceptions`` list), validated."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise ExceptionError(f"{source}：[[exception]] 应为表的数组，每项含 rule、fingerprint、reason。")
    return tuple(_entry(item, source, n) for n, item in enumerate(value, 1))


def _entry(item: Any, source: str, number: int) -> ReasonedException:
    where = f"{source}：第{number}个 [[exception]]"
    if not isinstance(item, dict):
        raise ExceptionError(f"{where} 应为表（rule、fingerprint、reason、who、when）。")
    unknown = sorted(set(item) - set(KEYS))
    if unknown:
        raise ExceptionError(f"{where} 含未知的键“{'、'.join(unknown)}”。可用的键：{'、'.join(KEYS)}。")
    missing = [key for key in REQUIRED if not str(item.get(key) or "").strip()]
    if missing:
        raise ExceptionError(f"{where} 缺少“{'、'.join(missing)}”。请写明规则编号、句子指纹和保留的理由。")
    for key in KEYS:  # ``when`` may be a TOML date (when = 2026-12-04)
        if key in item and not isinstance(item[key], str) and not (key == "when" and isinstance(item[key], date)):
            raise ExceptionError(f"{where} 的“{key}”应为字符串。")
    rule, mark = str(item["rule"]).strip(), str(item["fingerprint"]).strip()
    if not mark.startswith(f"{rule}:"):
        raise ExceptionError(
            f"{where} 的句子指纹“{mark}”与规则“{rule}”不符（应形如 {rule}:1a2b3c4d5e6f）。请从检查结果中复制指纹。"
        )
    return ReasonedException(
        rule=rule,
        fingerprint=mark,
        reason=str(item["reason"]).strip(),
        who=str(item.get("who") or "").strip(),
        when=str(item.get("when") or "").strip(),  # a TOML date is kept as written
        file=str(item.get("file") or "").strip(),
        entry=number if source else 0,
        source=source,
    )


def apply(
    document: Document, findings: Iterable[Finding], exceptions: Sequence[ReasonedException]
) -> tuple[list[Finding], tuple[ReasonedException, ...]]:
    """The findings with the excepted ones marked (information), and the exceptions that matched none."""
    if not exceptions:
        return list(findings), ()
    wanted = {e.rule for e in exceptions}
    by_mark = {(e.rule, e.fingerprint): e for e in exceptions}
    used: set[tuple[str, str]] = set()
    out = []
    for finding in findings:
        if finding.rule in wanted:  # fingerprints cost a sentence split: only for rules that have exceptions
            key = (finding.rule, fingerprint.fingerprint(document, finding))
            if (excepted := by_mark.get(key)) is not None:
                used.add(key)
                finding = replace(finding, severity=Severity.INFO, exception=excepted)
        out.append(finding)
    stale = tuple(e for e in exceptions if (e.rule, e.fingerprint) not in used)
    return out, stale


def stale_note(exception: ReasonedException) -> str:
    """The Chinese line ``jianfu check`` gives for an exception whose sentence is gone."""
    return (
        f"例外已失效：{exception.named}（规则 {exception.rule}，理由“{exception.reason}”）"
        "所说明的句子已不在本文中或已改写。请删除该条，或对新的句子重新说明理由。"
    )


def record(exception: ReasonedException) -> dict[str, str]:
    """What the JSON, the HTTP service and the form show of an exception."""
    return {"reason": exception.reason, "who": exception.who, "when": exception.when}


def entry_table(exception: ReasonedException) -> dict[str, str]:
    """The keys an ``[[exception]]`` entry is written with (empty ones left out)."""
    table = {
        "rule": exception.rule,
        "fingerprint": exception.fingerprint,
        "reason": exception.reason,
        "who": exception.who,
        "when": exception.when,
        "file": exception.file,
    }
    return {k: v for k, v in table.items() if v}
