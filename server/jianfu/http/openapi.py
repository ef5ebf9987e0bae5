"""The OpenAPI 3.1 description of API v1, served at /openapi.json (docs/http-api.md says the same in prose).

Tests validate real responses against these schemas, so the description cannot drift from the service.
"""

from __future__ import annotations

from typing import Any

from jianfu import __version__
from jianfu.http.checking import FINDING_KEYS
from jianfu.kinds import KIND_MODULES

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NNINT = {"type": "integer", "minimum": 0}


def _obj(properties: dict[str, Any], required: list[str] | None = None, extra: bool = False) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": extra,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


RULE_FIELDS: dict[str, Any] = {
    "id": {"type": "string", "pattern": "^JF\\d{3,4}$"},
    "title": _STR,
    "article": {"type": "integer", "minimum": 1, "maximum": 21},
    "clause": _STR,
    "severity": {"enum": ["error", "warning", "info", "hint"]},
    "kind": {"enum": list(KIND_MODULES)},  # every kind the rules can use: a new kind cannot be forgotten here
    "message": _STR,
    "why": _STR,
    "suggestion": _STR,
    "doc_url": _STR,
}

SCHEMAS: dict[str, Any] = {
    "Error": _obj({"error": _obj({"code": _STR, "message": _STR})}),
    "Health": _obj({"status": {"const": "ok"}, "version": _STR, "rules": _NNINT}),
    "Rule": _obj(RULE_FIELDS),
    "RuleDetail": _obj(
        {
            **RULE_FIELDS,
            "examples": _obj({"flag": {"type": "array", "items": _STR}, "pass": {"type": "array", "items": _STR}}),
        }
    ),
    "RuleList": _obj({"version": {"const": 1}, "rules": {"type": "array", "items": _ref("Rule")}}),
    "Settings": _obj(
        {
            "doc_type": {
                "enum": ["auto", "general", "special", "comprehensive"],
                "description": "文件类型，默认 auto（按标题判断）",
            },
            "direction": {
                "enum": ["auto", "上行文", "平行文", "下行文"],
                "description": "行文方向，默认 auto（按文种、主送机关判断）；上行文、平行文不检查对下级的要求",
            },
            "parent_text": {"type": "string", "description": "上位文件全文，用于检查照搬照抄"},
            "select": {"type": "array", "items": _STR, "description": "只启用这些规则（编号或前缀）"},
            "ignore": {"type": "array", "items": _STR, "description": "停用这些规则；与服务端配置的 ignore 合并"},
            "special_topics": {"type": "array", "items": _STR, "description": "本文件是这些事项的专门文件"},
            "exceptions": {
                "type": "array",
                "items": _ref("ExceptionEntry"),
                "description": "说明理由并保留的问题（与 jianfu.toml 的 [[exception]] 相同；与服务配置中的相加）",
            },
        },
        required=[],
    ),
    "CheckRequest": {
        "oneOf": [
            _obj({"text": _STR, "settings": _ref("Settings")}, required=["text"]),
            _obj(
                {
                    "paragraphs": {
                        "type": "array",
                        "items": _STR,
                        "description": "WPS 段落文字，去掉末尾的 \\r；服务以 \\n 连接",
                    },
                    "settings": _ref("Settings"),
                },
                required=["paragraphs"],
            ),
        ]
    },
    "Section": _obj({"name": _STR, "heading": _STR, "start": _NNINT, "end": _NNINT, "chars": _NNINT, "budget": _NNINT}),
    "Stats": _obj(
        {
            "body_chars": _NNINT,
            "limit": {"type": ["integer", "null"]},
            "doc_type": {"enum": ["general", "special", "comprehensive"]},
            "sections": {"type": "array", "items": _ref("Section")},
        }
    ),
    "ExceptionEntry": _obj(
        {
            "rule": _STR,
            "fingerprint": {"type": "string", "pattern": "^JF\\d{3,4}:[0-9a-f]{12}$"},
            "reason": _STR,
            "who": _STR,
            "when": _STR,
        },
        required=["rule", "fingerprint", "reason"],
    ),
    "ExceptionRequest": _obj(
        {
            "text": _STR,
            "paragraphs": {"type": "array", "items": _STR},
            "settings": _ref("Settings"),
            "finding": {"type": "string", "description": "检查结果中该问题的 id（如 JF301:31:39）"},
            "reason": {"type": "string", "maxLength": 500},
            "who": {"type": "string", "maxLength": 100},
        },
        required=["finding", "reason"],
    ),
    "ExceptionRecorded": _obj(
        {
            "recorded": {"type": "boolean", "description": "服务以 --config 启动时写入该 jianfu.toml 为 true"},
            "config": {"type": ["string", "null"]},
            "exception": _ref("ExceptionEntry"),
        }
    ),
    "Fix": _obj({"title": _STR, "start": _NNINT, "end": _NNINT, "replacement": _STR}),
    "Finding": _obj(
        {
            "id": {"type": "string", "description": "本次响应内唯一：rule:start:end"},
            "rule": RULE_FIELDS["id"],
            "article": RULE_FIELDS["article"],
            "clause": _STR,
            "severity": RULE_FIELDS["severity"],
            "message": _STR,
            "suggestion": _STR,
            "text": {"type": "string", "description": "命中的文字"},
            "start": {**_NNINT, "description": "在连接后全文中的位置（Unicode 码位）"},
            "end": _NNINT,
            "start_utf16": {**_NNINT, "description": "在连接后全文中的位置（UTF-16 单元）"},
            "end_utf16": _NNINT,
            "paragraph": {**_NNINT, "description": "段落序号（从 0 开始）"},
            "paragraph_start_utf16": {**_NNINT, "description": "在该段内的位置（UTF-16 单元）"},
            "paragraph_end_utf16": _NNINT,
            "truncated": {"const": True, "description": "跨段的问题截断到第一段时为 true"},
            "exception": _obj(
                {"reason": _STR, "who": _STR, "when": _STR},
                # present only on a finding kept with a reason: shown as 已说明理由, severity info
            ),
            "fix": {"oneOf": [{"type": "null"}, _ref("Fix")]},
        },
        required=list(FINDING_KEYS),  # the fields every response finding carries (http/checking)
    ),
    "CheckResponse": _obj(
        {"version": {"const": 1}, "stats": _ref("Stats"), "findings": {"type": "array", "items": _ref("Finding")}}
    ),
    "CheckFileResponse": _obj(
        {
            "version": {"const": 1},
            "stats": _ref("Stats"),
            "findings": {"type": "array", "items": _ref("Finding")},
            "paragraphs": {"type": "array", "items": _STR},
            "notes": {
                "type": "array",
                "items": _STR,
                "description": "读者应知道的说明，如 .docx 含 DOCTYPE 实体声明、实体未展开",
            },
        },
        required=["version", "stats", "findings", "paragraphs"],
    ),
}


def _json(name: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": _ref(name)}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {
        400: "请求格式有误",
        401: "缺少或错误的令牌",
        403: "主机名或来源不被允许，或共用的服务拒收标有密级的文稿",
        404: "不存在",
        408: "请求内容发送超时（--read-timeout）",
        413: "请求超过大小上限",
        415: "内容类型或文件类型不支持",
        422: "字段或设置无效",
        500: "服务内部错误",
    }
    return {str(c): {"description": text[c], **_json("Error")} for c in codes}


def schema() -> dict[str, Any]:
    common = (401, 403, 500)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "jianfu 本地检查服务",
            "version": __version__,
            "description": "按《整治形式主义为基层减负若干规定》检查公文草稿。说明见 docs/http-api.md。",
        },
        "servers": [{"url": "http://127.0.0.1:8737"}],
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "仅在以 --token-file 启动时需要"}
            },
        },
        "security": [{}, {"bearer": []}],
        "paths": {
            "/healthz": {
                "get": {
                    "summary": "服务状态",
                    "security": [],
                    "responses": {"200": {"description": "正常", **_json("Health")}},
                }
            },
            "/v1/rules": {
                "get": {
                    "summary": "全部规则",
                    "responses": {"200": {"description": "规则列表", **_json("RuleList")}, **_errors(*common)},
                }
            },
            "/v1/rules/{rule_id}": {
                "get": {
                    "summary": "一条规则及其例子",
                    "parameters": [{"name": "rule_id", "in": "path", "required": True, "schema": _STR}],
                    "responses": {"200": {"description": "规则", **_json("RuleDetail")}, **_errors(404, *common)},
                }
            },
            "/v1/check": {
                "post": {
                    "summary": "检查文稿文字",
                    "requestBody": {"required": True, **_json("CheckRequest")},
                    "responses": {
                        "200": {"description": "检查结果", **_json("CheckResponse")},
                        **_errors(400, 408, 413, 415, 422, *common),
                    },
                }
            },
            "/v1/exceptions": {
                "post": {
                    "summary": "说明理由：为一处问题记录例外（写入服务的 jianfu.toml，或返回给客户端保存）",
                    "requestBody": {"required": True, **_json("ExceptionRequest")},
                    "responses": {
                        "200": {"description": "记录的例外", **_json("ExceptionRecorded")},
                        **_errors(400, 404, 413, 415, 422, *common),
                    },
                }
            },
            "/v1/check-file": {
                "post": {
                    "summary": "检查上传的文件（.docx、.txt、.md）",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": _obj(
                                    {
                                        "file": {"type": "string", "format": "binary"},
                                        "settings": {"type": "string", "description": "Settings 的 JSON 文本"},
                                    },
                                    required=["file"],
                                )
                            }
                        },
                    },
                    "responses": {
                        "200": {"description": "检查结果及段落文字", **_json("CheckFileResponse")},
                        **_errors(400, 408, 413, 415, 422, *common),
                    },
                }
            },
        },
    }
