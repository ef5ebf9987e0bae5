#!/usr/bin/env bash
# Per-user setup on UOS/Kylin/other Linux desktops: the jianfu service starts at log-in (systemd user
# unit) and the WPS add-in is registered for this user. Run as the desktop user, not as root.
#
#   bash deploy/linux/install.sh [--port 8737] [--config /etc/jianfu/jianfu.toml] [--online] [--no-addin]
#
# Environment: JIANFU_BIN (jianfu executable; default: the one on PATH),
#              JIANFU_SKIP_SYSTEMCTL=1 (write the unit but do not start it: images, tests).
set -euo pipefail

port=8737
config=""
online=""
addin=1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --online) online=1; shift ;;
    --no-addin) addin=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "jianfu：不认识的参数 $1（可用：--port、--config、--online、--no-addin）" >&2; exit 2 ;;
  esac
done

bin="${JIANFU_BIN:-$(command -v jianfu || true)}"
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "jianfu：找不到 jianfu 命令。请先按《部署指南》用 pipx 或 pip 安装，或设置 JIANFU_BIN。" >&2
  exit 1
fi
bin="$(readlink -f "$bin")"
case "$port" in (*[!0-9]*|"") echo "jianfu：--port 应为数字。" >&2; exit 2 ;; esac
if [ -n "$config" ]; then
  [ -f "$config" ] || { echo "jianfu：配置文件 $config 不存在。" >&2; exit 1; }
  config="$(readlink -f "$config")"
fi

unit_dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
mkdir -p "$unit_dir"
exec_start="\"$bin\" serve --port $port"
[ -n "$config" ] && exec_start="$exec_start --config \"$config\""
tmp="$(mktemp "$unit_dir/.jianfu.service.XXXXXX")"
cat > "$tmp" <<UNIT
# Installed by jianfu deploy/linux/install.sh; remove with deploy/linux/uninstall.sh
[Unit]
Description=jianfu 减负检查本地服务（WPS 加载项使用）
Documentation=https://jianfu.readthedocs.io/

[Service]
Type=simple
ExecStart=$exec_start
Restart=on-failure
RestartSec=5
Environment=PYTHONUNBUFFERED=1
NoNewPrivileges=yes

[Install]
WantedBy=default.target
UNIT
chmod 644 "$tmp"
mv -f "$tmp" "$unit_dir/jianfu.service"
echo "已写入 $unit_dir/jianfu.service"

if [ "${JIANFU_SKIP_SYSTEMCTL:-0}" != "1" ] && command -v systemctl >/dev/null 2>&1; then
  systemctl --user daemon-reload
  systemctl --user enable --now jianfu.service
  systemctl --user restart jianfu.service  # an upgrade picks up the new version
  echo "服务已启动，并将在每次登录时自动启动：http://127.0.0.1:$port/healthz"
else
  echo "未调用 systemctl（JIANFU_SKIP_SYSTEMCTL=1 或系统无 systemctl）；下次登录时由 systemd 启动。"
fi

if [ "$addin" = "1" ]; then
  if [ -n "$online" ]; then
    "$bin" wps install --online "http://127.0.0.1:$port/wps/"
  else
    "$bin" wps install
  fi
fi
