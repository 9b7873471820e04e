#!/usr/bin/env bash
# Sonde's whole test suite: installs what it needs, then typecheck, lint, schema check, the SDK
# build, unit, DOM and real-Chromium tests, end-to-end tests, size budgets and benchmarks.
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh || exit 1

passed=0
failed=0
failures=()
report=.vitest-reports/results.json

step() { # step <name> <command...>: one check that passes or fails as a whole
  local name=$1
  shift
  echo "── $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

step typecheck pnpm run -s typecheck
step lint pnpm run -s lint
step 'JSON Schemas current' pnpm run -s schemas:check
step 'build @sonde/sdk' pnpm --filter @sonde/sdk run -s build

# The collector's API suite runs a second time against a real PostgreSQL server.
echo '── PostgreSQL for the collector tests'
if SONDE_TEST_DATABASE_URL=$(bash scripts/postgres.sh); then
  export SONDE_TEST_DATABASE_URL
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  failures+=('PostgreSQL server for the collector tests')
fi

echo '── vitest (unit, dom, browser)'
rm -f "$report"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report"
vitest_status=$?
if [[ -f $report ]]; then
  read -r vp vf < <(node scripts/vitest-counts.mjs "$report") || vp=0 vf=1
  passed=$((passed + vp))
  failed=$((failed + vf))
  # A crash outside any test (a file that fails to load) still fails the run.
  if [[ $vitest_status -ne 0 && $vf -eq 0 ]]; then failed=$((failed + 1)); failures+=('vitest (suite error)'); fi
else
  failed=$((failed + 1))
  failures+=('vitest (no report)')
fi

echo '── end-to-end (Playwright, script-tag pages)'
e2e_report=.vitest-reports/e2e.json
# A free port, so a run never collides with a server already on the default one.
free_port() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
SONDE_E2E_PORT=$(free_port)
SONDE_E2E_DEMO_PORT=$(free_port)
SONDE_E2E_COLLECTOR_PORT=$(free_port)
export SONDE_E2E_PORT SONDE_E2E_DEMO_PORT SONDE_E2E_COLLECTOR_PORT
rm -f "$e2e_report"
(cd test/e2e && pnpm exec playwright test -c playwright.config.ts)
e2e_status=$?
if [[ -f $e2e_report ]]; then
  read -r ep ef < <(node scripts/e2e-counts.mjs "$e2e_report") || ep=0 ef=1
  passed=$((passed + ep))
  failed=$((failed + ef))
  if [[ $e2e_status -ne 0 && $ef -eq 0 ]]; then failed=$((failed + 1)); failures+=('e2e (suite error)'); fi
else
  failed=$((failed + 1))
  failures+=('e2e (no report)')
fi

for bench in bench/*.ts; do
  [[ -e $bench ]] || continue
  # report.ts writes docs/benchmarks.md from the others' figures: a command, not a check.
  [[ $(basename "$bench") == report.ts ]] && continue
  step "bench $(basename "$bench" .ts)" pnpm exec tsx "$bench"
done

SONDE_PG_STOP=1 bash scripts/postgres.sh >/dev/null 2>&1 || true
if ((${#failures[@]} > 0)); then printf 'failed: %s\n' "${failures[@]}"; fi
echo "$passed passed, $failed failed"
((failed == 0))
