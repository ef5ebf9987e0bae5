"""The form's wording, shared by every writer: table headings and the text of each cell."""

from __future__ import annotations

from jianfu.assessment import model

TITLE = "与为基层减负一致性评估表"
BASIS = "依据：《整治形式主义为基层减负若干规定》（2024年8月）第3条“地方和部门制发文件应当进行与为基层减负一致性评估”"
ROW_HEADINGS = ("序号", "评估事项", "依据条款", "评估结论", "相关表述（所在段落）", "说明理由及备注")
MANUAL_HEADINGS = ("序号", "核实事项", "依据条款", "评估结论", "核实内容", "核实情况")  # columns as ROW_HEADINGS
SUMMARY_HEADINGS = ("文件", "标题", "文种", "行文方向", "字数", "总体结论", "需修改", "已说明理由", "人工核实", "备注")
CLEAN = "—"


def fact_pairs(facts: model.Facts) -> list[tuple[str, str]]:
    pairs = [("文件标题", facts.title), ("文种", facts.genre), ("行文方向", facts.direction_basis or facts.direction)]
    pairs += [(name, value) for name, value in (("主送机关", facts.addressee), ("发文机关", facts.issuers)) if value]
    return pairs + [("正文字数", facts.length), ("专门文件", facts.special)]


def quote_groups(quotes: tuple[model.Quote, ...]) -> list[tuple[str, str, list[str]]]:
    """(heading, sentence, flagged words) per quoted sentence: findings in one sentence are cited once."""
    groups: dict[tuple[int, str], list[model.Quote]] = {}
    for quote in quotes:
        groups.setdefault((quote.paragraph, quote.sentence), []).append(quote)
    out = []
    for (_, sentence), members in groups.items():
        statuses = "、".join(dict.fromkeys(q.status for q in members if q.status))
        rules = "、".join(dict.fromkeys(q.rule for q in members))
        heading = f"{f'［{statuses}］' if statuses else ''}{members[0].place}（{rules}）："
        out.append((heading, sentence, [q.words for q in members if q.words]))
    return out


def quote_line(quote: model.Quote) -> str:
    heading, sentence, _ = quote_groups((quote,))[0]
    return heading + sentence


def quotes_text(row: model.Row) -> str:
    return "\n".join(heading + sentence for heading, sentence, _ in quote_groups(row.quotes)) or CLEAN


def marked(sentence: str, words: list[str]) -> list[tuple[str, bool]]:
    """``sentence`` cut into (text, flagged) pieces, the flagged words marked where they first occur."""
    flags = [False] * len(sentence)
    for word in words:
        at = sentence.find(word)
        for i in range(at, at + len(word)) if at >= 0 else ():
            flags[i] = True
    pieces: list[tuple[str, bool]] = []
    for ch, flag in zip(sentence, flags, strict=True):
        if pieces and pieces[-1][1] == flag:
            pieces[-1] = (pieces[-1][0] + ch, flag)
        else:
            pieces.append((ch, flag))
    return pieces


def remarks(row: model.Row) -> str:
    lines = list(row.reasons)
    if row.note:
        lines.append(row.note)
    return "\n".join(lines)


def row_values(row: model.Row) -> tuple[str, ...]:
    return (str(row.number), row.item, row.basis, row.conclusion, quotes_text(row), remarks(row))


def manual_values(number: int, item: model.ManualCheck) -> tuple[str, ...]:
    return (str(number), item.item, item.clause.cited, item.conclusion, item.check, "")


def resolved_line(item: model.Resolved) -> str:
    place = f"原第{item.paragraph}段" if item.paragraph else "原稿"
    return f"{place}（{item.rule}）：{item.sentence}"


def summary_values(assessment: model.Assessment) -> tuple[str, ...]:
    facts = assessment.facts
    return (
        assessment.path,
        facts.title,
        facts.genre,
        facts.direction,
        facts.length,
        assessment.conclusion,
        str(assessment.count(model.TO_REVISE)),
        str(assessment.count(model.EXPLAINED)),
        str(assessment.count(model.MANUAL) + len(assessment.manual)),
        "",
    )


def unreadable_values(item: model.Unreadable) -> tuple[str, ...]:
    return (item.path, "", "", "", "", "无法评估", "", "", "", item.error)
