"""The form as plain text, for the terminal (``jianfu assess 草稿.docx`` without ``-o``)."""

from __future__ import annotations

from collections.abc import Sequence

from jianfu.assessment import cells, model


def render(assessment: model.Assessment) -> str:
    lines = [cells.TITLE, ""]
    lines += [f"{name}：{value}" for name, value in cells.fact_pairs(assessment.facts)]
    lines.append("")
    for row in assessment.rows:
        lines.append(f"{row.number:>2}. {row.item}：{row.conclusion}")
        lines += [f"      {line}" for line in cells.quotes_text(row).split("\n") if row.quotes]
        lines += [f"      {line}" for line in cells.remarks(row).split("\n") if line]
    lines.append("")
    lines.append("人工核实：" + "、".join(m.item for m in assessment.manual))
    if assessment.resolved is not None:
        lines.append(f"与上一稿相比已解决 {len(assessment.resolved)} 处：")
        lines += [f"      {cells.resolved_line(r)}" for r in assessment.resolved]
    lines.append(f"总体结论：{assessment.conclusion}。{assessment.summary}")
    return "\n".join(lines) + "\n"


def render_summary(entries: Sequence[model.Assessment | model.Unreadable]) -> str:
    return "".join(
        render(e) + "\n" if isinstance(e, model.Assessment) else f"{e.path}：无法评估：{e.error}\n\n" for e in entries
    )
