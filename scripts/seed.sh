#!/usr/bin/env bash
# npm run seed: loads the sample district (青湖区) into DATABASE_URL, or, when it is unset, into the local
# database that `npm start` runs. Does nothing when the district is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GOVFLOW_SKIP_JAVA=1 GOVFLOW_SKIP_TEMPORAL=1 bash scripts/setup.sh >&2
if [ -z "${DATABASE_URL:-}" ]; then
  port="${GOVFLOW_PG_PORT:-54329}"
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "未设置 DATABASE_URL，本地数据库 127.0.0.1:$port 也未运行：请先运行 npm start，或设置 DATABASE_URL（已迁移的数据库）。" >&2
    echo "(DATABASE_URL is not set and the local database of npm start is not running.)" >&2
    exit 1
  fi
  export DATABASE_URL="postgresql://govflow@127.0.0.1:$port/govflow"
fi
exec npx --no-install ts-node -P tsconfig.json --transpile-only prisma/seed.ts
