"""The form's output formats by name and suffix: a small dispatch, kept apart so that it can move into
the shared output registry (issue 11) as four registrations."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module

from jianfu.assessment import model


@dataclass(frozen=True)
class FormFormat:
    name: str
    suffix: str
    module: str  # imported on use: python-docx and openpyxl only when asked for

    @property
    def render(self) -> Callable[[model.Assessment], bytes]:
        return import_module(self.module).render  # type: ignore[no-any-return]

    @property
    def render_summary(self) -> Callable[[Sequence[model.Assessment | model.Unreadable]], bytes]:
        return import_module(self.module).render_summary  # type: ignore[no-any-return]


FORMATS = {
    f.name: f
    for f in (
        FormFormat("docx", ".docx", "jianfu.assessment.docx_form"),
        FormFormat("xlsx", ".xlsx", "jianfu.assessment.xlsx_form"),
        FormFormat("html", ".html", "jianfu.assessment.html_form"),
        FormFormat("json", ".json", "jianfu.assessment.json_form"),
    )
}
BY_SUFFIX = {f.suffix: f for f in FORMATS.values()} | {".htm": FORMATS["html"]}


def for_suffix(suffix: str) -> FormFormat | None:
    return BY_SUFFIX.get(suffix.lower())
