#!/usr/bin/env bash
# npm run db:drift: fails (exit 1) when prisma/migrations do not produce prisma/schema.prisma.
# Uses DATABASE_URL for Prisma's shadow database when set, otherwise a throwaway local PostgreSQL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Only npm packages, PostgreSQL and the Prisma client are needed: no Java test server, no Temporal CLI.
GOVFLOW_SKIP_JAVA=1 GOVFLOW_SKIP_TEMPORAL=1 bash scripts/setup.sh >&2
exec npx --no-install ts-node -P tsconfig.json --transpile-only scripts/drift-check.ts
