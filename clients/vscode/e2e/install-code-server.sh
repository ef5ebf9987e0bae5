#!/usr/bin/env bash
# Install code-server (a real VS Code workbench) for the end-to-end test, offline-safe:
# its ripgrep dependency would download rg at install time, so we hand it Debian's rg as a cached archive.
# Installs into clients/vscode/e2e/.code-server (git-ignored). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/.code-server"
version="4.100.3"
if [ -x "$target/node_modules/.bin/code-server" ] && grep -q "\"version\": \"$version\"" "$target/node_modules/code-server/package.json" 2>/dev/null; then
  exit 0
fi
command -v rg >/dev/null || { echo "缺少 ripgrep：请先安装 Debian 软件包 ripgrep。" >&2; exit 1; }
mkdir -p "$target"
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
arch="$(uname -m)"
case "$arch" in
  x86_64) triple="x86_64-unknown-linux-musl" ;;
  aarch64) triple="aarch64-unknown-linux-musl" ;;
  *) triple="$arch-unknown-linux-gnu" ;;
esac
stage="$(mktemp -d)"
mkdir -p "$stage/bin" && cp "$(command -v rg)" "$stage/bin/rg"
for v in v13.0.0-10 v13.0.0-13 v13.0.0-4; do
  tar -czf "$cache/ripgrep-$v-$triple.tar.gz" -C "$stage/bin" rg
done
rm -rf "$stage"
cd "$target"
[ -f package.json ] || echo '{"name":"jianfu-e2e-code-server","private":true}' > package.json
export npm_config_yes=true npm_config_nodedir=/usr npm_config_unsafe_perm=true
npm install --unsafe-perm --no-audit --no-fund --loglevel=error "code-server@$version"
