#!/usr/bin/env bash
# Installs whatever is missing, and only that: Debian packages, npm packages, the Temporal CLI
# (built from the Go module proxy), the Java time-skipping test server (from Maven Central),
# and the generated Prisma client. Safe to run again; a warm machine finishes in seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

apt_missing=()
command -v redis-server >/dev/null || apt_missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || apt_missing+=(postgresql)
if [ "${GOVFLOW_SKIP_JAVA:-}" != 1 ]; then
  command -v java >/dev/null || apt_missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || apt_missing+=(maven)
fi
# The browser tests drive Debian's chromium through playwright-core (never `playwright install`)
command -v chromium >/dev/null || apt_missing+=(chromium)
# …and a Chinese font, so its screenshots show the console's text instead of empty boxes
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || apt_missing+=(fonts-wqy-microhei)
# Mediation agreements are printed with pdfmake and the Noto CJK font; tests read them back with pdftotext
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || apt_missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || apt_missing+=(poppler-utils)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "安装系统软件包: ${apt_missing[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${apt_missing[@]}" >/dev/null
  # Debian starts its own services on install; ours run from the project's data folder instead
  $sudo_cmd service redis-server stop >/dev/null 2>&1 || true
  $sudo_cmd service postgresql stop >/dev/null 2>&1 || true
fi

# `npm ci` installs exactly what package-lock.json pins and never rewrites it, so a fresh clone stays
# clean. The lock lists every platform's optional packages (@swc/core-*, msgpackr-extract-*); after
# changing package.json, refresh it with `npm install --package-lock-only` and commit both files.
# The stamp skips the (slow, node_modules-wiping) `npm ci` while neither file has changed.
stamp=node_modules/.govflow-deps-stamp
deps_hash() { cat package.json package-lock.json | sha1sum | cut -d' ' -f1; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(deps_hash)" ]; then
  say "安装 npm 依赖（npm ci，按 package-lock.json 精确安装）"
  npm ci --no-audit --no-fund --loglevel=error
  deps_hash > "$stamp"
fi

# The console (console/, React + Ant Design) has its own package.json and lock, installed the same way.
console_stamp=console/node_modules/.govflow-deps-stamp
console_hash() { cat console/package.json console/package-lock.json | sha1sum | cut -d' ' -f1; }
if [ ! -f "$console_stamp" ] || [ "$(cat "$console_stamp")" != "$(console_hash)" ]; then
  say "安装控制台 npm 依赖（console/，npm ci）"
  (cd console && npm ci --no-audit --no-fund --loglevel=error)
  console_hash > "$console_stamp"
fi

# schemathesis (API fuzzing in `npm test`) in a project-local, git-ignored virtualenv, pinned with its dependencies
if [ ! -x .venv/bin/schemathesis ] || ! cmp -s tools/schemathesis/requirements.txt .venv/.govflow-requirements; then
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    say "安装系统软件包: python3-venv"
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-venv >/dev/null
  fi
  say "安装 schemathesis（.venv/）"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r tools/schemathesis/requirements.txt
  cp tools/schemathesis/requirements.txt .venv/.govflow-requirements
fi

temporal_version=v1.5.1
if [ "${GOVFLOW_SKIP_TEMPORAL:-}" != 1 ] && { [ ! -x .local/bin/temporal ] || [ "$(cat .local/bin/.temporal-version 2>/dev/null)" != "$temporal_version" ]; }; then
  if ! command -v go >/dev/null && [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi
  command -v go >/dev/null || { echo "需要 Go 工具链来构建 Temporal CLI（go install）" >&2; exit 1; }
  say "构建 Temporal CLI $temporal_version（首次需数分钟）"
  mkdir -p .local/bin
  GOBIN="$root/.local/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$temporal_version"
  echo "$temporal_version" > .local/bin/.temporal-version
fi

if [ "${GOVFLOW_SKIP_JAVA:-}" != 1 ]; then
  lib=.local/temporal-test-server/lib
  if [ ! -f "$lib/.complete" ] || ! cmp -s tools/temporal-test-server/pom.xml "$lib/.complete"; then
    say "下载 Temporal 时间跳跃测试服务器（Maven Central）"
    rm -rf "$lib"
    mvn -q -B -f tools/temporal-test-server/pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$root/$lib"
    cp tools/temporal-test-server/pom.xml "$lib/.complete"
  fi
fi

if [ ! -f src/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt src/generated/prisma/client.ts ]; then
  say "生成 Prisma Client"
  CHECKPOINT_DISABLE=1 npx --no-install prisma generate >/dev/null
fi
