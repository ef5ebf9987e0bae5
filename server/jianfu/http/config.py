"""Options of ``jianfu serve``, passed to every worker process through the environment."""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8737
DEFAULT_MAX_BODY = 5 * 1024 * 1024
DEFAULT_READ_TIMEOUT = 5.0  # seconds a client may pause while sending a body before it gets 408
ENV_KEY = "JIANFU_SERVE_CONFIG"  # uvicorn's --workers re-imports the app in new processes


class ServeConfigError(ValueError):
    """A serve option is invalid; the message is Chinese and says what to do."""


@dataclass(frozen=True)
class ServeConfig:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allowed_hosts: tuple[str, ...] = ()  # extra Host names, e.g. the reverse proxy's name
    cors_origins: tuple[str, ...] = ()  # extra origins; the service's own origin is always allowed
    token_file: str | None = None
    config_file: str | None = None  # organisation-wide jianfu.toml
    max_body: int = DEFAULT_MAX_BODY
    addin_dir: str | None = None  # serve the add-in from here instead of the installed package
    access_log: bool = True
    read_timeout: float = DEFAULT_READ_TIMEOUT
    allow_classified: bool = False  # accept drafts marked 秘密/机密/绝密/内部 even when others can reach the service

    def to_env(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ServeConfig:
        raw = (environ or os.environ).get(ENV_KEY)
        if not raw:
            return cls()
        data = json.loads(raw)
        for key in ("allowed_hosts", "cors_origins"):
            data[key] = tuple(data.get(key) or ())
        return cls(**data)

    def is_shared(self) -> bool:
        """Reachable from other computers: bound to a network address, or named by a reverse proxy."""
        return not is_loopback(self.host) or bool(self.allowed_hosts)

    def refuses_classified(self) -> bool:
        return self.is_shared() and not self.allow_classified

    def host_names(self) -> frozenset[str]:
        """Host header names (without port) the service answers to."""
        names = {"127.0.0.1", "localhost", "::1", "[::1]"}
        if not is_wildcard(self.host):
            names.add(self.host.lower())
            if ":" in self.host:
                names.add(f"[{self.host.lower()}]")
        names.update(h.lower() for h in self.allowed_hosts)
        return frozenset(names)

    def origins(self) -> frozenset[str]:
        own = {f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}", f"http://[::1]:{self.port}"}
        if not is_wildcard(self.host):
            host = f"[{self.host}]" if ":" in self.host else self.host
            own.add(f"http://{host}:{self.port}")
        return frozenset(own | {o.rstrip("/") for o in self.cors_origins})

    def read_token(self) -> str | None:
        if not self.token_file:
            return None
        try:
            token = Path(self.token_file).read_text("utf-8").strip()
        except OSError as exc:
            raise ServeConfigError(
                f"无法读取令牌文件 {self.token_file}（{exc.strerror}）。请检查路径和权限。"
            ) from None
        if len(token) < 16:
            raise ServeConfigError(
                f"令牌文件 {self.token_file} 中的令牌太短（至少 16 个字符）。可用 openssl rand -hex 32 生成。"
            )
        return token


def is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
