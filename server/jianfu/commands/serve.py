"""``jianfu serve`` and ``jianfu wps``: the local HTTP service and the WPS add-in, as commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jianfu.commands import EXIT_CLEAN, EXIT_ERROR


def add_serve_commands(sub: argparse._SubParsersAction, parser_class: type) -> None:  # type: ignore[type-arg]
    serve = sub.add_parser("serve", help="启动本地检查服务（供 WPS 加载项、OA 系统调用）")
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1；非本机地址须加 --allow-remote）")
    serve.add_argument("--port", type=int, default=8737, help="端口（默认 8737）")
    serve.add_argument(
        "--allow-remote", action="store_true", help="允许监听非本机地址（集中部署；请配合 --token-file 和反向代理）"
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="主机名",
        help="额外允许的 Host 名称，如反向代理的域名（可多次指定）",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="来源",
        help="额外允许跨域访问的来源，如 https://oa.example.gov.cn（可多次指定）",
    )
    serve.add_argument("--token-file", metavar="文件", help="访问令牌文件：/v1/ 接口要求 Authorization: Bearer <令牌>")
    serve.add_argument("--config", metavar="文件", help="全单位统一的 jianfu.toml")
    serve.add_argument("--workers", type=int, default=1, metavar="N", help="工作进程数（默认 1）")
    serve.add_argument("--max-body", type=float, default=5, metavar="MB", help="请求大小上限（MB，默认 5）")
    serve.add_argument(
        "--read-timeout",
        type=float,
        default=5,
        metavar="秒",
        help="客户端发送请求内容时停顿超过此秒数即断开（HTTP 408，默认 5）",
    )
    serve.add_argument(
        "--allow-classified",
        action="store_true",
        help="服务供多台电脑共用（非本机地址或设置了 --allowed-host）时，仍接收开头标有密级（秘密、机密、绝密、内部）的文稿；须经保密管理部门批准",
    )
    serve.add_argument("--addin-dir", metavar="文件夹", help="从该文件夹提供 /wps/ 加载项文件（开发加载项时用）")
    serve.add_argument("--no-access-log", action="store_true", help="不记录访问日志（日志从不包含文稿内容）")
    serve.add_argument("--log-file", metavar="文件", help="把日志追加写入该文件（Windows 计划任务无控制台时使用）")

    wps = sub.add_parser("wps", help="WPS 加载项：打包、为当前用户安装或卸载")
    wps_sub = wps.add_subparsers(dest="wps_command", metavar="操作", parser_class=parser_class, required=True)
    package = wps_sub.add_parser(
        "package", help="生成离线加载项：jianfu_<版本>/ 文件夹、.zip、publish.xml 与 jsplugins.xml"
    )
    package.add_argument("-o", "--output", default="dist-wps", metavar="文件夹", help="输出文件夹（默认 dist-wps）")
    package.add_argument(
        "--online-url", default="http://127.0.0.1:8737/wps/", metavar="地址", help="jsplugins.xml 在线条目的地址"
    )
    package.add_argument("--download-base", metavar="地址", help="jsplugins.xml 离线条目中压缩包所在的内网地址")
    install = wps_sub.add_parser(
        "install", help="为当前用户安装加载项（复制到 WPS 的 jsaddons 文件夹并登记到 publish.xml）"
    )
    install.add_argument(
        "--online",
        metavar="地址",
        nargs="?",
        const="http://127.0.0.1:8737/wps/",
        help="改为在线方式：登记本地服务的 /wps/ 地址，不复制文件",
    )
    uninstall = wps_sub.add_parser("uninstall", help="为当前用户卸载加载项（只删除本加载项的文件和登记）")
    for command in (package, install, uninstall):
        command.add_argument("--source", metavar="文件夹", help="加载项源文件夹（默认使用随 jianfu 安装的加载项）")
    for command in (install, uninstall):
        command.add_argument("--jsaddons", metavar="文件夹", help="WPS 的 jsaddons 文件夹（默认按系统自动确定）")


def serve(args: argparse.Namespace) -> int:
    from jianfu.http.config import ServeConfig, ServeConfigError, is_loopback, is_wildcard

    if not (is_loopback(args.host) or args.allow_remote):
        sys.stderr.write(
            f"jianfu：--host {args.host} 不是本机地址。集中部署时请同时加 --allow-remote，并建议配合 --token-file 与 TLS 反向代理。\n"
        )
        return EXIT_ERROR
    if (
        args.workers < 1
        or not 0 < args.max_body <= 1024
        or not 0 < args.port < 65536
        or not 0 < args.read_timeout <= 3600
    ):
        sys.stderr.write(
            "jianfu：参数错误：--workers 应为正整数，--max-body 应在 0 到 1024 MB 之间，--port 应在 1 到 65535 之间，--read-timeout 应在 0 到 3600 秒之间。\n"
        )
        return EXIT_ERROR
    if not is_loopback(args.host) and not args.token_file:
        sys.stderr.write("jianfu：提醒：服务对网络开放但未设置 --token-file，任何能访问该地址的人都可以调用。\n")
    if is_wildcard(args.host) and not args.allowed_host:
        sys.stderr.write(
            "jianfu：提醒：监听所有地址时，请用 --allowed-host 写明访问本服务所用的域名或地址，否则只接受 localhost。\n"
        )
    config = ServeConfig(
        host=args.host,
        port=args.port,
        allowed_hosts=tuple(args.allowed_host),
        cors_origins=tuple(args.cors_origin),
        token_file=args.token_file,
        config_file=args.config,
        max_body=int(args.max_body * 1024 * 1024),
        addin_dir=args.addin_dir,
        access_log=not args.no_access_log,
        read_timeout=args.read_timeout,
        allow_classified=args.allow_classified,
    )
    if config.refuses_classified():
        sys.stderr.write(
            "jianfu：服务供多台电脑共用，开头标有密级的文稿将被拒绝（HTTP 403）；如经批准，可加 --allow-classified。\n"
        )
    if args.log_file:
        try:
            log = open(args.log_file, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
        except OSError as exc:
            sys.stderr.write(f"jianfu：无法写入日志文件 {args.log_file}（{exc.strerror}）。\n")
            return EXIT_ERROR
        sys.stdout = sys.stderr = log
    try:
        from jianfu.http.app import run  # starlette and uvicorn only on this path

        run(config, workers=args.workers)
    except ServeConfigError as exc:
        sys.stderr.write(f"jianfu：{exc}\n")
        return EXIT_ERROR
    return EXIT_CLEAN


def wps(args: argparse.Namespace) -> int:
    from jianfu.wps import package as package_mod
    from jianfu.wps import publish
    from jianfu.wps.paths import addin_source, jsaddons_dir

    source = Path(args.source) if args.source else addin_source()
    try:
        if args.wps_command == "package":
            built = package_mod.build(source, Path(args.output), args.online_url, args.download_base)
            for label, path in (
                ("加载项文件夹", built.folder),
                ("压缩包", built.archive),
                ("publish.xml", built.publish_xml),
                ("jsplugins.xml", built.jsplugins_xml),
            ):
                sys.stdout.write(f"{label}：{path}\n")
            return EXIT_CLEAN
        target = Path(args.jsaddons) if args.jsaddons else jsaddons_dir()
        if args.wps_command == "install":
            done = publish.install(target, source, online_url=args.online)
            where = done.folder or done.entry["url"]
            sys.stdout.write(
                f"已为当前用户安装 WPS 加载项：{where}\n已登记到 {target / publish.PUBLISH}。请重新启动 WPS 文字。\n"
            )
            return EXIT_CLEAN
        name = package_mod.read_meta(source).name if source.is_dir() else "jianfu"
        removed = publish.uninstall(target, name)
        sys.stdout.write(
            "已卸载：\n" + "".join(f"  {p}\n" for p in removed) if removed else "没有找到已安装的 jianfu 加载项。\n"
        )
        return EXIT_CLEAN
    except (package_mod.PackageError, publish.PublishError) as exc:
        sys.stderr.write(f"jianfu：{exc}\n")
        return EXIT_ERROR
    except OSError as exc:
        sys.stderr.write(f"jianfu：无法写入 {exc.filename}（{exc.strerror}）。请检查权限。\n")
        return EXIT_ERROR
