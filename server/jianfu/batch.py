"""Check many files: collect paths, read each, run the engine, in one or several processes.

One bad file never stops a batch: its error is recorded in its ``FileReport``.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from jianfu import reasoned
from jianfu.model import Document
from jianfu.report import FileReport
from jianfu.rules import Rule
from jianfu.session import CheckSession
from jianfu.settings import Settings, SettingsError
from jianfu.shown import one_line
from jianfu.text.readers import SUFFIXES, ReadError


def collect(inputs: list[str]) -> tuple[list[Path], list[FileReport]]:
    """Files named, found in folders (recursively) or by glob; missing inputs become error reports."""
    files: list[Path] = []
    missing: list[FileReport] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = [f for f in sorted(path.rglob("*")) if f.suffix.lower() in SUFFIXES and not _hidden(f, path)]
            drafts = [f for f in found if f.is_file()]
            for draft in drafts:
                add(draft)
            if not drafts:  # e.g. a folder named 通知.docx: say so rather than check nothing in silence
                kinds = "、".join(SUFFIXES)
                missing.append(FileReport(raw, error=f"这是一个文件夹，其中没有可检查的文稿（{kinds}）。"))
        elif path.exists():
            add(path)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                missing.append(FileReport(raw, error="通配符没有匹配到任何文件。"))
            for match in matches:
                if Path(match).is_file():
                    add(Path(match))
        else:
            missing.append(FileReport(raw, error="文件或文件夹不存在。请检查路径。"))
    return files, missing


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in path.relative_to(root).parts)


@dataclass(frozen=True)
class Job:
    rules: tuple[Rule, ...]
    base: Settings
    config: Path | None  # --config; None: find jianfu.toml upward from each file
    parents: tuple[Document, ...]
    annotate_to: Mapping[str, str] | None = None  # input path -> where its annotated copy is written


def new_session(job: Job) -> CheckSession:
    return CheckSession(job.rules, job.base, config=job.config)


def check_file(path: Path, job: Job, session: CheckSession) -> FileReport:
    """One file's report; whatever goes wrong with this file stays in its report (the batch goes on)."""
    report = FileReport(str(path))
    if report.path != report.source:
        report.notes.append(_name_note(path))
    try:
        _check_into(report, path, job, session)
    except (ReadError, SettingsError) as exc:
        report.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not cost the others their reports
        detail = one_line(f"{type(exc).__name__}: {exc}", 200)
        report.document = report.result = None
        report.error = f"检查此文件时发生内部错误（{detail}），已跳过。请把此文件报告给维护者。"
    return report


def _name_note(path: Path) -> str:
    raw = os.fsencode(path.name)
    try:
        guess = f"（按 GBK 编码可读作“{raw.decode('gbk')}”）"
    except UnicodeDecodeError:
        guess = ""
    return f"文件名不是 UTF-8 编码{guess}，以 \\x 转义形式显示。建议改用 UTF-8 文件名。"


def _check_into(report: FileReport, path: Path, job: Job, session: CheckSession) -> None:
    checked = session.check_file(path, job.parents)
    document = report.document = checked.document
    report.result = checked.result
    if document.encoding not in (None, "utf-8", "utf-8-sig"):
        report.notes.append(f"按 {document.encoding.upper()} 编码读取。")
    report.notes.extend(document.notes)
    report.notes.extend(checked.notes)
    for failure in report.result.failures:
        report.notes.append(f"规则 {failure.rule} 运行出错，已跳过：{failure.error}")
    report.notes.extend(reasoned.stale_note(e) for e in report.result.stale)
    target = job.annotate_to.get(str(path)) if job.annotate_to else None
    if target:
        _write_annotated(report, checked.source, Path(target))


def _write_annotated(report: FileReport, source: bytes | None, target: Path) -> None:
    from jianfu.output.annotate import AnnotateError, annotated_docx

    assert report.document is not None
    try:
        data = annotated_docx(report.document, report.findings, source)
        with open(target, "xb") as stream:  # the staging folder must exist: never recreate it after an interrupt
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # complete on disk before it is moved to its final name
        report.annotated = str(target)
    except AnnotateError as exc:
        report.notes.append(str(exc))
    except OSError as exc:
        report.notes.append(f"无法写出批注副本（{exc.strerror}）。")


_worker_job: Job | None = None
_worker_session: CheckSession | None = None


def _init_worker(job: Job) -> None:
    global _worker_job, _worker_session
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it terminates the pool
    _worker_job, _worker_session = job, new_session(job)


def _work(path: Path) -> FileReport:
    assert _worker_job is not None and _worker_session is not None
    return check_file(path, _worker_job, _worker_session)


def run(
    files: list[Path], job: Job, jobs: int = 1, on_done: Callable[[FileReport], None] | None = None
) -> Iterator[FileReport]:
    """Reports in input order. Leaving early (Ctrl-C, an error) terminates the worker processes."""
    if jobs <= 1 or len(files) < 4:
        session = new_session(job)
        for path in files:
            report = check_file(path, job, session)
            if on_done:
                on_done(report)
            yield report
        return
    from multiprocessing import Pool  # only when needed: start-up stays lean

    # Small chunks: a worker sends its reports back only when its chunk is done, and when the files run out
    # the other workers wait for the last chunk; a chunk of a few drafts costs ~0.1 ms to hand over.
    chunk = max(1, min(4, len(files) // (jobs * 8)))
    with Pool(processes=jobs, initializer=_init_worker, initargs=(job,)) as pool:  # __exit__ terminates
        for report in pool.imap(_work, files, chunksize=chunk):
            if on_done:
                on_done(report)
            yield report


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
