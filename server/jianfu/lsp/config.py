"""Editor settings: the `jianfu` section (initializationOptions, workspace/configuration). The check
session overlays the workspace's `jianfu.toml` on them: jianfu.toml wins, office IT tunes rules there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jianfu import settings as settings_mod
from jianfu.settings import Settings, SettingsError

# Client-only settings (how the editor starts the server) are accepted and ignored here.
CLIENT_ONLY = {"server", "documentSelector", "trace"}
DEFAULT_DEBOUNCE_MS = 150
DEFAULT_MAX_DIAGNOSTICS = 1000


@dataclass(frozen=True)
class LspSettings:
    base: Settings = field(default_factory=Settings)
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    max_diagnostics: int = DEFAULT_MAX_DIAGNOSTICS  # per document; one more says how many were left out


def from_client(data: Any) -> LspSettings:
    """Validate the client's `jianfu` section; raise SettingsError (Chinese) if invalid."""
    if data is None:
        return LspSettings()
    if not isinstance(data, dict):
        raise SettingsError(f"编辑器设置 jianfu 应为对象，收到的是 {type(data).__name__}。")
    data = {k: v for k, v in data.items() if k not in CLIENT_ONLY}
    debounce = data.pop("debounceMs", data.pop("debounce_ms", DEFAULT_DEBOUNCE_MS))
    if not isinstance(debounce, int) or isinstance(debounce, bool) or debounce < 0:
        raise SettingsError(f"编辑器设置 jianfu.debounceMs 的值 {debounce!r} 无效，应为不小于 0 的整数（毫秒）。")
    cap = data.pop("maxDiagnostics", data.pop("max_diagnostics", None))
    cap = DEFAULT_MAX_DIAGNOSTICS if cap is None else cap
    if not isinstance(cap, int) or isinstance(cap, bool) or cap < 0:
        raise SettingsError(
            f"编辑器设置 jianfu.maxDiagnostics 的值 {cap!r} 无效，应为不小于 0 的整数（每个文稿最多显示几处问题）。"
        )
    data = {k: v for k, v in data.items() if v is not None or k == "specialTopics"}
    return LspSettings(settings_mod.from_mapping(data, source="编辑器设置 jianfu"), debounce, cap)
