#!/usr/bin/env bash
# Undo deploy/linux/install.sh for this user: stop and remove the service unit, unregister the add-in.
# Other WPS add-ins and their publish.xml entries are left alone. jianfu itself stays installed
# (remove it with `pipx uninstall jianfu` or `pip uninstall jianfu`).
set -euo pipefail

unit="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user/jianfu.service"
if [ "${JIANFU_SKIP_SYSTEMCTL:-0}" != "1" ] && command -v systemctl >/dev/null 2>&1 && [ -f "$unit" ]; then
  systemctl --user disable --now jianfu.service || true
fi
if [ -f "$unit" ]; then
  rm -f "$unit"
  echo "已删除 $unit"
fi
if [ "${JIANFU_SKIP_SYSTEMCTL:-0}" != "1" ] && command -v systemctl >/dev/null 2>&1; then
  systemctl --user daemon-reload || true
fi

bin="${JIANFU_BIN:-$(command -v jianfu || true)}"
if [ -n "$bin" ] && [ -x "$bin" ]; then
  "$bin" wps uninstall
else
  echo "jianfu：找不到 jianfu 命令，未能注销 WPS 加载项；可手动删除 jsaddons 中的 jianfu_* 文件夹及 publish.xml 中 name=\"jianfu\" 的条目。" >&2
fi
