"""Validate responses against the OpenAPI document the service itself serves."""

from __future__ import annotations

from typing import Any

import jsonschema


def validate(openapi: dict[str, Any], name: str, instance: Any) -> None:
    schema = {"components": openapi["components"], "$ref": f"#/components/schemas/{name}"}
    jsonschema.Draft202012Validator(schema).validate(instance)


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def js_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` as JavaScript (UTF-16 units) would do it."""
    return utf16(text)[2 * start : 2 * end].decode("utf-16-le")


CHINESE = "\u4e00-\u9fff"


def has_chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)
