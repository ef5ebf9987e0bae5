"""Pure request -> engine -> response logic of API v1 (no server framework here, tested directly)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from jianfu import __version__
from jianfu.http.errors import ApiError
from jianfu.model import Document
from jianfu.positions import ParagraphIndex, TextIndex, paragraph_index
from jianfu.records import finding_record, pick, stats_record
from jianfu.session import CheckSession, SettingsResolver
from jianfu.settings import Settings, SettingsError
from jianfu.text.structure import parse

API_VERSION = 1
REQUEST_KEYS = ("text", "paragraphs", "settings")
# Settings a client may send; anything naming files on disk (parents, per_file_ignores) is refused.
CLIENT_SETTINGS = {"doc_type", "direction", "parent_text", "select", "ignore", "special_topics", "exceptions"}
_CAMEL = {"docType": "doc_type", "parentText": "parent_text", "specialTopics": "special_topics"}
NO_PATHS = "本服务只接受文稿文字或上传的文件，不读取服务器上的路径。"


# Rules, settings and the shared checker (its paragraph cache makes re-checks while typing cheap).
Service = CheckSession


# --- requests -------------------------------------------------------------------------------


MAX_NESTING = 32  # a request is an object of strings and lists: deeper is an attack, not a draft


def parse_json(body: bytes) -> Any:
    try:
        data = json.loads(body.decode("utf-8"))
    except RecursionError:
        raise _too_deep() from None
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_json", "请求内容不是 UTF-8 编码的 JSON。请以 UTF-8 发送。") from None
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "invalid_json",
            f'请求内容不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列附近）。请检查格式，示例：{{"text": "文稿全文"}}。',
        ) from None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise ApiError(400, "invalid_json", "请求内容中的数值超出范围。请按接口说明发送文稿与设置。") from None
    if _depth_over(data, MAX_NESTING):
        raise _too_deep()
    return data


def _too_deep() -> ApiError:
    return ApiError(
        400, "invalid_json", f"请求内容的 JSON 嵌套超过 {MAX_NESTING} 层，已拒绝。请按接口说明发送文稿与设置。"
    )


def _depth_over(data: Any, limit: int) -> bool:
    """Nesting deeper than ``limit`` (walked without recursion: the value may be ~1,000 levels deep)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return False


def document_from_request(data: Any) -> tuple[Document, ParagraphIndex]:
    """``{"text": ...}`` or ``{"paragraphs": [...]}`` -> the document and its paragraphs' positions."""
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", '请求内容应为 JSON 对象，如 {"text": "文稿全文"}。')
    unknown = [k for k in data if k not in REQUEST_KEYS]
    if unknown:
        raise ApiError(
            422, "invalid_request", f"不认识的字段“{unknown[0]}”。可用字段：text、paragraphs、settings。{NO_PATHS}"
        )
    if ("text" in data) == ("paragraphs" in data):
        raise ApiError(422, "invalid_request", "请提供 text（全文）或 paragraphs（段落列表）二者之一。")
    if "text" in data:
        text = data["text"]
        if not isinstance(text, str):
            raise ApiError(422, "invalid_request", "text 应为字符串。")
        document = parse(text)
        return document, paragraphs_of(document)
    paragraphs = data["paragraphs"]
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
        raise ApiError(422, "invalid_request", "paragraphs 应为字符串列表（每段一个字符串，不含段落标记）。")
    document = parse("\n".join(paragraphs), wrapped=False)  # WPS paragraphs are real paragraphs
    return document, TextIndex(document.text).paragraphs_of_lengths([len(p) for p in paragraphs])


def paragraphs_of(document: Document) -> ParagraphIndex:
    """The document's own paragraphs (a whole text, an uploaded file)."""
    return paragraph_index(document)


def settings_from_request(raw: Any, resolver: SettingsResolver) -> tuple[Settings, tuple[Document, ...]]:
    """Client settings over the service's (organisation) settings; ignores add up."""
    if raw is None:
        return resolver.base, ()
    if not isinstance(raw, dict):
        raise ApiError(422, "invalid_settings", "settings 应为 JSON 对象。")
    data: dict[str, Any] = {_CAMEL.get(str(k), str(k)): v for k, v in raw.items()}
    unknown = [k for k in data if k not in CLIENT_SETTINGS]
    if unknown:
        raise ApiError(
            422,
            "invalid_settings",
            f"settings 中不认识的设置项“{unknown[0]}”。可用：{'、'.join(sorted(CLIENT_SETTINGS))}。{NO_PATHS}",
        )
    parent_text = data.pop("parent_text", None)
    if parent_text is not None and not isinstance(parent_text, str):
        raise ApiError(422, "invalid_settings", "settings.parent_text（上位文件全文）应为字符串。")
    try:
        settings = resolver.overlay(data, source="settings")
    except SettingsError as exc:  # the message quotes the value: keep it short
        message = str(exc)
        raise ApiError(422, "invalid_settings", message if len(message) <= 300 else message[:299] + "…") from None
    if "exceptions" in data:  # a client's kept exceptions add to those of the service's jianfu.toml
        settings = replace(settings, exceptions=resolver.base.exceptions + settings.exceptions)
    parents = (parse(parent_text),) if parent_text and parent_text.strip() else ()
    return settings, parents


def refuse_classified(document: Document, headers: list[str] | None = None) -> None:
    """A shared service does not take drafts marked 秘密/机密/绝密/内部 (first lines or page header)."""
    from jianfu.classified import classified_mark

    mark = next(filter(None, map(classified_mark, [document.text, *(headers or ())])), None)
    if mark:
        raise ApiError(
            403,
            "classified_refused",
            f"文稿开头标有密级“{mark}”。本服务供多台电脑共用，不接收标有密级的文稿，文稿内容未作检查、未被记录。"
            "请在本机用 jianfu check 或本机的检查服务检查；如经保密管理部门批准，管理员可以 --allow-classified 启动服务。",
        )


# --- responses ------------------------------------------------------------------------------


FINDING_KEYS = (
    "id",
    "rule",
    "article",
    "clause",
    "severity",
    "message",
    "suggestion",
    "text",
    "start",
    "end",
    "start_utf16",
    "end_utf16",
    "paragraph",
    "paragraph_start_utf16",
    "paragraph_end_utf16",
    "fix",
)


def finding_dict(record: dict[str, Any], paragraphs: ParagraphIndex) -> dict[str, Any]:
    """A finding as the add-in reads it: UTF-16 offsets, from the start and within its paragraph."""
    start, end = record["start"], record["end"]
    where = paragraphs.locate(start, end)
    utf16 = paragraphs.index.utf16
    out = pick(
        {
            **record,
            "id": f"{record['rule']}:{start}:{end}",
            "start_utf16": utf16(start),
            "end_utf16": utf16(end),
            "paragraph": where.index,
            "paragraph_start_utf16": where.start_utf16,
            "paragraph_end_utf16": where.end_utf16,
        },
        FINDING_KEYS,
    )
    if where.truncated:
        out["truncated"] = True
    if record.get("exception"):  # kept on purpose: 已说明理由
        out["exception"] = record["exception"]
    return out


def check_response(
    service: Service,
    document: Document,
    paragraphs: ParagraphIndex,
    settings: Settings,
    parents: tuple[Document, ...],
) -> dict[str, Any]:
    result = service.check(document, settings, parents)
    return {
        "version": API_VERSION,
        "stats": stats_record(result.stats),
        "findings": [finding_dict(finding_record(f, document.text), paragraphs) for f in result.findings],
    }


def health(service: Service) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "rules": len(service.rules)}
