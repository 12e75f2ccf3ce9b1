#!/usr/bin/env bash
# The README's first command: install the dependencies as the lock pins them (when missing or stale), start
# PostgreSQL and Redis, build, migrate, load a demo company with the sample contracts, and run the product on
# http://localhost:3000 (PORT to change it). One line per step; the product's JSON logs go to data/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/install-deps.js --quiet
bash scripts/ensure-services.sh
echo "PostgreSQL ready (127.0.0.1:5432), Redis ready (127.0.0.1:6379)"
exec node scripts/start.js --demo
