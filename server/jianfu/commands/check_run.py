"""Running ``jianfu check``: the batch, the progress bar, the text report streamed as drafts finish.

An interrupt (Ctrl-C) stops the workers, drops the staged annotated copies and writes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from jianfu.report import FileReport

if TYPE_CHECKING:
    from jianfu.commands.check import Plan


@dataclass
class Ran:
    reports: list[FileReport]
    rendered: list[tuple[Path, bytes]]  # each -o file's content, rendered before anything is written
    annotated: int | None  # annotated copies moved into place (None: none were asked for)


def run(plan: Plan, render: Callable[[list[FileReport]], list[tuple[Path, bytes]]]) -> Ran | None:
    """Check every file; ``render`` makes the -o outputs while an interrupt can still discard them.
    None when interrupted."""
    from jianfu import batch
    from jianfu.progress import Progress

    job = batch.Job(
        tuple(plan.rules), plan.base, plan.config, plan.parents, plan.copies.staged if plan.copies else None
    )
    progress = Progress(len(plan.files), enabled=None if plan.progress else False)
    reports = list(plan.missing)
    # a generator: closing it stops the worker processes
    results = cast(
        Generator[FileReport, None, None],
        batch.run(plan.files, job, jobs=plan.jobs, on_done=lambda _r: progress.advance()),
    )
    try:
        stream = plan.shown.render_file if plan.streams else None
        color = stream is not None and sys.stdout.isatty()
        if stream is not None:
            sys.stdout.write("".join(stream(r) for r in plan.missing))
        baseline = plan.baseline
        for report in results:
            if baseline:
                baseline.attach(report)
            reports.append(report)
            if stream is not None:
                progress.clear()
                sys.stdout.write(stream(report, color=color) + (baseline.text(report) if baseline else ""))
        rendered = render(reports)  # all of them before the first is written
    except KeyboardInterrupt:
        results.close()  # terminates worker processes before the staging folder goes
        progress.close()
        if plan.copies:
            plan.copies.discard()
        sys.stderr.write("\njianfu：已中断，未写出任何结果文件。\n")
        return None
    except BaseException:
        results.close()
        if plan.copies:
            plan.copies.discard()
        raise
    progress.close()
    annotated = plan.copies.commit(reports) if plan.copies else None
    return Ran(reports, rendered, annotated)
