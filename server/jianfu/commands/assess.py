"""``jianfu assess``: the 与为基层减负一致性评估表 of each draft, and a summary for a batch."""

from __future__ import annotations

import argparse
import sys

from jianfu.commands import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

FORM_SUFFIX = "_一致性评估表"
SUMMARY_NAME = "评估汇总"
HELP = "出具与为基层减负一致性评估表（.docx .xlsx .html .json）"


def add_assess_command(sub: argparse._SubParsersAction, parser_class: type) -> None:  # type: ignore[type-arg]
    from jianfu.assessment import formats
    from jianfu.output import registry

    assess = sub.add_parser("assess", help=HELP, add_help=False)
    assess.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    assess.add_argument("paths", nargs="+", metavar="路径", help="要评估的文稿（.txt .md .docx 等）、文件夹或通配符")
    assess.add_argument(
        "-o",
        "--output",
        metavar="文件或文件夹",
        help=f"评估表写到这里（原子写入）：一份文稿时为文件，格式按扩展名（{registry.own_suffixes(formats.COMMAND)}）；"
        "多份文稿时为文件夹，每份文稿一张评估表，另有“评估汇总”。不指定时在终端显示",
    )
    assess.add_argument(
        "--format",
        choices=[f.name for f in formats.formats()],
        help="评估表格式（默认按 -o 的扩展名；输出到文件夹时默认 docx，在终端显示时默认 text）："
        + "；".join(f"{f.name} {f.description}" for f in formats.formats() if f.description),
    )
    assess.add_argument(
        "--baseline",
        metavar="文件",
        help="上一稿（文稿或 jianfu check/assess 的 JSON 结果）：标出新增、仍存在和已解决的问题",
    )
    assess.add_argument(
        "--parent", metavar="文件", action="append", help="上位文件，用于评估是否照搬照抄（可多次指定）"
    )
    assess.add_argument("--config", metavar="文件", help="配置文件；默认从每个文件所在文件夹向上查找 jianfu.toml")
    assess.add_argument(
        "--doc-type", choices=["auto", "general", "special", "comprehensive"], help="文件类型（默认 auto，按标题判断）"
    )
    assess.add_argument(
        "--special-topic", metavar="事项", action="append", help="声明本文件是某事项的专门文件（如 机构编制）"
    )
    assess.add_argument("--select", metavar="规则", help="只启用这些规则（逗号分隔，可用前缀）")
    assess.add_argument("--ignore", metavar="规则", help="停用这些规则（逗号分隔）；相应检查项改为人工核实")
    assess.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="并行进程数（默认 1）")
    assess.add_argument("--rules-dir", metavar="文件夹", help="使用另一套规则文件（默认使用内置规则）")


def assess(args: argparse.Namespace) -> int:
    from jianfu.commands import assess_plan as plan

    try:
        job = plan.prepare(args)
    except plan.PlanError as exc:
        sys.stderr.write(f"jianfu：{exc}\n")
        return EXIT_ERROR
    outcome = plan.run(job)
    for path, error in outcome.failed:
        sys.stderr.write(f"jianfu：{path} 无法评估：{error}\n")
    try:
        written = plan.write(job, outcome)
    except OSError as exc:
        sys.stderr.write(f"jianfu：无法写入评估表（{exc.strerror}：{exc.filename}）。请检查路径和权限。\n")
        return EXIT_ERROR
    if written:
        revise = sum(1 for a in outcome.assessments if a.conclusion == "需修改")
        sys.stderr.write(
            f"已写出评估表 {len(outcome.assessments)} 份（其中需修改 {revise} 份），无法评估 {len(outcome.failed)} 份：{written}\n"
        )
    if outcome.failed or outcome.rule_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome.failing else EXIT_CLEAN
