"""The extension's settings mirror the server's one to one, with the same defaults."""

from __future__ import annotations

import json
import re
from dataclasses import MISSING, asdict, fields, is_dataclass
from pathlib import Path

from jianfu.settings import Settings

PACKAGE = Path(__file__).resolve().parents[2] / "clients" / "vscode" / "package.json"
CLIENT_ONLY = {"server.command", "server.pythonPath", "documentSelector", "trace.server"}


def _camel(name: str) -> str:
    return re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)


def _server_defaults() -> dict[str, object]:
    from jianfu.lsp.config import LspSettings  # the server's editor-only settings (debounce)

    out: dict[str, object] = {}
    for cls in (Settings, LspSettings):
        instance = cls()
        for f in fields(cls):
            if f.name == "base" or f.metadata.get("derived"):  # LspSettings wraps Settings; derived per file
                continue
            value = getattr(instance, f.name)
            if is_dataclass(value):
                value = asdict(value)
            elif isinstance(value, tuple):
                value = list(value)
            elif hasattr(value, "value"):
                value = value.value
            out[_camel(f.name)] = value
    return out


def _client_defaults() -> dict[str, object]:
    properties = json.loads(PACKAGE.read_text("utf-8"))["contributes"]["configuration"]["properties"]
    return {key.removeprefix("jianfu."): spec.get("default", MISSING) for key, spec in properties.items()}


def test_every_server_setting_has_a_client_setting_and_back() -> None:
    server = _server_defaults()
    client = {k: v for k, v in _client_defaults().items() if k not in CLIENT_ONLY}
    assert sorted(client) == sorted(server)


def test_defaults_agree() -> None:
    server = _server_defaults()
    client = _client_defaults()
    for key, value in server.items():
        assert client[key] == value, f"jianfu.{key}: package.json {client[key]!r} != server {value!r}"


def test_every_setting_is_described_in_both_languages() -> None:
    root = PACKAGE.parent
    english = json.loads((root / "package.nls.json").read_text("utf-8"))
    chinese = json.loads((root / "package.nls.zh-cn.json").read_text("utf-8"))
    assert english.keys() == chinese.keys()
    for text in re.findall(r'"%([^%]+)%"', PACKAGE.read_text("utf-8")):
        assert text in english, text
