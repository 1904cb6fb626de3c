#!/usr/bin/env bash
# npm test: install what is missing, then lint, typecheck and run every Jest suite against the real
# PostgreSQL, Redis and Temporal that the Jest global setup starts (or the URLs in the environment).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
echo "[test] lint (eslint + prettier)"; npm run --silent lint
echo "[test] tsc"; npx --no-install tsc -p tsconfig.json --noEmit
echo "[test] console build"; bash scripts/console-build.sh
echo "[test] jest"; exec npx --no-install jest --ci "$@"
