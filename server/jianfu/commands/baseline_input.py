"""``--baseline``: the earlier draft (read and checked like the new one) or a previous JSON result."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from jianfu.baseline import BaselineError, Earlier, from_findings, from_json
from jianfu.model import Document
from jianfu.rules import Rule
from jianfu.settings import Settings


def load(
    raw: str, rules: Sequence[Rule], settings_for: Callable[[Path], Settings], parents: Sequence[Document], drafts: int
) -> Callable[[str], list[Earlier]]:
    """The earlier findings for a new draft's path. Raises ``BaselineError`` (Chinese) when unusable."""
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
        if not isinstance(payload, dict) or not isinstance(payload.get("files", payload.get("assessments")), list):
            raise BaselineError(f"基线文件 {raw} 不是 jianfu check 或 jianfu assess 输出的 JSON 结果。")
        return lambda name: from_json(payload, name)
    if drafts > 1:
        raise BaselineError("以旧稿作基线时只能检查一份新稿；多份文稿请用上次的 JSON 结果（--format json）作基线。")
    try:
        document = read_path(path)
    except ReadError as exc:
        raise BaselineError(f"基线文件 {raw} 无法读取：{exc}") from None
    findings = Checker(rules, settings_for(path)).check(document, parents).findings
    earlier = from_findings(document, findings)
    return lambda _name: earlier
