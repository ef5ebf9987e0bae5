"""POST /v1/exceptions: 说明理由 for one finding of a draft, as the WPS pane's button sends it.

The service checks the draft again, finds the finding by its ``id`` and records an ``[[exception]]``
(rule, sentence fingerprint, reason, who, when). Started with ``--config jianfu.toml``, it writes
the entry there (atomically) and every later check applies it; otherwise it returns the entry
for the client to keep and send back in ``settings.exceptions``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jianfu import fingerprint
from jianfu.http import checking
from jianfu.http.errors import ApiError
from jianfu.reasoned_toml import record_in_file
from jianfu.settings import SettingsError, load_file

MAX_REASON = 500
RECORD_KEYS = ("finding", "reason", "who")


def record(service: checking.Service, data: Any, config: Path | None, *, refuse_classified: bool) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", '请求内容应为 JSON 对象，如 {"text": …, "finding": …, "reason": …}。')
    finding_id, reason, who = (data.get(key) for key in RECORD_KEYS)
    if not isinstance(finding_id, str) or not finding_id:
        raise ApiError(422, "invalid_request", "缺少 finding：检查结果中该问题的 id（如 JF301:31:39）。")
    if not isinstance(reason, str) or not reason.strip():
        raise ApiError(422, "invalid_request", "缺少 reason：请写明保留这处表述的理由。")
    if len(reason) > MAX_REASON or (who is not None and (not isinstance(who, str) or len(who) > 100)):
        raise ApiError(422, "invalid_request", f"reason 不超过 {MAX_REASON} 字，who 应为不超过 100 字的字符串。")
    draft = {k: v for k, v in data.items() if k not in RECORD_KEYS}
    document, _paragraphs = checking.document_from_request(draft)
    if refuse_classified:
        checking.refuse_classified(document)
    settings, parents = checking.settings_from_request(draft.get("settings"), service.settings)
    result = service.check(document, settings, parents)
    found = next((f for f in result.findings if f"{f.rule}:{f.start}:{f.end}" == finding_id), None)
    if found is None:
        raise ApiError(
            404,
            "finding_not_found",
            f"文稿中没有 id 为 {finding_id[:40]} 的问题（文稿可能已修改）。请重新检查后再说明理由。",
        )
    entry = {
        "rule": found.rule,
        "fingerprint": fingerprint.fingerprint(document, found),
        "reason": reason.strip(),
        "who": (who or "").strip(),
        "when": date.today().isoformat(),
    }
    entry = {k: v for k, v in entry.items() if v}
    if config is None:
        return {"recorded": False, "config": None, "exception": entry}
    try:
        record_in_file(config, entry)
        service.settings.set_base(load_file(config))  # this worker applies it from now on
    except (OSError, SettingsError) as exc:
        raise ApiError(500, "config_not_written", f"无法把例外写入 {config.name}：{exc}。请告知管理员。") from None
    return {"recorded": True, "config": config.name, "exception": entry}


def refresh(service: checking.Service, config: Path | None, seen: dict[str, Any]) -> None:
    """Another worker recorded an exception: re-read the service's jianfu.toml when it changed on disk."""
    if config is None:
        return
    try:
        status = config.stat()
    except OSError:
        return
    key = (status.st_mtime_ns, status.st_size)
    if seen.setdefault("key", key) != key:
        seen["key"] = key
        try:
            service.settings.set_base(load_file(config))
        except SettingsError:  # a hand edit gone wrong: keep checking by the last good settings
            pass
