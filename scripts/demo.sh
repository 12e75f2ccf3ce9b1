#!/usr/bin/env bash
# The README's first command: install what is missing, start PostgreSQL and Redis, migrate,
# load a demo company with sample contracts, and run the product on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh
[ -d node_modules/.bin ] && [ node_modules -nt package-lock.json ] || npm install --no-audit --no-fund
exec node scripts/start.js --demo
