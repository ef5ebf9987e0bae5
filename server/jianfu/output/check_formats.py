"""The formats of ``jianfu check``, registered (on import) in the order ``--format`` lists them.

Each renderer imports its module when it runs: openpyxl loads only for an .xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jianfu.output.registry import Format, register

if TYPE_CHECKING:  # the CLI builds its parser from this module: keep it light
    from jianfu.report import FileReport
    from jianfu.rules import Rule


@dataclass
class Emission:
    """What a check run hands every format."""

    reports: list[FileReport]
    rules: list[Rule] = field(default_factory=list)
    links: dict[str, str] | None = None  # draft (as shown) -> its annotated copy, relative to the output's folder
    baseline: Any = None  # --baseline: the comparison with the earlier draft (commands.check_baseline.BaselineRun)


def _text(emission: Emission) -> str:
    from jianfu.output import textout

    return "".join(textout.render_file(r) for r in emission.reports)


def _text_file(report: FileReport, color: bool = False) -> str:
    from jianfu.output import textout

    return textout.render_file(report, color=color)


def _json(emission: Emission) -> str | bytes:
    from jianfu.output import jsonout

    rendered = jsonout.render(emission.reports)
    return emission.baseline.add_to_json(rendered.encode("utf-8")) if emission.baseline else rendered


def _sarif(emission: Emission) -> str:
    from jianfu.output import sarif

    return sarif.render(emission.reports, emission.rules)


def _xlsx(emission: Emission) -> bytes:
    from jianfu.output import xlsx

    return xlsx.render(emission.reports)


def _csv(emission: Emission) -> bytes:
    from jianfu.output import csvout

    return csvout.render(emission.reports)


def _html(emission: Emission) -> str:
    from jianfu.output import html

    return html.render(emission.reports, emission.links, emission.baseline)


register(Format("text", (".txt", ".text"), _text, render_file=_text_file))
register(Format("json", (".json",), _json, description="供程序读取"))
register(Format("sarif", (".sarif",), _sarif, description="供程序读取"))
register(Format("xlsx", (".xlsx",), _xlsx, binary=True, description="为问题清单"))
register(Format("csv", (".csv",), _csv, description="为问题清单"))
register(Format("html", (".html", ".htm"), _html, description="为可离线打开的报告"))
