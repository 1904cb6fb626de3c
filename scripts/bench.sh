#!/usr/bin/env bash
# npm run bench:<name>: installs what is missing, then runs bench/<name>.bench.ts on the local stack.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GOVFLOW_SKIP_JAVA=1 bash scripts/setup.sh
exec npx --no-install ts-node -P tsconfig.json --transpile-only "bench/$1.bench.ts"
