"""The form's output formats, registered in the shared output registry under the command ``assess``.

A format renders a ``FormSubject``: one draft's form, or the summary of a batch. The writers are
imported on use, so python-docx and openpyxl load only when their format is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module

from jianfu.assessment import model
from jianfu.output import registry
from jianfu.output.registry import Format

COMMAND = "assess"


@dataclass(frozen=True)
class FormSubject:
    """What one output file shows: a draft's form, or (``form`` None) the summary of ``entries``."""

    form: model.Assessment | None = None
    entries: Sequence[model.Assessment | model.Unreadable] = ()


def _renderer(module: str):  # type: ignore[no-untyped-def]
    def render(subject: FormSubject) -> bytes | str:
        writer = import_module(module)
        if subject.form is not None:
            return writer.render(subject.form)  # type: ignore[no-any-return]
        return writer.render_summary(subject.entries)  # type: ignore[no-any-return]

    return render


for _name, _suffixes, _binary, _description in (
    ("docx", (".docx",), True, "仿宋／黑体表格，可在 WPS 文字、Word 中打开打印"),
    ("xlsx", (".xlsx",), True, "工作表"),
    ("html", (".html", ".htm"), False, "可离线打开的网页"),
    ("json", (".json",), False, "供程序读取，也可作下次 --baseline 的基线"),
    ("text", (".txt",), False, ""),
):
    if _name not in {f.name for f in registry.formats(COMMAND)}:
        registry.register(
            Format(_name, _suffixes, _renderer(f"jianfu.assessment.{_name}_form"), _binary, _description, COMMAND)
        )


def formats() -> list[Format]:
    return registry.formats(COMMAND)


def get(name: str) -> Format:
    return registry.get(name, COMMAND)


def for_suffix(suffix: str) -> Format | None:
    return registry.for_suffix(suffix, COMMAND)


def render(fmt: Format, subject: FormSubject) -> bytes:
    return fmt.encode(fmt.render(subject))
