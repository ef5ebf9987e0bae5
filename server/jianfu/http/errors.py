"""The error shape of API v1: ``{"error": {"code": ..., "message": <Chinese>}}``."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse


class ApiError(Exception):
    """Raised by handlers; turned into a JSON error response."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class SafeJSONResponse(JSONResponse):
    """UTF-8 JSON; a lone surrogate (sent by the client as ``\\ud800``) goes back escaped, never a 500."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode("utf-8")


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return SafeJSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def json_response(payload: Any) -> JSONResponse:
    return SafeJSONResponse(payload)
