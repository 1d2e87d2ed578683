#!/usr/bin/env bash
# npm test: every test the project has, on both databases. Installs what npm cannot (Debian's
# chromium and postgresql) when missing, starts a throwaway PostgreSQL on 127.0.0.1, then runs
# lint, typecheck, unit tests, the migration drift check, integration tests and Playwright.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() {
  local name=$1
  shift
  local started=$SECONDS
  echo
  echo "==> $name"
  "$@"
  timings+=("$(printf '%-22s %4ds' "$name" $((SECONDS - started)))")
}
timings=()
[ -d node_modules ] || step "npm ci" npm ci

step "system packages" bash scripts/test/system-deps.sh
pg_url=$(bash scripts/test/pg-start.sh)
export TEST_POSTGRES_URL="${pg_url%/*}/postgres"
export REQUIRE_POSTGRES=1
export NEXT_TELEMETRY_DISABLED=1

step "lint" npm run -s lint
step "typecheck" npm run -s typecheck
step "unit tests" npm run -s test:unit
step "migration drift" npm run -s db:migrate:check
step "integration tests" npm run -s test:integration
step "e2e tests" npm run -s test:e2e

echo
echo "All test steps passed:"
printf '  %s\n' "${timings[@]}"
