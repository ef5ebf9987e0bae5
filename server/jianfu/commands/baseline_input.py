"""``--baseline``: the earlier draft (read and checked like the new one) or a previous JSON result."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from jianfu import settings as settings_mod
from jianfu.baseline import BaselineError, Earlier, from_findings, json_lookup
from jianfu.model import Document
from jianfu.rules import Rule
from jianfu.settings import Settings


def load(
    raw: str, rules: Sequence[Rule], settings_for: Callable[[Path], Settings], parents: Sequence[Document], drafts: int
) -> Callable[[str | None], list[Earlier]]:
    """The earlier findings for a new draft's file name. Raises ``BaselineError`` (Chinese) when unusable."""
    from jianfu.engine import Checker
    from jianfu.text.readers import ReadError, read_path

    path = Path(raw)
    if not path.is_file():
        raise BaselineError(f"基线文件 {raw} 不存在。请指定旧稿（.docx、.txt 等）或上次的 JSON 结果。")
    if path.suffix.lower() == ".json":
        try:
            payload = json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise BaselineError(f"基线文件 {raw} 不是有效的 JSON（{exc}）。") from None
        try:
            return json_lookup(payload)
        except BaselineError as exc:
            raise BaselineError(f"基线文件 {raw} {exc}") from None
    if drafts > 1:
        raise BaselineError("以旧稿作基线时只能检查一份新稿；多份文稿请用上次的 JSON 结果（--format json）作基线。")
    try:
        document = read_path(path)
        findings = Checker(rules, settings_for(path)).check(document, parents).findings
    except ReadError as exc:
        raise BaselineError(f"基线文件 {raw} 无法读取：{exc}") from None
    except settings_mod.SettingsError as exc:
        raise BaselineError(str(exc)) from None
    earlier = from_findings(document, findings)
    return lambda _name: earlier
