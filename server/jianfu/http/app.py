"""The ASGI app of ``jianfu serve`` (Starlette, served by uvicorn)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from jianfu.http import api
from jianfu.http.checking import Service
from jianfu.http.config import ENV_KEY, ServeConfig, ServeConfigError
from jianfu.http.errors import ApiError
from jianfu.http.security import SecurityMiddleware
from jianfu.settings import Settings, SettingsError, load_file

log = logging.getLogger("jianfu.http")


def build_service(config: ServeConfig) -> Service:
    base = Settings()
    if config.config_file:
        path = Path(config.config_file)
        if not path.is_file():
            raise ServeConfigError(f"配置文件 {path} 不存在。请检查 --config 的路径。")
        try:
            base = load_file(path)
        except SettingsError as exc:
            raise ServeConfigError(str(exc)) from None
    service, errors = Service.bundled(base)
    for error in errors:
        log.warning("规则文件有误，已跳过：%s", error)
    return service


def create_app(config: ServeConfig) -> SecurityMiddleware:
    from jianfu.wps.paths import addin_source

    service = build_service(config)
    addin = Path(config.addin_dir) if config.addin_dir else addin_source()
    app = Starlette(
        routes=[
            Route("/healthz", api.healthz, methods=["GET"]),
            Route("/openapi.json", api.openapi, methods=["GET"]),
            Route("/v1/rules", api.list_rules, methods=["GET"]),
            Route("/v1/rules/{rule_id}", api.get_rule, methods=["GET"]),
            Route("/v1/check", api.check, methods=["POST"]),
            Route("/v1/check-file", api.check_file, methods=["POST"]),
            Mount("/wps", StaticFiles(directory=addin, html=True, check_dir=False), name="wps"),
        ],
        exception_handlers={ApiError: api.api_error, HTTPException: api.http_error, Exception: api.server_error},
    )
    app.state.service = service
    app.state.refuse_classified = config.refuses_classified()
    return SecurityMiddleware(app, config, config.read_token())


def app_from_env() -> SecurityMiddleware:
    """uvicorn factory: every worker process builds the app from the options in the environment."""
    try:
        return create_app(ServeConfig.from_env())
    except ServeConfigError as exc:
        sys.stderr.write(f"jianfu：{exc}\n")
        raise SystemExit(2) from None


def run(config: ServeConfig, workers: int = 1) -> None:
    import uvicorn

    create_app(config)  # fail early, in this process, with a readable message
    os.environ[ENV_KEY] = config.to_env()
    uvicorn.run(
        "jianfu.http.app:app_from_env",
        factory=True,
        host=config.host,
        port=config.port,
        workers=workers,
        access_log=config.access_log,
        server_header=False,
        log_level="info",
    )
