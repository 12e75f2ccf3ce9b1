#!/usr/bin/env bash
# The README's second command: every test (typecheck, lint, unit, integration, e2e, browser).
# Ends with a plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 bash scripts/ensure-services.sh || exit 1

# The checkout must stay as it was: installing uses the lock as is (npm ci), and the tests' output is
# git-ignored. A fresh checkout (CI) must still be clean at the end; a working copy must gain no changes.
git_state() { git status --porcelain --untracked-files=all 2>/dev/null; git diff HEAD 2>/dev/null | cksum; }
before=$(git_state)
clean_at_start=""; [ -z "$(git status --porcelain 2>/dev/null)" ] && clean_at_start=1
node scripts/install-deps.js || exit 1
if [ "$(git_state)" != "$before" ]; then
  echo "Installing the dependencies changed the checkout (it must use package-lock.json as is):" >&2
  git status --porcelain >&2
  echo "Commit the package-lock.json that npm 11 on Node 20 writes (npm install), then run npm test again." >&2
  exit 1
fi

status=0
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit || status=1
npx tsc -p apps/web/tsconfig.json --noEmit || status=1
echo "== lint"; npx eslint . --max-warnings 0 || status=1
echo "== format"; npx prettier --check "{apps,libs,test,migrations}/**/*.{ts,tsx}" --log-level warn || status=1
if [ -f apps/web/vite.config.mts ]; then
  echo "== web build"; NODE_ENV=production npm run build:web --silent -- --logLevel warn || status=1
fi
echo "== jest (unit, int, e2e, browser)"
mkdir -p test-results
rm -f test-results/jest.json test-results/jest-node22.json
npx jest --json --outputFile=test-results/jest.json --maxWorkers=2
jest_status=$?
[ $jest_status -ne 0 ] && status=1
# Node 20 reached its end of life in April 2026: the unit tests also run on Node 22 (README: Node.js).
results=test-results/jest.json
if [ "$(node -p 'process.versions.node.split(".")[0]')" = "22" ]; then
  echo "== unit tests on Node 22: the run above was on Node 22 already"
elif node22=$(bash scripts/node22.sh 2>test-results/node22.err); then
  echo "== unit tests on Node 22 ($("$node22" -v))"
  PATH="$(dirname "$node22"):$PATH" "$node22" node_modules/.bin/jest --selectProjects unit --maxWorkers=2 \
    --json --outputFile=test-results/jest-node22.json || status=1
  results="$results test-results/jest-node22.json"
else
  echo "== unit tests on Node 22: skipped ($(cat test-results/node22.err))"
fi
if [ -n "$clean_at_start" ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  echo "The test run left the checkout dirty (generated files must be git-ignored or removed):" >&2
  git status --porcelain >&2
  status=1
fi
RESULTS="$results" node -e '
  let passed = 0, failed = 0, skipped = 0;
  for (const file of process.env.RESULTS.split(" ")) {
    let r;
    try { r = require(`./${file}`); } catch { failed += 1; console.error(`${file}: no results (jest did not finish)`); continue; }
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; skipped += r.numPendingTests;
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || status=1
exit $status
