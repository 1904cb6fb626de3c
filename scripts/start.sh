#!/usr/bin/env bash
# npm start: install what is missing, build, then run the local stack, the API and the worker.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GOVFLOW_SKIP_JAVA=1 bash scripts/setup.sh
npx --no-install tsc -p tsconfig.build.json
bash scripts/console-build.sh
exec node --enable-source-maps dist/scripts/launch.js
