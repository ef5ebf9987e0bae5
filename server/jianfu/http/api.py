"""Starlette handlers of API v1: each reads the request, calls ``checking``, returns JSON."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from jianfu.http import checking
from jianfu.http.errors import ApiError, error_response, json_response
from jianfu.records import rule_detail_record, rule_record
from jianfu.text.docx import header_texts
from jianfu.text.readers import DOCX_SUFFIXES, TEXT_SUFFIXES, ReadError, read_bytes

_ZIP_MAGIC = b"PK\x03\x04"


def _service(request: Request) -> checking.Service:
    return request.app.state.service  # type: ignore[no-any-return]


async def healthz(request: Request) -> Response:
    return json_response(checking.health(_service(request)))


async def list_rules(request: Request) -> Response:
    rules = sorted(_service(request).rules, key=lambda r: (r.article, r.id))
    return json_response({"version": checking.API_VERSION, "rules": [rule_record(r) for r in rules]})


async def get_rule(request: Request) -> Response:
    rule_id = request.path_params["rule_id"]
    rule = _service(request).rules_by_id.get(rule_id.upper())
    if rule is None:
        raise ApiError(404, "rule_not_found", f"没有编号为 {rule_id[:40]} 的规则。可通过 GET /v1/rules 查看全部规则。")
    return json_response(rule_detail_record(rule))


async def check(request: Request) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(
            415, "unsupported_media_type", '请以 Content-Type: application/json 发送，如 {"text": "文稿全文"}。'
        )
    data = checking.parse_json(await request.body())
    service = _service(request)
    document, paragraphs = checking.document_from_request(data)
    if request.app.state.refuse_classified:
        checking.refuse_classified(document)
    settings, parents = checking.settings_from_request(data.get("settings"), service.settings)
    payload = await run_in_threadpool(checking.check_response, service, document, paragraphs, settings, parents)
    return json_response(payload)


async def check_file(request: Request) -> Response:
    content_type = request.headers.get("content-type", "").lower()
    if not content_type.startswith("multipart/form-data"):
        raise ApiError(415, "unsupported_media_type", "请以 multipart/form-data 上传文件，文件字段名为 file。")
    try:
        form = await request.form(max_files=1, max_fields=4)
    except HTTPException:
        raise ApiError(
            400,
            "invalid_form",
            "上传内容格式有误（multipart/form-data 无法解析）。请只上传一个文件（字段 file）和可选的 settings。",
        ) from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(
            422, "invalid_request", "缺少文件字段 file。请以 multipart/form-data 上传 .docx、.txt 或 .md 文件。"
        )
    data = await upload.read()
    suffix = _suffix(upload.filename, data)
    raw_settings: Any = form.get("settings")
    service = _service(request)
    settings, parents = checking.settings_from_request(
        checking.parse_json(raw_settings.encode("utf-8"))
        if isinstance(raw_settings, str) and raw_settings.strip()
        else None,
        service.settings,
    )
    try:
        document = await run_in_threadpool(read_bytes, data, suffix, None)
    except ReadError as exc:
        raise ApiError(400, "unreadable_file", f"上传的文件无法读取：{exc}") from None
    if request.app.state.refuse_classified:
        headers = header_texts(data) if suffix in DOCX_SUFFIXES else []
        checking.refuse_classified(document, headers)
    paragraphs = checking.paragraphs_of(document)
    payload = await run_in_threadpool(checking.check_response, service, document, paragraphs, settings, parents)
    payload["paragraphs"] = [p.text for p in document.paragraphs]
    if document.notes:
        payload["notes"] = list(document.notes)
    return json_response(payload)


def _suffix(filename: str | None, data: bytes) -> str:
    """Only the suffix of the client's file name is used: the name never reaches the disk."""
    suffix = PurePath(filename.replace("\\", "/")).suffix.lower() if filename else ""
    if not suffix:
        suffix = DOCX_SUFFIXES[0] if data.startswith(_ZIP_MAGIC) else ".txt"
    if suffix not in TEXT_SUFFIXES + DOCX_SUFFIXES:
        raise ApiError(
            415,
            "unsupported_file_type",
            f"不支持的文件类型“{suffix}”。请上传 .docx、.txt 或 .md 文件（.doc/.wps 请先另存为 .docx）。",
        )
    return suffix


async def openapi(request: Request) -> Response:
    from jianfu.http.openapi import schema

    return json_response(schema())


# --- error handlers -------------------------------------------------------------------------


async def api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return error_response(404, "not_found", f"没有这个地址：{request.url.path[:100]}。接口说明见 /openapi.json。")
    if exc.status_code == 405:
        return error_response(405, "method_not_allowed", f"{request.url.path[:100]} 不支持 {request.method} 请求。")
    return error_response(exc.status_code, "http_error", f"请求有误（HTTP {exc.status_code}）。")


async def server_error(request: Request, exc: Exception) -> Response:
    return error_response(
        500, "internal_error", "服务内部错误，本次检查未完成。请重试；如反复出现，请把服务日志交给管理员。"
    )
