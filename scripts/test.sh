#!/usr/bin/env bash
# The README's second command: every test (typecheck, lint, unit, integration, e2e, browser).
# Ends with a plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 bash scripts/ensure-services.sh || exit 1
if [ ! -d node_modules/.bin ] || [ package-lock.json -nt node_modules ]; then
  npm install --no-audit --no-fund || exit 1
fi
status=0
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit || status=1
npx tsc -p apps/web/tsconfig.json --noEmit || status=1
echo "== lint"; npx eslint . --max-warnings 0 || status=1
echo "== format"; npx prettier --check "{apps,libs,test,migrations}/**/*.{ts,tsx}" --log-level warn || status=1
if [ -f apps/web/vite.config.mts ]; then echo "== web build"; npm run build:web --silent || status=1; fi
echo "== jest (unit, int, e2e, browser)"
mkdir -p test-results
npx jest --json --outputFile=test-results/jest.json --forceExit --maxWorkers=2
jest_status=$?
[ $jest_status -ne 0 ] && status=1
node -e '
  const r = require("./test-results/jest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || status=1
exit $status
