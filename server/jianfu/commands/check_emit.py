"""Emitting ``jianfu check``'s results: every format from the registry, files written atomically,
the summary line and the exit code."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from jianfu.commands import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from jianfu.output.check_formats import Emission
from jianfu.report import FileReport

if TYPE_CHECKING:
    from jianfu.commands.check import Plan
    from jianfu.commands.check_run import Ran


def render_outputs(plan: Plan, reports: list[FileReport]) -> list[tuple[Path, bytes]]:
    """Each -o file's bytes; the HTML report links each draft to its annotated copy. With --baseline
    the JSON and HTML carry the comparison with the earlier draft."""
    links = plan.copies.links if plan.copies else lambda _folder: None
    return [
        (path, fmt.encode(fmt.render(Emission(reports, plan.rules, links(path.parent), plan.baseline))))
        for fmt, path in plan.outputs
    ]


def emit(plan: Plan, ran: Ran, started: float) -> int:
    from jianfu.output import textout
    from jianfu.writeout import write_atomic

    reports = ran.reports
    for path, data in ran.rendered:
        try:
            write_atomic(path, data)
        except OSError as exc:
            sys.stderr.write(f"jianfu：无法写入 {path}（{exc.strerror}）。请检查路径和权限。\n")
            return EXIT_ERROR
    if not plan.outputs and not plan.streams:
        rendered = plan.shown.render(Emission(reports, plan.rules, baseline=plan.baseline))
        sys.stdout.write(rendered if isinstance(rendered, str) else rendered.decode("utf-8"))

    failed = sum(1 for r in reports if r.error)
    total = sum(len(r.findings) for r in reports)
    if plan.streams or plan.outputs:
        sys.stdout.flush()
        sys.stderr.write(textout.render_summary(len(reports), total, failed, time.monotonic() - started))
    if plan.baseline:
        sys.stderr.write(plan.baseline.summary())
    if ran.annotated is not None:
        sys.stderr.write(f"批注副本 {ran.annotated} 份已写入 {plan.annotate_dir}。\n")
    if failed or plan.rule_errors:
        return EXIT_ERROR
    fail_on = plan.base.fail_on.rank
    if any(f.severity.rank >= fail_on for r in reports for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
