"""From a check result and its document, the 一致性评估表 (``model.Assessment``). Pure: no files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jianfu import fingerprint
from jianfu.assessment import model
from jianfu.assessment.checklist import Checklist, RowSpec
from jianfu.assessment.facts import facts_of, topics_of
from jianfu.engine import Result
from jianfu.model import Document, Finding
from jianfu.positions import ParagraphIndex, paragraph_index
from jianfu.rules import Rule
from jianfu.settings import Settings

MAX_SENTENCE = 160  # characters quoted; a longer sentence is cut around the flagged words


def build(
    path: str,
    document: Document,
    result: Result,
    rules: Sequence[Rule],
    checklist: Checklist,
    settings: Settings | None = None,
    *,
    parents_given: bool = False,
    exceptions: Iterable[model.Excuse] = (),
    statuses: dict[int, str] | None = None,
    resolved: Sequence[model.Resolved] | None = None,
) -> model.Assessment:
    """``statuses``: index of a finding in ``result.findings`` -> NEW or REMAINING (a baseline run)."""
    settings = settings or Settings()
    excuses = {(e.rule, e.fingerprint): e for e in exceptions}
    placed = checklist.assign(rules)
    by_row: dict[int, list[model.Quote]] = {}
    paragraphs = paragraph_index(document)
    for index, finding in enumerate(result.findings):
        row = placed.get(finding.rule, len(checklist.rows) - 1)
        quote = _quote(document, finding, paragraphs, excuses, (statuses or {}).get(index, ""))
        by_row.setdefault(row, []).append(quote)
    direction = result.direction
    scope = _Scope(document, settings, parents_given, direction)
    rows = tuple(
        _row(n, spec, by_row.get(n, []), [r for r in rules if placed.get(r.id) == n], scope)
        for n, spec in enumerate(checklist.rows)
    )
    manual = tuple(model.ManualCheck(m.item, m.clause, m.check) for m in checklist.manual)
    conclusion, summary = _overall(rows, manual)
    return model.Assessment(
        path=path,
        facts=facts_of(document, result, rules, settings),
        rows=rows,
        manual=manual,
        conclusion=conclusion,
        summary=summary,
        resolved=tuple(resolved) if resolved is not None else None,
    )


def _quote(
    document: Document,
    finding: Finding,
    paragraphs: ParagraphIndex,
    excuses: dict[tuple[str, str], model.Excuse],
    status: str,
) -> model.Quote:
    start, end = fingerprint.sentence_span(document, finding.start)
    mark = fingerprint.fingerprint(document, finding)
    reason = _reason(finding, excuses.get((finding.rule, mark)))
    return model.Quote(
        paragraph=paragraphs.number(finding.start) + 1,
        sentence=_cut(document.text[start:end], finding.start - start, finding.end - start).replace("\n", ""),
        words=document.text[finding.start : finding.end].replace("\n", ""),  # a text draft's hard wraps
        rule=finding.rule,
        article=finding.article,
        message=finding.message,
        fingerprint=mark,
        reason=reason,
        status=status,
    )


def _reason(finding: Finding, excuse: model.Excuse | None) -> model.Reason | None:
    carried = getattr(finding, "exception", None)  # once findings carry their exception themselves
    source = carried or excuse
    if source is None:
        return None
    return model.Reason(
        str(source.reason), str(getattr(source, "who", "") or ""), str(getattr(source, "when", "") or "")
    )


def _cut(sentence: str, start: int, end: int) -> str:
    stripped = sentence.strip()
    if len(stripped) <= MAX_SENTENCE:
        return stripped
    lead = max(0, min(start - 40, len(sentence) - MAX_SENTENCE))
    cut = sentence[lead : lead + MAX_SENTENCE].strip()
    return ("……" if lead > 0 else "") + cut + ("……" if lead + MAX_SENTENCE < len(sentence) else "")


@dataclass(frozen=True)
class _Scope:
    """What decides whether a row's rules could speak at all."""

    document: Document
    settings: Settings
    parents_given: bool
    direction: str  # the 行文方向 the check used, "" when it read none


def _row(number: int, spec: RowSpec, quotes: list[model.Quote], rules: list[Rule], scope: _Scope) -> model.Row:
    ids = tuple(r.id for r in rules)
    if quotes:
        conclusion = model.TO_REVISE if any(q.reason is None for q in quotes) else model.EXPLAINED
        return model.Row(number + 1, spec.item, spec.clauses, ids, conclusion, tuple(quotes), spec.manual)
    conclusion, note = model.NOT_FOUND, spec.manual
    switched_on = [r for r in rules if r.enabled and scope.settings.enabled(r.id)]
    topics = {r.id: topics_of(r, scope.document, scope.settings) for r in switched_on}
    # rules that concern demands on lower levels stand down for a 上行文/平行文 (``Rule.directions``)
    other_way = [
        r
        for r in switched_on
        if scope.direction and scope.direction not in getattr(r, "directions", (scope.direction,))
    ]
    if not rules:
        conclusion, note = model.MANUAL, spec.manual or "尚无可自动判断的规则，由评估人核实。"
    elif not switched_on:
        conclusion, note = model.MANUAL, f"规则 {'、'.join(ids)} 已停用，由评估人核实。"
    elif spec.needs_parent and not scope.parents_given:
        conclusion, note = model.MANUAL, "未提供上位文件（--parent），无法比对，由评估人核实。"
    elif all(topics.values()):
        named = "、".join(dict.fromkeys(t for found in topics.values() for t in found))
        note = f"本文件是{named}专门文件，依第3条可以提出具体要求。"
    elif len(other_way) == len(switched_on):
        note = f"本文件为{scope.direction}，不向下级提出要求，此项规则不适用。"
    return model.Row(number + 1, spec.item, spec.clauses, ids, conclusion, (), note)


def _overall(rows: tuple[model.Row, ...], manual: tuple[model.ManualCheck, ...]) -> tuple[str, str]:
    to_revise = [r for r in rows if r.conclusion == model.TO_REVISE]
    explained = [r for r in rows if r.conclusion == model.EXPLAINED]
    by_hand = sum(1 for r in rows if r.conclusion == model.MANUAL) + len(manual)
    tail = f"另有 {by_hand} 项须人工核实。" if by_hand else ""
    if to_revise:
        numbers = "、".join(str(r.number) for r in to_revise)
        count = sum(1 for r in to_revise for q in r.quotes if q.reason is None)
        return model.TO_REVISE, (
            f"第{numbers}项共 {count} 处与为基层减负要求不一致，应当修改或说明理由后重新评估。{tail}"
        )
    if explained:
        count = sum(len(r.quotes) for r in explained)
        return model.EXPLAINED, f"未发现需修改的内容；{count} 处已说明理由，理由见各项。{tail}"
    return model.NOT_FOUND, f"未发现与为基层减负要求不一致的内容。{tail}"
