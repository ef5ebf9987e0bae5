"""What stands between the network and the handlers, as one small ASGI middleware.

* Host allow-list: a web page that re-binds its own DNS name to 127.0.0.1 still sends its own
  name in ``Host``; refusing unknown names keeps such pages away from the service.
* CORS only for configured origins (and the service's own); other origins are refused outright,
  so a foreign page cannot even make the service spend time on a "simple" request.
* Optional bearer token for ``/v1/`` (central deployments).
* Body size limit: the body is read here, counted, and replayed to the app, so the 413 is sent
  before any handler sees a byte of an oversized request (declared or chunked).
* Read timeout: a client that pauses longer than ``read_timeout`` while sending the body gets 408,
  so slow clients cannot hold the worker's connections.
* Last net: an unexpected error is logged as one line (no traceback, never the draft's text).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from jianfu.http.config import ServeConfig
from jianfu.http.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("jianfu.http")
ALLOW_METHODS = "GET, POST, OPTIONS"
ALLOW_HEADERS = "Authorization, Content-Type"


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, config: ServeConfig, token: str | None) -> None:
        self.app = app
        self.config = config
        self.hosts = config.host_names()
        self.origins = config.origins()
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if _host_name(host) not in self.hosts:
            await _reply(
                send,
                403,
                "host_not_allowed",
                "请求的主机名不在允许列表中，已拒绝。请通过 127.0.0.1 或 localhost 访问本服务；集中部署时用 --allowed-host 添加域名。",
            )
            return
        origin = headers.get("origin")
        cors: list[tuple[bytes, bytes]] = []
        if origin is not None:
            if not self._origin_allowed(origin, host):
                await _reply(
                    send,
                    403,
                    "origin_not_allowed",
                    f"不允许来自 {origin[:100]} 的跨域请求。如需允许，请用 --cors-origin 添加该来源。",
                )
                return
            cors = [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
            if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
                await _send(
                    send,
                    204,
                    cors
                    + [
                        (b"access-control-allow-methods", ALLOW_METHODS.encode()),
                        (b"access-control-allow-headers", ALLOW_HEADERS.encode()),
                        (b"access-control-max-age", b"600"),
                    ],
                    b"",
                )
                return
        if self.token and scope["path"].startswith("/v1/") and not self._authorized(headers.get("authorization", "")):
            await _reply(
                send,
                401,
                "unauthorized",
                "缺少或错误的访问令牌。请在请求头中提供 Authorization: Bearer <令牌>（令牌向管理员索取）。",
                cors + [(b"www-authenticate", b"Bearer")],
            )
            return
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.config.max_body):
            await _reply(send, 413, "body_too_large", self._too_large(), cors)
            return
        try:
            body = await _read_body(receive, self.config.max_body, self.config.read_timeout)
        except TimeoutError:
            limit = f"{self.config.read_timeout:g}"
            message = f"请求内容超过 {limit} 秒没有传完，已断开。请检查网络后重试。"
            await _reply(send, 408, "request_timeout", message, [*cors, (b"connection", b"close")])
            return
        if body is None:  # the rest of a chunked body is not worth reading
            await _reply(send, 413, "body_too_large", self._too_large(), [*cors, (b"connection", b"close")])
            return
        try:
            await self.app(scope, _replay(body, receive), _with_headers(send, cors))
        except Exception as exc:  # noqa: BLE001 - the 500 is already sent; the log gets one line
            log.error("内部错误：%s %s 处理失败（%s）", scope["method"], scope["path"][:100], type(exc).__name__)

    def _origin_allowed(self, origin: str, host: str) -> bool:
        if origin.rstrip("/") in self.origins:
            return True
        # Same origin behind a reverse proxy: the Host already passed the allow-list.
        return origin != "null" and urlsplit(origin).netloc.lower() == host.lower()

    def _authorized(self, header: str) -> bool:
        scheme, _, value = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), self.token.encode())  # type: ignore[union-attr]

    def _too_large(self) -> str:
        limit = self.config.max_body / 1024 / 1024
        return f"请求内容超过 {limit:g} MB 上限，已拒绝。请拆分文稿后分别检查，或联系管理员调整 --max-body。"


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8737
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _read_body(receive: Receive, limit: int, timeout: float) -> bytes | None:
    """The whole body, None past ``limit``; TimeoutError when the client pauses over ``timeout`` s."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await asyncio.wait_for(receive(), timeout)
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # http.disconnect

    return replay


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    if not extra:
        return send

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = dict(message)
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return wrapped


async def _reply(
    send: Send, status: int, code: str, message: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    await _send(
        send,
        status,
        [(b"content-type", b"application/json; charset=utf-8"), *(headers or [])],
        error_body(code, message),
    )


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
