"""一致性评估表.html: one self-contained page (no external assets) that prints like the office form."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from jianfu.assessment import cells, model

STYLE = """
body{font:15px/1.7 "仿宋","FangSong","STFangsong","Noto Serif CJK SC",serif;margin:24px auto;max-width:1100px;color:#000}
h1,h2,th{font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif}
h1{text-align:center;font-size:24px}h2{font-size:18px;margin-top:24px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:4px 6px;vertical-align:top;text-align:left}
td p{margin:0 0 4px}b.words{background:#ffe08a}.revise{color:#b00;font-weight:bold}
td.n,td.c{white-space:nowrap}.status{color:#555}
.sign span{display:inline-block;min-width:9em;border-bottom:1px solid #000;margin-right:3em}
@media print{body{margin:0;max-width:none}b.words{background:none}}
"""


def _lines(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.split("\n"))


def _quotes(quotes: tuple[model.Quote, ...]) -> str:
    out = []
    for heading, sentence, words in cells.quote_groups(quotes):
        body = "".join(
            f'<b class="words">{escape(t)}</b>' if flag else escape(t) for t, flag in cells.marked(sentence, words)
        )
        out.append(f"<p>{escape(heading)}{body}</p>")
    return "".join(out)


def _table(headings: Sequence[str], rows: list[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _row(row: model.Row) -> str:
    values = cells.row_values(row)
    quotes = _quotes(row.quotes) or _lines(values[4])
    revise = ' class="c revise"' if row.conclusion == model.TO_REVISE else ' class="c"'
    return (
        f'<tr data-conclusion="{escape(row.conclusion)}"><td class="n">{values[0]}</td><td>{escape(values[1])}</td>'
        f"<td>{_lines(values[2])}</td><td{revise}>{escape(values[3])}</td><td>{quotes}</td><td>{_lines(values[5])}</td></tr>"
    )


def _page(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>\n"
    ).encode()


def render(assessment: model.Assessment) -> bytes:
    facts = "".join(f"<tr><th>{escape(n)}</th><td>{escape(v)}</td></tr>" for n, v in cells.fact_pairs(assessment.facts))
    kinds = ("n", "", "", "c", "", "")  # 序号 and 评估结论 stay on one line
    manual = [
        "<tr>"
        + "".join(f'<td class="{k}">{_lines(v)}</td>' for k, v in zip(kinds, cells.manual_values(n, m), strict=True))
        + "</tr>"
        for n, m in enumerate(assessment.manual, 1)
    ]
    parts = [
        f"<h1>{cells.TITLE}</h1><p>{escape(cells.BASIS)}</p>",
        f"<h2>一、文件基本情况</h2><table>{facts}</table>",
        "<h2>二、逐项评估</h2>" + _table(cells.ROW_HEADINGS, [_row(r) for r in assessment.rows]),
        "<h2>三、人工核实事项（文稿文字无法判断，由评估人逐项核实）</h2>" + _table(cells.MANUAL_HEADINGS, manual),
    ]
    number = "四"
    if assessment.resolved is not None:
        items = "".join(f"<li>{escape(cells.resolved_line(r))}</li>" for r in assessment.resolved)
        parts.append(f"<h2>四、与上一稿相比已解决的问题（{len(assessment.resolved)} 处）</h2><ul>{items}</ul>")
        number = "五"
    parts.append(f"<h2>{number}、总体结论</h2><p>{escape(assessment.conclusion)}。{escape(assessment.summary)}</p>")
    sign = "".join(f"{name}：<span></span>" for name in model.SIGN_LINES)
    parts.append(f'<p class="sign">{sign}</p>')
    return _page(f"{cells.TITLE}：{assessment.facts.title}", "".join(parts))


def render_summary(entries: Sequence[model.Assessment | model.Unreadable]) -> bytes:
    rows = []
    for entry in entries:
        values = cells.summary_values(entry) if isinstance(entry, model.Assessment) else cells.unreadable_values(entry)
        rows.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
    return _page(
        "与为基层减负一致性评估汇总", "<h1>与为基层减负一致性评估汇总</h1>" + _table(cells.SUMMARY_HEADINGS, rows)
    )
