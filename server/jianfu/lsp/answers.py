"""Answers to the editor's questions about a checked draft: hover, code actions, code lenses.
Pure helpers over a DraftCheck, so that the handlers in server.py stay a few lines each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lsprotocol import types

from jianfu.lsp import actions, diagnostics, hover
from jianfu.lsp.state import DraftCheck
from jianfu.rules import Rule


def hover_at(check: DraftCheck, position: types.Position, rules: dict[str, Rule]) -> types.Hover | None:
    offset = check.positions.offset(position)
    # inclusive of the end: a cursor right after the flagged words still asks about them
    found = [f for f in check.result.findings if f.start <= offset <= f.end]
    if not found:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover.hover_markdown(found, rules)),
        range=check.positions.range(found[0].start, found[0].end),
    )


def code_actions(
    uri: str,
    check: DraftCheck,
    selection: types.Range,
    rules: dict[str, Rule],
    encoding: str,
    draft: Path | None,
    config_file: Path | None,
    open_text: Callable[[str], str | None],
) -> list[types.CodeAction]:
    start, end = check.positions.offset(selection.start), check.positions.offset(selection.end)
    start, end = min(start, end), max(start, end)  # a reversed selection is still a selection
    result: list[types.CodeAction] = []
    for index, finding in enumerate(check.result.findings):
        if finding.end < start or finding.start > end:
            continue
        diagnostic = check.shown.get(index)  # as published; only a finding past the cap needs one built
        if diagnostic is None:
            diagnostic = diagnostics.to_diagnostic(finding, check.positions, rules, encoding, check.parents)
        if (fix := actions.fix_action(uri, check.version, finding, check.positions, diagnostic)) is not None:
            result.append(fix)
        if draft is not None and config_file is not None:
            words = check.document.text[finding.start : finding.end]
            result += actions.config_actions(
                draft, config_file, finding, words, rules.get(finding.rule), diagnostic, open_text
            )
    return result


def code_lenses(check: DraftCheck) -> list[types.CodeLens]:
    stats = check.result.stats
    title_line = check.positions.position(check.document.title_span[0]).line if check.document.title_span else 0
    limit = f"{stats.limit}" if stats.limit is not None else "不限"
    over = stats.limit is not None and stats.body_chars > stats.limit
    lenses = [_lens(title_line, f"正文字数 {stats.body_chars}／{limit}{'（超出）' if over else ''}")]
    for section in stats.sections:
        line = check.positions.position(section.start).line
        mark = "（超出建议篇幅）" if section.chars > section.budget else ""
        lenses.append(_lens(line, f"{section.name} {section.chars}／{section.budget} 字{mark}"))
    return lenses


def _lens(line: int, title: str) -> types.CodeLens:
    position = types.Position(line=line, character=0)
    return types.CodeLens(
        range=types.Range(start=position, end=position), command=types.Command(title=title, command="")
    )
