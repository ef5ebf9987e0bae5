"""Where annotated copies go: ``原文件名_审查意见.docx`` under OUTDIR, written all at once.

Names mirror the drafts' sub-folders, never equal an input's path and never replace a file
that jianfu did not write (its copies carry ``annotate.MARKER``), so a re-run replaces only
its own copies.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote

from jianfu.output.annotate import MARKER
from jianfu.report import shown_path
from jianfu.writeout import sweep_stale

SUFFIX = "_审查意见.docx"
STAGING = ".jianfu-staging-"


def is_annotated_copy(path: Path) -> bool:
    """A copy jianfu wrote (name and marker both): an output that a re-run may replace, not a draft."""
    if not path.name.endswith(SUFFIX) or not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return MARKER.encode() in archive.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


class AnnotatedCopies:
    """Where each draft's copy goes, and the all-or-nothing move into OUTDIR.

    Workers write into a hidden staging folder inside OUTDIR; ``commit`` moves the copies to
    their names only when the whole batch is done, so an interrupted run leaves nothing behind.
    Names mirror the drafts' sub-folders and never equal an input's path.
    """

    def __init__(self, outdir: Path, inputs: list[Path]) -> None:
        outdir.mkdir(parents=True, exist_ok=True)
        sweep_stale(outdir, STAGING)  # what a killed run left behind
        self.staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=outdir))
        self.final = _plan_names(outdir, inputs)
        self.staged = {key: str(self.staging / f"{n}.docx") for n, key in enumerate(self.final)}

    def commit(self, reports: list) -> int:  # type: ignore[type-arg]
        """Move staged copies into place; returns how many. Reports then name the final paths."""
        moved = 0
        try:
            for report in reports:
                if report.annotated and report.source in self.final:
                    final = self.final[report.source]
                    final.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(report.annotated, final)
                    report.annotated = shown_path(str(final))
                    moved += 1
        finally:
            self.discard()
        return moved

    def links(self, folder: Path) -> dict[str, str]:
        """Each draft (as shown) with a copy -> the copy's path relative to ``folder`` (where a report is written).

        The link quotes the name's bytes, so it finds a copy whose name is not UTF-8.
        """
        return {
            shown_path(source): quote(
                os.fsencode(Path(os.path.relpath(self.final[source], folder.resolve())).as_posix())
            )
            for source, staged in self.staged.items()
            if Path(staged).exists()
        }

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _plan_names(outdir: Path, inputs: list[Path]) -> dict[str, Path]:
    if not inputs:
        return {}
    resolved = [p.resolve() for p in inputs]
    base = Path(os.path.commonpath([str(p.parent) for p in resolved]))
    taken = set(resolved)
    plan: dict[str, Path] = {}
    for path, full in zip(inputs, resolved, strict=True):
        folder = outdir / full.parent.relative_to(base)
        candidates = [path.stem, f"{path.stem}（{path.suffix.lstrip('.')}）"]
        candidates += [f"{path.stem}（{path.suffix.lstrip('.')}）-{n}" for n in range(2, 1000)]
        for stem in candidates:
            target = folder / (stem + SUFFIX)
            if target.resolve() not in taken and (not target.exists() or is_annotated_copy(target)):
                break  # never an input, never someone else's file
        taken.add(target.resolve())
        plan[str(path)] = target
    return plan
