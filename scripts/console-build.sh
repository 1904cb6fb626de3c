#!/usr/bin/env bash
# Builds the console (console/ → console/dist) when it is missing or its sources changed since the last build.
# The stamp is a hash of every source file, so a fresh clone, a pull or an edit triggers a build and nothing else does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf '\033[1;34m[console]\033[0m %s\n' "$*"; }
stamp=console/dist/.govflow-build-stamp
sources_hash() {
  { find console/src console/scripts -type f; ls console/index.html console/vite.config.ts console/tsconfig.json \
      console/package.json console/package-lock.json api-types/openapi.d.ts \
      src/common/auth/permissions.ts src/shared/process/request-case.states.ts \
      src/shared/process/yellow-card.states.ts src/shared/process/programme-talent.ts src/modules/org/seed/categories.ts scripts/console-build.sh; } | LC_ALL=C sort | xargs cat | sha1sum | cut -d' ' -f1
}
# One build at a time per checkout: browser test files run in parallel Jest workers and each calls this script; the
# second waits, then finds the stamp fresh (a concurrent build would empty dist/ under the other's API).
exec 9>"${TMPDIR:-/tmp}/govflow-console-build-$(pwd | sha1sum | cut -c1-12).lock"
flock 9
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(sources_hash)" ] && [ "${1:-}" != "--force" ]; then exit 0; fi
if [ ! -d console/node_modules ]; then
  say "安装控制台依赖（npm ci）"
  (cd console && npm ci --no-audit --no-fund --loglevel=error)
fi
say "构建控制台（vite build → console/dist）"
# NODE_ENV is set for Vite on purpose: under Jest (NODE_ENV=test) Vite would otherwise bundle React's and Ant Design's
# development builds, and the stamp would then keep that bigger, slower console for `npm start` too.
(cd console && npx --no-install tsc -p tsconfig.json --noEmit && NODE_ENV=production npx --no-install vite build --logLevel warn)
sources_hash > "$stamp"
