"""``jianfu check``: a batch of drafts, reports in every format, annotated copies."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from jianfu.commands import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from jianfu.commands.rules import load_rules
from jianfu.model import Severity


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


def check(args: argparse.Namespace) -> int:
    from jianfu import batch
    from jianfu import settings as settings_mod
    from jianfu.output import textout
    from jianfu.progress import Progress
    from jianfu.text.readers import ReadError, read_path
    from jianfu.writeout import write_atomic

    started = time.monotonic()
    try:
        outputs = _output_plan(args.format, args.output or [])
    except ValueError as exc:
        sys.stderr.write(f"jianfu：参数错误：{exc}\n")
        return EXIT_ERROR
    if args.jobs < 1:
        sys.stderr.write("jianfu：参数错误：--jobs 应为正整数。\n")
        return EXIT_ERROR
    rules, rule_errors = load_rules(args.rules_dir)
    base = settings_mod.Settings()
    config = Path(args.config) if args.config else None
    try:
        if config:
            if not config.is_file():
                raise settings_mod.SettingsError(f"{config}：配置文件不存在。")
            base = settings_mod.load_file(config)
        base = base.with_overrides(
            select=_split(args.select),
            ignore=_split(args.ignore),
            doc_type=args.doc_type,
            special_topics=tuple(args.special_topic) if args.special_topic else None,
            fail_on=Severity(args.fail_on) if args.fail_on else None,
        )
    except settings_mod.SettingsError as exc:
        sys.stderr.write(f"jianfu：{exc}\n")
        return EXIT_ERROR
    parents = []
    for parent_path in args.parent or []:
        try:
            parents.append(read_path(Path(parent_path)))
        except ReadError as exc:
            sys.stderr.write(f"jianfu：上位文件 {parent_path} 无法读取：{exc}\n")
            return EXIT_ERROR

    files, missing = batch.collect(args.paths)
    overwritten = {path.resolve() for _, path in outputs} & {f.resolve() for f in files}
    if overwritten:
        sys.stderr.write(f"jianfu：参数错误：输出文件 {overwritten.pop()} 是要检查的文稿，不能覆盖。请换一个文件名。\n")
        return EXIT_ERROR
    copies = None
    if args.annotate:
        from jianfu.review.copies import AnnotatedCopies, is_annotated_copy

        outdir = Path(args.annotate).resolve()
        files = [f for f in files if not (f.resolve().is_relative_to(outdir) and is_annotated_copy(f))]  # a re-run
        try:
            copies = AnnotatedCopies(Path(args.annotate), files)
        except OSError as exc:
            sys.stderr.write(f"jianfu：无法在 {args.annotate} 写出批注副本（{exc.strerror}）。请检查路径和权限。\n")
            return EXIT_ERROR
    job = batch.Job(tuple(rules), base, config, tuple(parents), copies.staged if copies else None)
    progress = Progress(len(files), enabled=None if not args.no_progress else False)
    if len(files) < 2:
        progress.enabled = False
    baseline = None
    if args.baseline:
        from jianfu.baseline import BaselineError
        from jianfu.commands.check_baseline import BaselineRun

        try:
            baseline = BaselineRun(args, rules, base, parents, files)
        except BaselineError as exc:
            sys.stderr.write(f"jianfu：{exc}\n")
            return EXIT_ERROR
    reports = list(missing)
    results = batch.run(files, job, jobs=args.jobs, on_done=lambda _r: progress.advance())
    try:
        stream_text = not outputs and (args.format or "text") == "text"
        color = stream_text and sys.stdout.isatty()
        if stream_text:
            sys.stdout.write("".join(textout.render_file(r) for r in missing))
        for report in results:
            if baseline:
                baseline.attach(report)
            reports.append(report)
            if stream_text:
                progress.clear()
                sys.stdout.write(textout.render_file(report, color=color) + (baseline.text(report) if baseline else ""))
        links = copies.links if copies else lambda _folder: None
        rendered = [(path, _render(fmt, reports, rules, links(path.parent), baseline)) for fmt, path in outputs]
    except KeyboardInterrupt:
        results.close()  # terminates worker processes before the staging folder goes
        progress.close()
        if copies:
            copies.discard()
        sys.stderr.write("\njianfu：已中断，未写出任何结果文件。\n")
        return 130
    except BaseException:
        results.close()
        if copies:
            copies.discard()
        raise
    progress.close()
    annotated = copies.commit(reports) if copies else None

    for path, data in rendered:
        try:
            write_atomic(path, data)
        except OSError as exc:
            sys.stderr.write(f"jianfu：无法写入 {path}（{exc.strerror}）。请检查路径和权限。\n")
            return EXIT_ERROR
    if not outputs and not stream_text:
        sys.stdout.write(_render(args.format, reports, rules, None, baseline).decode("utf-8"))

    failed = sum(1 for r in reports if r.error)
    total = sum(len(r.findings) for r in reports)
    if stream_text or outputs:
        sys.stdout.flush()
        sys.stderr.write(textout.render_summary(len(reports), total, failed, time.monotonic() - started))
    if baseline:
        sys.stderr.write(baseline.summary())
    if annotated is not None:
        sys.stderr.write(f"批注副本 {annotated} 份已写入 {args.annotate}。\n")
    if failed or rule_errors:
        return EXIT_ERROR
    fail_on = base.fail_on.rank
    if any(f.severity.rank >= fail_on for r in reports for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


FORMATS = {"text": ".txt", "json": ".json", "sarif": ".sarif", "xlsx": ".xlsx", "csv": ".csv", "html": ".html"}
_FORMAT_OF_SUFFIX = {suffix: fmt for fmt, suffix in FORMATS.items()} | {".htm": "html", ".text": "text"}
BINARY_FORMATS = ("xlsx",)


def _output_plan(fmt: str | None, outputs: list[str]) -> list[tuple[str, Path]]:
    """(format, file) for each -o: --format for a single file, else each file's extension."""
    if not outputs:
        if fmt in BINARY_FORMATS:
            raise ValueError(f"--format {fmt} 需要用 -o 指定输出文件，如 -o 问题清单.{fmt}。")
        return []
    if fmt and len(outputs) > 1:
        raise ValueError("指定多个 -o 时按各文件的扩展名决定格式，请去掉 --format。")
    plan = []
    for output in outputs:
        path = Path(output)
        chosen = fmt or _FORMAT_OF_SUFFIX.get(path.suffix.lower())
        if chosen is None:
            known = "、".join(sorted(_FORMAT_OF_SUFFIX))
            raise ValueError(f"无法从“{output}”的扩展名判断输出格式。请使用 {known} 之一，或用 --format 指定。")
        plan.append((chosen, path))
    if len({p.resolve() for _, p in plan}) < len(plan):
        raise ValueError("多个 -o 指向同一个文件。")
    return plan


def _render(fmt: str | None, reports, rules, copies: dict[str, str] | None = None, baseline=None) -> bytes:  # type: ignore[no-untyped-def]
    """The whole output in one format; ``copies`` links the HTML report to the annotated copies."""
    from jianfu.output import jsonout, sarif, textout

    if fmt == "json":
        data = jsonout.render(reports).encode("utf-8")
        return baseline.add_to_json(data, reports) if baseline else data
    if fmt == "sarif":
        return sarif.render(reports, rules).encode("utf-8")
    if fmt == "xlsx":
        from jianfu.review import xlsx

        return xlsx.render(reports)
    if fmt == "csv":
        from jianfu.review import csvout

        return csvout.render(reports)
    if fmt == "html":
        from jianfu.review import html

        return html.render(reports, copies).encode("utf-8")
    return "".join(textout.render_file(r) for r in reports).encode("utf-8")
