"""Old formats (.doc, .wps, .odt): converted to .docx by LibreOffice, when it is installed.

Each conversion runs ``soffice --headless --convert-to docx`` in a temporary folder with
its own LibreOffice profile (so parallel jobs and an office suite the user has open do not
collide on the profile lock), under a time limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 120.0
_WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
INSTALL_HINT = (
    "请安装 LibreOffice（统信 UOS、麒麟、Debian：apt-get install libreoffice-writer-nogui；"
    "Windows：从 libreoffice.org 安装），或设置环境变量 JIANFU_SOFFICE 指向 soffice；"
    "也可以在 WPS/Word 中把文件另存为 .docx 后再检查。"
)


class ConversionError(Exception):
    """The file cannot be converted; the message is Chinese: what is wrong and what to do."""


def find_soffice() -> str | None:
    configured = os.environ.get("JIANFU_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _WINDOWS_PATHS if Path(p).is_file()), None)


def convert_to_docx(path: Path, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The .docx bytes of an old-format draft; the input file is only read."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(f"读取 {path.suffix} 文件需要 LibreOffice，本机未找到。{INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="jianfu-convert-") as work:
        folder = Path(work)
        source = folder / f"draft{path.suffix.lower()}"  # an ASCII name: no locale trouble in soffice
        shutil.copyfile(path, source)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"LibreOffice 转换超过 {timeout:.0f} 秒仍未完成，已放弃。文件可能过大或已损坏；请在 WPS/Word 中另存为 .docx 后重试。"
            ) from None
        except OSError as exc:
            raise ConversionError(f"无法启动 LibreOffice（{soffice}：{exc.strerror}）。{INSTALL_HINT}") from None
        converted = folder / "out" / "draft.docx"
        if completed.returncode != 0 or not converted.is_file():
            detail = (completed.stderr or completed.stdout).decode("utf-8", "replace").strip().splitlines()
            reason = f"（{detail[-1]}）" if detail else ""
            raise ConversionError(
                f"LibreOffice 无法转换此文件{reason}。文件可能已损坏、加密或不是 {path.suffix} 文稿；请在 WPS/Word 中另存为 .docx 后重试。"
            )
        return converted.read_bytes()
