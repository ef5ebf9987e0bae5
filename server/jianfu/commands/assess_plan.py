"""``jianfu assess`` step by step: plan the outputs, check and assess each draft, write the forms.

Every form is rendered before any is written, and each is written atomically: an interrupted run
leaves the earlier forms or none, never half a file. One unreadable draft never stops the batch.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jianfu import batch
from jianfu import settings as settings_mod
from jianfu.assessment import formats, model
from jianfu.assessment.formats import FormSubject
from jianfu.baseline import BaselineError, Earlier
from jianfu.commands.assess import FORM_SUFFIX, SUMMARY_NAME
from jianfu.output.registry import Format
from jianfu.session import SettingsResolver


class PlanError(Exception):
    """The command cannot run as asked; the message is Chinese."""


@dataclass
class Job:
    files: list[Path]
    missing: list[tuple[str, str]]
    batch_job: batch.Job
    configs: SettingsResolver
    form_format: Format
    output: Path | None
    to_folder: bool
    baseline: Callable[[str | None], list[Earlier]] | None
    jobs: int
    rule_errors: int
    rules_dir: Path | None = None


@dataclass
class Outcome:
    entries: list[model.Assessment | model.Unreadable] = field(default_factory=list)
    sources: dict[int, Path] = field(default_factory=dict)  # index in entries -> the draft
    failing: bool = False  # a finding at or above fail_on (exit 1, like jianfu check)
    rule_errors: int = 0

    @property
    def assessments(self) -> list[model.Assessment]:
        return [e for e in self.entries if isinstance(e, model.Assessment)]

    @property
    def failed(self) -> list[tuple[str, str]]:
        return [(e.path, e.error) for e in self.entries if isinstance(e, model.Unreadable)]


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


def prepare(args: argparse.Namespace) -> Job:
    from jianfu.commands.rules import load_rules
    from jianfu.text.readers import ReadError, read_path

    if args.jobs < 1:
        raise PlanError("参数错误：--jobs 应为正整数。")
    rules, rule_errors = load_rules(args.rules_dir)
    config = Path(args.config) if args.config else None
    try:
        if config and not config.is_file():
            raise settings_mod.SettingsError(f"{config}：配置文件不存在。")
        base = settings_mod.load_file(config) if config else settings_mod.Settings()
        base = base.with_overrides(
            select=_split(args.select),
            ignore=_split(args.ignore),
            doc_type=args.doc_type,
            special_topics=tuple(args.special_topic) if args.special_topic else None,
        )
    except (settings_mod.SettingsError, OSError) as exc:
        raise PlanError(str(exc)) from None
    parents = []
    for raw in args.parent or []:
        try:
            parents.append(read_path(Path(raw)))
        except ReadError as exc:
            raise PlanError(f"上位文件 {raw} 无法读取：{exc}") from None
    files, missing = batch.collect(args.paths)
    many = len(files) + len(missing) > 1 or any(Path(p).is_dir() for p in args.paths)
    form_format, output, to_folder = _outputs(args, many)
    if output is not None and not to_folder and output.resolve() in {f.resolve() for f in files}:
        raise PlanError(f"参数错误：输出文件 {output} 是要评估的文稿，不能覆盖。请换一个文件名。")
    if output is not None and to_folder:  # a re-run into a folder among the drafts: its forms are not drafts
        files = [f for f in files if not (f.resolve().is_relative_to(output.resolve()) and _is_form(f))]
    batch_job = batch.Job(tuple(rules), base, config, tuple(parents))
    configs = SettingsResolver(base, config=config)
    baseline = None
    if args.baseline:
        from jianfu.commands import baseline_input

        try:
            baseline = baseline_input.load(args.baseline, rules, configs.resolve, parents, len(files))
        except BaselineError as exc:
            raise PlanError(str(exc)) from None
    return Job(
        files,
        [(r.path, r.error or "") for r in missing],
        batch_job,
        configs,
        form_format,
        output,
        to_folder,
        baseline,
        args.jobs,
        len(rule_errors),
        Path(args.rules_dir) if args.rules_dir else None,
    )


def _outputs(args: argparse.Namespace, many: bool) -> tuple[Format, Path | None, bool]:
    """(format, where — None for the terminal, whether ``where`` is a folder of forms)."""
    chosen = formats.get(args.format) if args.format else None
    if args.output is None:
        if many:
            raise PlanError("参数错误：评估多份文稿时请用 -o 指定存放评估表的文件夹。")
        if chosen is not None and chosen.binary:
            example = f"一致性评估表{chosen.suffixes[0]}"
            raise PlanError(f"参数错误：--format {chosen.name} 需要用 -o 指定输出文件，如 -o {example}。")
        return chosen or formats.get("text"), None, False
    output = Path(args.output)
    by_suffix = formats.for_suffix(output.suffix)
    if many or output.is_dir() or (not output.suffix and chosen is None):
        if by_suffix is not None and not output.is_dir():
            raise PlanError(f"参数错误：评估多份文稿时 -o 应为文件夹（收到“{args.output}”）。")
        return chosen or formats.get("docx"), output, True
    if chosen is None and by_suffix is None:
        known = "、".join(f.suffixes[0] for f in formats.formats())
        raise PlanError(
            f"参数错误：无法从“{args.output}”的扩展名判断评估表格式。请使用 {known} 之一，或用 --format 指定。"
        )
    return chosen or by_suffix, output, False  # type: ignore[return-value]


def run(job: Job) -> Outcome:
    from jianfu.assessment import checklist
    from jianfu.assessment.build import build
    from jianfu.baseline import NEW, compare

    form = checklist.load(job.rules_dir)
    outcome = Outcome(rule_errors=job.rule_errors)
    outcome.entries.extend(model.Unreadable(path, error) for path, error in job.missing)
    rules = list(job.batch_job.rules)
    for report in batch.run(job.files, job.batch_job, jobs=job.jobs):
        if report.error or report.document is None or report.result is None:
            outcome.entries.append(model.Unreadable(report.path, report.error or "无法读取。"))
            continue
        source = Path(report.source)
        try:
            settings = job.configs.resolve(source)
        except settings_mod.SettingsError as exc:
            outcome.entries.append(model.Unreadable(report.path, str(exc)))
            continue
        statuses, resolved = None, None
        if job.baseline is not None:
            try:
                comparison = compare(report.document, report.result.findings, job.baseline(source.name))
            except BaselineError as exc:
                outcome.entries.append(model.Unreadable(report.path, str(exc)))
                continue
            names = {NEW: model.NEW}
            statuses = {i: names.get(s, model.REMAINING) for i, s in enumerate(comparison.statuses)}
            resolved = [model.Resolved(e.rule, e.sentence or e.words, e.paragraph) for e in comparison.resolved]
        assessment = build(
            report.path,
            report.document,
            report.result,
            rules,
            form,
            settings,
            parents_given=bool(job.batch_job.parents),
            exceptions=getattr(settings, "exceptions", ()),  # [[exception]] in jianfu.toml, once settings read it
            statuses=statuses,
            resolved=resolved,
        )
        outcome.sources[len(outcome.entries)] = source
        outcome.entries.append(assessment)
        fail_on = settings.fail_on.rank
        outcome.failing |= any(f.severity.rank >= fail_on for f in report.result.findings)
    return outcome


def write(job: Job, outcome: Outcome) -> str | None:
    """Render everything, then write each file atomically. Returns where the forms went (None: terminal)."""
    from jianfu.writeout import write_atomic

    fmt = job.form_format
    if job.output is None:
        subject = FormSubject(form=outcome.assessments[0]) if len(outcome.assessments) == 1 else None
        sys.stdout.write(formats.render(fmt, subject or FormSubject(entries=outcome.entries)).decode("utf-8"))
        return None
    if not job.to_folder:
        if not outcome.assessments:
            return None
        write_atomic(job.output, formats.render(fmt, FormSubject(form=outcome.assessments[0])))
        return str(job.output)
    order = sorted(outcome.sources)
    names = _form_names([outcome.sources[i] for i in order], fmt.suffixes[0])
    rendered = [
        (job.output / names[outcome.sources[i]], formats.render(fmt, FormSubject(form=outcome.entries[i])))  # type: ignore[arg-type]
        for i in order
    ]
    summary = formats.render(fmt, FormSubject(entries=outcome.entries))
    rendered.append((job.output / f"{SUMMARY_NAME}{fmt.suffixes[0]}", summary))
    for path, data in rendered:
        write_atomic(path, data)
    return str(job.output)


def _is_form(path: Path) -> bool:
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return stem.endswith(FORM_SUFFIX) or stem == SUMMARY_NAME


def _form_names(sources: list[Path], suffix: str) -> dict[Path, Path]:
    """``草稿_一致性评估表.docx``, mirroring sub-folders below the drafts' common folder; a clash
    (草稿.docx and 草稿.txt) keeps each draft's own extension in the name."""
    if not sources:
        return {}
    root = Path(os.path.commonpath([s.resolve().parent for s in sources]))
    stems = [s.resolve().relative_to(root).with_suffix("") for s in sources]
    clashes = {stem for stem in stems if stems.count(stem) > 1}
    names = {}
    for source, stem in zip(sources, stems, strict=True):
        base = stem.parent / (source.name if stem in clashes else stem.name)
        names[source] = base.parent / f"{base.name}{FORM_SUFFIX}{suffix}"
    return names
