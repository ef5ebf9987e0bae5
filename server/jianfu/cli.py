"""The ``jianfu`` command line: check drafts, list and explain rules, start the servers."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from jianfu import __version__
from jianfu.commands import EXIT_CLEAN, EXIT_ERROR
from jianfu.commands import assess as assess_command
from jianfu.commands.serve import add_serve_commands
from jianfu.model import Severity
from jianfu.shown import one_line

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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; given the ``command`` about to run, another command whose options take
    imports to describe (assess: its form formats, ~15 ms of a cold check) is listed by name only."""
    from jianfu.output import check_formats as _check_formats  # noqa: F401 - registers the formats
    from jianfu.output import registry

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
        choices=[f.name for f in registry.formats()],
        help=registry.format_help(),
    )
    check.add_argument(
        "-o",
        "--output",
        metavar="文件",
        action="append",
        help=f"把结果写入文件（原子写入），默认输出到标准输出；可多次指定，按扩展名（{registry.own_suffixes()}）决定格式",
    )
    check.add_argument(
        "--annotate",
        metavar="文件夹",
        help="为每份文稿在此文件夹生成带批注的 .docx 副本（文件名加“_审查意见”，原文件不改动）",
    )
    check.add_argument(
        "--baseline",
        metavar="文件",
        help="上一稿（文稿，或上次 --format json 的结果）：标出新增、仍存在的问题，列出已解决的问题",
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
    if command in (None, "assess"):
        assess_command.add_assess_command(sub, _Parser)
    else:
        sub.add_parser("assess", help=assess_command.HELP, add_help=False)
    add_serve_commands(sub, _Parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Exit 0 clean, 1 findings, 2 anything else: an unexpected error is never read as "findings"."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a name that is not UTF-8 never kills the output
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        sys.stderr.write("\njianfu：已中断。\n")
        return 130
    except BrokenPipeError:  # ``jianfu check … | head``: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last net: one Chinese line, exit 2
        if os.environ.get("JIANFU_DEBUG"):
            raise
        detail = one_line(f"{type(exc).__name__}: {exc}")
        sys.stderr.write(
            f"jianfu：内部错误，检查未完成（{detail}）。请把这一行和所用文件报告给维护者；设置环境变量 JIANFU_DEBUG=1 可看到详细信息。\n"
        )
        return EXIT_ERROR


def _dispatch(argv: list[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    # the command is the first word that is not an option (the top level's options take no value)
    parser = build_parser(next((w for w in words if not w.startswith("-")), None))
    args = parser.parse_args(argv)
    if args.command == "check":
        from jianfu.commands.check import check

        return check(args)
    if args.command == "assess":
        from jianfu.commands.assess import assess

        return assess(args)
    if args.command == "lsp":
        if args.tcp and not _is_host_port(args.tcp):
            sys.stderr.write(f"jianfu：参数错误：--tcp 应为 主机:端口，如 127.0.0.1:2087（收到“{args.tcp}”）。\n")
            return EXIT_ERROR
        from jianfu.lsp.server import main as serve_lsp  # pygls only on this path

        serve_lsp(tcp=args.tcp)
        return EXIT_CLEAN
    if args.command in ("rules", "explain"):
        from jianfu.commands import rules

        return rules.list_rules() if args.command == "rules" else rules.explain(args.rule)
    if args.command in ("serve", "wps"):
        from jianfu.commands import serve

        return serve.serve(args) if args.command == "serve" else serve.wps(args)
    parser.print_help()
    return EXIT_ERROR


def _is_host_port(value: str) -> bool:
    _, _, port = value.rpartition(":")
    return port.isdigit() and 0 < int(port) < 65536
