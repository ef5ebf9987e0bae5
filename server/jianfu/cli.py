"""The ``jianfu`` command line: check drafts, list and explain rules, start the servers."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from jianfu import __version__
from jianfu.model import Severity

if TYPE_CHECKING:
    from jianfu.rules import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


_USAGE_ERRORS = [  # argparse's English messages, in Chinese
    (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (\S+) \(choose from (.+)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面需要一个值"),
    (r"argument (\S+): invalid int value: (\S+)", r"参数 \1 应为整数（收到 \2）"),
]


def _chinese_usage_error(message: str) -> str:
    import re

    for pattern, chinese in _USAGE_ERRORS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, chinese, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"

    def error(self, message: str) -> NoReturn:  # usage errors in Chinese, exit 2
        self.print_usage(sys.stderr)
        sys.stderr.write(f"jianfu：参数错误：{_chinese_usage_error(message)}\n运行 jianfu --help 查看用法。\n")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jianfu",
        description="减负：按《整治形式主义为基层减负若干规定》检查公文草稿。",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    parser.add_argument("--version", action="version", version=f"jianfu {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    check = sub.add_parser("check", help="检查文稿（文件、文件夹或通配符）", add_help=False)
    check.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    check.add_argument(
        "paths",
        nargs="+",
        metavar="路径",
        help="要检查的文件（.txt .md .docx；.doc .wps .odt 需 LibreOffice）、文件夹或通配符",
    )
    check.add_argument(
        "--format",
        choices=list(FORMATS),
        help="输出格式（默认 text，或按 -o 文件的扩展名）：json、sarif 供程序读取；xlsx、csv 为问题清单；html 为可离线打开的报告",
    )
    check.add_argument(
        "-o",
        "--output",
        metavar="文件",
        action="append",
        help="把结果写入文件（原子写入），默认输出到标准输出；可多次指定，按扩展名（.xlsx .csv .html .json .sarif .txt）决定格式",
    )
    check.add_argument(
        "--annotate",
        metavar="文件夹",
        help="为每份文稿在此文件夹生成带批注的 .docx 副本（文件名加“_审查意见”，原文件不改动）",
    )
    check.add_argument("--select", metavar="规则", help="只启用这些规则（逗号分隔，可用前缀，如 JF3）")
    check.add_argument("--ignore", metavar="规则", help="停用这些规则（逗号分隔）")
    check.add_argument("--config", metavar="文件", help="配置文件；默认从每个文件所在文件夹向上查找 jianfu.toml")
    check.add_argument("--parent", metavar="文件", action="append", help="上位文件，用于检查照搬照抄（可多次指定）")
    check.add_argument(
        "--doc-type",
        choices=["auto", "general", "special", "comprehensive"],
        help="文件类型：auto 按标题判断（默认）、general 一般、special 专项、comprehensive 综合性",
    )
    check.add_argument(
        "--special-topic",
        metavar="事项",
        action="append",
        help="声明本文件是某事项的专门文件（如 机构编制），相应第3条规则不再报告",
    )
    check.add_argument(
        "--fail-on", choices=[s.value for s in Severity], help="达到此级别的问题使退出码为 1（默认 warning）"
    )
    check.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="并行进程数（默认 1）")
    check.add_argument("--no-progress", action="store_true", help="不显示进度条")
    check.add_argument("--rules-dir", metavar="文件夹", help="使用另一套规则文件（默认使用内置规则）")

    lsp = sub.add_parser("lsp", help="启动语言服务器（供 VS Code、Neovim、Emacs 等编辑器使用）")
    lsp.add_argument("--stdio", action="store_true", help="通过标准输入输出通信（默认）")
    lsp.add_argument("--tcp", metavar="主机:端口", help="改为监听 TCP，如 127.0.0.1:2087")

    sub.add_parser("rules", help="列出全部规则")
    explain = sub.add_parser("explain", help="说明一条规则：条款、原文、理由、建议与例子")
    explain.add_argument("rule", metavar="规则", help="规则编号，如 JF301")
    _add_serve_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        sys.stderr.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args)
    if args.command == "lsp":
        if args.tcp and not _is_host_port(args.tcp):
            sys.stderr.write(f"jianfu：参数错误：--tcp 应为 主机:端口，如 127.0.0.1:2087（收到“{args.tcp}”）。\n")
            return EXIT_ERROR
        from jianfu.lsp.server import main as serve_lsp  # pygls only on this path

        serve_lsp(tcp=args.tcp)
        return EXIT_CLEAN
    if args.command == "rules":
        return _rules()
    if args.command == "explain":
        return _explain(args.rule)
    if args.command in ("serve", "wps"):
        return _serve(args) if args.command == "serve" else _wps(args)
    parser.print_help()
    return EXIT_ERROR


def _is_host_port(value: str) -> bool:
    _, _, port = value.rpartition(":")
    return port.isdigit() and 0 < int(port) < 65536


def _load_rules(rules_dir: str | None = None):  # type: ignore[no-untyped-def]
    from jianfu.rules import load_rules

    rules, errors = load_rules(Path(rules_dir) if rules_dir else None)
    for error in errors:
        sys.stderr.write(f"jianfu：规则文件有误，已跳过：{error}\n")
    return rules, errors


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None


def _check(args: argparse.Namespace) -> int:
    from jianfu import batch
    from jianfu import settings as settings_mod
    from jianfu.output import textout
    from jianfu.progress import Progress
    from jianfu.text.readers import ReadError, read_path
    from jianfu.writeout import write_atomic

    started = time.monotonic()
    try:
        outputs = _output_plan(args.format, args.output or [])
    except ValueError as exc:
        sys.stderr.write(f"jianfu：参数错误：{exc}\n")
        return EXIT_ERROR
    if args.jobs < 1:
        sys.stderr.write("jianfu：参数错误：--jobs 应为正整数。\n")
        return EXIT_ERROR
    rules, rule_errors = _load_rules(args.rules_dir)
    base = settings_mod.Settings()
    config = Path(args.config) if args.config else None
    try:
        if config:
            if not config.is_file():
                raise settings_mod.SettingsError(f"{config}：配置文件不存在。")
            base = settings_mod.load_file(config)
        base = base.with_overrides(
            select=_split(args.select),
            ignore=_split(args.ignore),
            doc_type=args.doc_type,
            special_topics=tuple(args.special_topic) if args.special_topic else None,
            fail_on=Severity(args.fail_on) if args.fail_on else None,
        )
    except settings_mod.SettingsError as exc:
        sys.stderr.write(f"jianfu：{exc}\n")
        return EXIT_ERROR
    parents = []
    for parent_path in args.parent or []:
        try:
            parents.append(read_path(Path(parent_path)))
        except ReadError as exc:
            sys.stderr.write(f"jianfu：上位文件 {parent_path} 无法读取：{exc}\n")
            return EXIT_ERROR

    files, missing = batch.collect(args.paths)
    overwritten = {path.resolve() for _, path in outputs} & {f.resolve() for f in files}
    if overwritten:
        sys.stderr.write(f"jianfu：参数错误：输出文件 {overwritten.pop()} 是要检查的文稿，不能覆盖。请换一个文件名。\n")
        return EXIT_ERROR
    copies = None
    if args.annotate:
        from jianfu.review.copies import AnnotatedCopies, is_annotated_copy

        outdir = Path(args.annotate).resolve()
        files = [f for f in files if not (f.resolve().is_relative_to(outdir) and is_annotated_copy(f))]  # a re-run
        try:
            copies = AnnotatedCopies(Path(args.annotate), files)
        except OSError as exc:
            sys.stderr.write(f"jianfu：无法在 {args.annotate} 写出批注副本（{exc.strerror}）。请检查路径和权限。\n")
            return EXIT_ERROR
    job = batch.Job(tuple(rules), base, config, tuple(parents), copies.staged if copies else None)
    progress = Progress(len(files), enabled=None if not args.no_progress else False)
    if len(files) < 2:
        progress.enabled = False
    reports = list(missing)
    results = batch.run(files, job, jobs=args.jobs, on_done=lambda _r: progress.advance())
    try:
        stream_text = not outputs and (args.format or "text") == "text"
        color = stream_text and sys.stdout.isatty()
        if stream_text:
            sys.stdout.write("".join(textout.render_file(r) for r in missing))
        for report in results:
            reports.append(report)
            if stream_text:
                progress.clear()
                sys.stdout.write(textout.render_file(report, color=color))
        links = copies.links if copies else lambda _folder: None
        rendered = [(path, _render(fmt, reports, rules, links(path.parent))) for fmt, path in outputs]  # all, first
    except KeyboardInterrupt:
        results.close()  # terminates worker processes before the staging folder goes
        progress.close()
        if copies:
            copies.discard()
        sys.stderr.write("\njianfu：已中断，未写出任何结果文件。\n")
        return 130
    except BaseException:
        results.close()
        if copies:
            copies.discard()
        raise
    progress.close()
    annotated = copies.commit(reports) if copies else None

    for path, data in rendered:
        try:
            write_atomic(path, data)
        except OSError as exc:
            sys.stderr.write(f"jianfu：无法写入 {path}（{exc.strerror}）。请检查路径和权限。\n")
            return EXIT_ERROR
    if not outputs and not stream_text:
        sys.stdout.write(_render(args.format, reports, rules).decode("utf-8"))

    failed = sum(1 for r in reports if r.error)
    total = sum(len(r.findings) for r in reports)
    if stream_text or outputs:
        sys.stdout.flush()
        sys.stderr.write(textout.render_summary(len(reports), total, failed, time.monotonic() - started))
    if annotated is not None:
        sys.stderr.write(f"批注副本 {annotated} 份已写入 {args.annotate}。\n")
    if failed or rule_errors:
        return EXIT_ERROR
    fail_on = base.fail_on.rank
    if any(f.severity.rank >= fail_on for r in reports for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


FORMATS = {"text": ".txt", "json": ".json", "sarif": ".sarif", "xlsx": ".xlsx", "csv": ".csv", "html": ".html"}
_FORMAT_OF_SUFFIX = {suffix: fmt for fmt, suffix in FORMATS.items()} | {".htm": "html", ".text": "text"}
BINARY_FORMATS = ("xlsx",)


def _output_plan(fmt: str | None, outputs: list[str]) -> list[tuple[str, Path]]:
    """(format, file) for each -o: --format for a single file, else each file's extension."""
    if not outputs:
        if fmt in BINARY_FORMATS:
            raise ValueError(f"--format {fmt} 需要用 -o 指定输出文件，如 -o 问题清单.{fmt}。")
        return []
    if fmt and len(outputs) > 1:
        raise ValueError("指定多个 -o 时按各文件的扩展名决定格式，请去掉 --format。")
    plan = []
    for output in outputs:
        path = Path(output)
        chosen = fmt or _FORMAT_OF_SUFFIX.get(path.suffix.lower())
        if chosen is None:
            known = "、".join(sorted(_FORMAT_OF_SUFFIX))
            raise ValueError(f"无法从“{output}”的扩展名判断输出格式。请使用 {known} 之一，或用 --format 指定。")
        plan.append((chosen, path))
    if len({p.resolve() for _, p in plan}) < len(plan):
        raise ValueError("多个 -o 指向同一个文件。")
    return plan


def _render(fmt: str | None, reports, rules, copies: dict[str, str] | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """The whole output in one format; ``copies`` links the HTML report to the annotated copies."""
    from jianfu.output import jsonout, sarif, textout

    if fmt == "json":
        return jsonout.render(reports).encode("utf-8")
    if fmt == "sarif":
        return sarif.render(reports, rules).encode("utf-8")
    if fmt == "xlsx":
        from jianfu.review import xlsx

        return xlsx.render(reports)
    if fmt == "csv":
        from jianfu.review import csvout

        return csvout.render(reports)
    if fmt == "html":
        from jianfu.review import html

        return html.render(reports, copies).encode("utf-8")
    return "".join(textout.render_file(r) for r in reports).encode("utf-8")


def _rules() -> int:
    rules, errors = _load_rules()
    for rule in sorted(rules, key=lambda r: (r.article, r.id)):
        sys.stdout.write(f"{rule.id}\t第{rule.article}条\t{rule.severity.value}\t{rule.title}\n")
    return EXIT_ERROR if errors else EXIT_CLEAN


def _explain(rule_id: str) -> int:
    rules, _ = _load_rules()
    rule = next((r for r in rules if r.id == rule_id.upper()), None)
    if rule is None:
        sys.stderr.write(f"jianfu：没有编号为 {rule_id} 的规则。运行 jianfu rules 查看全部规则。\n")
        return EXIT_ERROR
    out = [
        f"{rule.id}  {rule.title}",
        f"条款：第{rule.article}条",
        f"原文：{rule.clause}",
        f"级别：{rule.severity.value}",
        f"为什么：{rule.why}",
        f"怎么改：{rule.suggestion}",
        f"文档：{rule.doc_url}",
        *_frame_lines(rule),
        "",
        "应当报告的例子：",
        *[f"  ✗ {_short(e.text)}" for e in rule.examples.flag],
        "不应报告的例子：",
        *[f"  ✓ {_short(e.text)}" for e in rule.examples.passes],
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_CLEAN


def _frame_lines(rule: Rule) -> list[str]:
    """A rule's frames, and the lexicons they name with a few of their words."""
    frames = rule.params.get("frames", ())
    if not frames:
        return []
    from jianfu.analysis import lexicons

    out = ["", "句式（同一句中按顺序出现）："]
    out += [f"  · {frame.describe()}" for frame in frames]
    names = sorted(
        {
            part[1:]
            for f in frames
            for slot in f.slots + f.needs + f.unless
            for part in slot.spec.split("|")
            if part.startswith("@")
        }
    )
    if names:
        out.append("词表（rules/lexicons/）：")
        for name in names:
            lexicon = lexicons.get(name)
            words = "、".join(w for w in lexicon.words[:12] if not w.startswith("re:"))
            more = f" 等 {len(lexicon.words)} 项" if len(lexicon.words) > 12 else ""
            out.append(f"  @{name}：{lexicon.description}。{words}{more}")
    return out


def _short(text: str) -> str:
    flat = text.replace("\n", " ⏎ ")
    return flat if len(flat) <= 100 else flat[:100] + "…"


# --- jianfu serve / jianfu wps (the local HTTP service and the WPS add-in) -----------------------


def _add_serve_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    serve.add_argument("--addin-dir", metavar="文件夹", help="从该文件夹提供 /wps/ 加载项文件（开发加载项时用）")
    serve.add_argument("--no-access-log", action="store_true", help="不记录访问日志（日志从不包含文稿内容）")
    serve.add_argument("--log-file", metavar="文件", help="把日志追加写入该文件（Windows 计划任务无控制台时使用）")

    wps = sub.add_parser("wps", help="WPS 加载项：打包、为当前用户安装或卸载")
    wps_sub = wps.add_subparsers(dest="wps_command", metavar="操作", parser_class=_Parser, required=True)
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


def _serve(args: argparse.Namespace) -> int:
    from jianfu.http.config import ServeConfig, ServeConfigError, is_loopback, is_wildcard

    if not (is_loopback(args.host) or args.allow_remote):
        sys.stderr.write(
            f"jianfu：--host {args.host} 不是本机地址。集中部署时请同时加 --allow-remote，并建议配合 --token-file 与 TLS 反向代理。\n"
        )
        return EXIT_ERROR
    if args.workers < 1 or not 0 < args.max_body <= 1024 or not 0 < args.port < 65536:
        sys.stderr.write(
            "jianfu：参数错误：--workers 应为正整数，--max-body 应在 0 到 1024 MB 之间，--port 应在 1 到 65535 之间。\n"
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


def _wps(args: argparse.Namespace) -> int:
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
