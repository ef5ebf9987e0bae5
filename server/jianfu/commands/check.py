"""``jianfu check``: plan (options, settings, parents, files, outputs), run the batch, emit the results.

Planning refuses bad options before any draft is read; running checks the drafts (streaming the text
report while they finish, ``check_run``); emitting renders every asked-for format from the registry
and writes it atomically (``check_emit``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jianfu.commands import EXIT_ERROR
from jianfu.commands.rules import load_rules
from jianfu.model import Document, Severity
from jianfu.output import check_formats as _check_formats  # noqa: F401 - registers the formats
from jianfu.output import registry
from jianfu.output.registry import Format
from jianfu.report import FileReport
from jianfu.settings import Settings

if TYPE_CHECKING:
    from jianfu.output.copies import AnnotatedCopies
    from jianfu.rules import Rule, RuleError


class PlanError(Exception):
    """The run cannot start; the message is the whole Chinese line for stderr."""


@dataclass
class Plan:
    outputs: list[tuple[Format, Path]]  # each -o with its format
    shown: Format  # the format written to stdout when there is no -o
    rules: list[Rule]
    rule_errors: list[RuleError]
    base: Settings
    config: Path | None
    parents: tuple[Document, ...]
    files: list[Path]
    missing: list[FileReport]  # inputs that matched nothing
    copies: AnnotatedCopies | None  # when --annotate asks for them
    annotate_dir: str | None
    jobs: int
    progress: bool
    baseline: Any = None  # BaselineRun, when --baseline names an earlier draft or result

    @property
    def streams(self) -> bool:
        """The report goes to stdout file by file, as the drafts are checked."""
        return not self.outputs and self.shown.render_file is not None


def check(args: argparse.Namespace) -> int:
    from jianfu.commands.check_emit import emit, render_outputs
    from jianfu.commands.check_run import run

    started = time.monotonic()
    try:
        plan = make_plan(args)
    except PlanError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_ERROR
    ran = run(plan, render=lambda reports: render_outputs(plan, reports))
    if ran is None:  # interrupted: nothing was written
        return 130
    return emit(plan, ran, started)


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


def make_plan(args: argparse.Namespace) -> Plan:
    from jianfu import batch

    try:
        outputs = output_plan(args.format, args.output or [])
    except ValueError as exc:
        raise PlanError(f"jianfu：参数错误：{exc}") from None
    if args.jobs < 1:
        raise PlanError("jianfu：参数错误：--jobs 应为正整数。")
    rules, rule_errors = load_rules(args.rules_dir)
    config = Path(args.config) if args.config else None
    base = _settings(args, config)
    parents = _parents(args.parent or [])
    files, missing = batch.collect(args.paths)
    overwritten = {path.resolve() for _, path in outputs} & {f.resolve() for f in files}
    if overwritten:
        raise PlanError(f"jianfu：参数错误：输出文件 {overwritten.pop()} 是要检查的文稿，不能覆盖。请换一个文件名。")
    copies = None
    if args.annotate:
        from jianfu.output.copies import AnnotatedCopies, is_annotated_copy

        outdir = Path(args.annotate).resolve()
        files = [f for f in files if not (f.resolve().is_relative_to(outdir) and is_annotated_copy(f))]  # a re-run
        try:
            copies = AnnotatedCopies(Path(args.annotate), files)
        except OSError as exc:
            raise PlanError(
                f"jianfu：无法在 {args.annotate} 写出批注副本（{exc.strerror}）。请检查路径和权限。"
            ) from None
    shown = registry.get(args.format or "text")
    progress = not args.no_progress and len(files) >= 2
    baseline = _baseline(args, rules, base, parents, files)
    return Plan(
        outputs=outputs,
        shown=shown,
        rules=rules,
        rule_errors=rule_errors,
        base=base,
        config=config,
        parents=parents,
        files=files,
        missing=missing,
        copies=copies,
        annotate_dir=args.annotate,
        jobs=args.jobs,
        progress=progress,
        baseline=baseline,
    )


def _baseline(
    args: argparse.Namespace, rules: list[Any], base: Settings, parents: tuple[Document, ...], files: list[Path]
) -> Any:
    if not getattr(args, "baseline", None):
        return None
    from jianfu.baseline import BaselineError
    from jianfu.commands.check_baseline import BaselineRun

    try:
        return BaselineRun(args, rules, base, parents, files)
    except BaselineError as exc:
        raise PlanError(f"jianfu：{exc}") from None


def _settings(args: argparse.Namespace, config: Path | None) -> Settings:
    from jianfu import settings as settings_mod

    base = settings_mod.Settings()
    try:
        if config:
            if not config.is_file():
                raise settings_mod.SettingsError(f"{config}：配置文件不存在。")
            base = settings_mod.load_file(config)
        return base.with_overrides(
            select=_split(args.select),
            ignore=_split(args.ignore),
            doc_type=args.doc_type,
            special_topics=tuple(args.special_topic) if args.special_topic else None,
            fail_on=Severity(args.fail_on) if args.fail_on else None,
        )
    except settings_mod.SettingsError as exc:
        raise PlanError(f"jianfu：{exc}") from None


def _parents(paths: list[str]) -> tuple[Document, ...]:
    from jianfu.text.readers import ReadError, read_path

    parents = []
    for parent_path in paths:
        try:
            parents.append(read_path(Path(parent_path)))
        except ReadError as exc:
            raise PlanError(f"jianfu：上位文件 {parent_path} 无法读取：{exc}") from None
    return tuple(parents)


def output_plan(fmt: str | None, outputs: list[str]) -> list[tuple[Format, Path]]:
    """(format, file) for each -o: --format for a single file, else each file's extension."""
    if not outputs:
        if fmt and registry.get(fmt).binary:
            raise ValueError(f"--format {fmt} 需要用 -o 指定输出文件，如 -o 问题清单{registry.get(fmt).suffixes[0]}。")
        return []
    if fmt and len(outputs) > 1:
        raise ValueError("指定多个 -o 时按各文件的扩展名决定格式，请去掉 --format。")
    plan = []
    for output in outputs:
        path = Path(output)
        chosen = registry.get(fmt) if fmt else registry.for_suffix(path.suffix)
        if chosen is None:
            known = "、".join(registry.known_suffixes())
            raise ValueError(f"无法从“{output}”的扩展名判断输出格式。请使用 {known} 之一，或用 --format 指定。")
        plan.append((chosen, path))
    if len({p.resolve() for _, p in plan}) < len(plan):
        raise ValueError("多个 -o 指向同一个文件。")
    return plan
