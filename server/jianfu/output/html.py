"""One self-contained HTML report (no external assets, works offline): totals, a bar chart of findings
by article (inline SVG), documents sorted by findings, and each document's findings with the excerpt
highlighted and the clause on hover."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any

from jianfu import __version__
from jianfu.output.rows import Row, rows_of
from jianfu.report import FileReport

STYLE = """
body{font:14px/1.6 "Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
h1{color:#c0392b;margin:0 0 4px}h2{margin-top:28px;border-bottom:1px solid #ddd}
.totals{display:flex;gap:16px;margin:12px 0}.totals div{background:#f6f6f6;padding:8px 14px;border-radius:6px}
.totals b{display:block;font-size:22px;color:#c0392b}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#c0392b;color:#fff}mark{background:#ffe08a;padding:0 1px}.error{color:#c0392b}
.rule{white-space:nowrap}.clause{cursor:help;border-bottom:1px dotted #888}
svg text{font-size:12px}
"""


def _chart(rows: list[Row]) -> str:
    counts = sorted(Counter(r.article for r in rows).items())
    if not counts:
        return "<p>没有发现问题。</p>"
    bar, gap, height, pad = 36, 14, 180, 18  # pad: room above the tallest bar for its count
    top = max(n for _, n in counts)
    width = len(counts) * (bar + gap) + gap
    parts = [
        f'<svg class="chart" role="img" aria-label="按条款统计的问题数" width="{width}" height="{height + pad + 40}">'
    ]
    for i, (article, n) in enumerate(counts):
        h = max(2, round(height * n / top))
        x = gap + i * (bar + gap)
        parts.append(
            f'<g class="bar" data-article="{article}"><title>第{article}条：{n} 个问题</title>'
            f'<rect x="{x}" y="{pad + height - h}" width="{bar}" height="{h}" fill="#c0392b"/>'
            f'<text x="{x + bar / 2}" y="{pad + height - h - 4}" text-anchor="middle">{n}</text>'
            f'<text x="{x + bar / 2}" y="{pad + height + 18}" text-anchor="middle">第{article}条</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render(reports: list[FileReport], copies: dict[str, str] | None = None, baseline: Any = None) -> str:
    """``copies``: a draft's path -> a link (relative to the report) to its annotated copy. ``baseline``
    (``--baseline``): each finding marked 新增 or 仍存在, and the resolved ones listed per draft."""
    rows = rows_of(reports)
    by_file: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_file[row.file].append(row)
    anchors = {id(report): f"doc{n}" for n, report in enumerate(reports)}
    copies = copies or {}
    errors = [r for r in reports if r.error]
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        "<title>减负检查报告</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>减负检查报告</h1>",
        f"<p>依据《整治形式主义为基层减负若干规定》，由 jianfu {escape(__version__)} 生成。</p>",
        '<div class="totals">',
        f"<div><b>{len(reports)}</b>份文稿</div>",
        f"<div><b>{len(rows)}</b>个问题</div>",
        f"<div><b>{len(by_file)}</b>份有问题</div>",
        f"<div><b>{len(errors)}</b>份无法读取</div>",
        "</div>",
        "<h2>按条款统计</h2>",
        _chart(rows),
        "<h2>各文稿</h2>",
        '<table class="documents"><thead><tr><th>文稿</th><th>问题数</th><th>说明</th>'
        + ("<th>批注副本</th>" if copies else "")
        + "</tr></thead><tbody>",
    ]
    for report in sorted(reports, key=lambda r: (-len(by_file.get(r.path, ())), r.path)):
        count = len(by_file.get(report.path, ()))
        note = f'<span class="error">{escape(report.error)}</span>' if report.error else ""
        name = f'<a href="#{anchors[id(report)]}">{escape(report.path)}</a>' if count else escape(report.path)
        link = copies.get(report.path)
        copy_cell = (
            (f'<td><a class="copy" href="{escape(link, quote=True)}">打开</a></td>' if link else "<td></td>")
            if copies
            else ""
        )
        out.append(f"<tr><td>{name}</td><td>{count}</td><td>{note}</td>{copy_cell}</tr>")
    out.append("</tbody></table>")
    for report in reports:
        own = by_file.get(report.path, [])
        statuses = baseline.statuses(report) if baseline else None
        if not own and not (statuses is not None and baseline.comparisons[report.path].resolved):
            continue
        out.append(f'<h2 id="{anchors[id(report)]}">{escape(report.path)}（{len(own)} 个问题）</h2>')
        if statuses is not None:
            out.append(_changes(baseline, report, statuses))
        change_head = "<th>变化</th>" if statuses is not None else ""
        out.append(
            f'<table class="findings"><thead><tr>{change_head}<th>位置</th><th>规则</th><th>问题与原文</th>'
            "<th>修改建议</th></tr></thead><tbody>"
        )
        for n, r in enumerate(own):
            change = f'<td class="change">{_CHANGE[statuses[n]]}</td>' if statuses is not None else ""
            out.append(
                f"<tr>{change}<td>{escape(r.place)}</td>"
                f'<td class="rule"><span class="clause" title="第{r.article}条：{escape(r.clause, quote=True)}">{escape(r.rule)} 第{r.article}条</span></td>'
                f"<td>{escape(r.message)}<br>…{escape(r.before)}<mark>{escape(r.excerpt)}</mark>{escape(r.after)}…</td>"
                f"<td>{escape(r.suggestion)}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</body></html>\n")
    return "".join(out)


_CHANGE = {"new": "新增", "remaining": "仍存在"}


def _changes(baseline: Any, report: FileReport, statuses: tuple[str, ...]) -> str:
    """与上一稿相比: the three groups' counts, and the findings the new draft no longer has."""
    resolved = baseline.comparisons[report.path].resolved
    counts = f"新增 {statuses.count('new')} 处，仍存在 {statuses.count('remaining')} 处，已解决 {len(resolved)} 处"
    items = "".join(
        f"<li>{escape(e.rule)} {f'原第{e.paragraph}段 ' if e.paragraph else ''}{escape(e.sentence or e.words)}</li>"
        for e in resolved
    )
    listed = f"<details><summary>已解决的问题</summary><ul>{items}</ul></details>" if items else ""
    return f'<p class="baseline">与 {escape(str(baseline.source))} 相比：{counts}。</p>{listed}'
