#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1 (installing them from Debian if missing).
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_updated=""
need_pkg() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
if ! command -v pg_isready >/dev/null 2>&1; then need_pkg postgresql postgresql-client; fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Starting PostgreSQL…"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
# Trust on loopback is what the dev machines use; on a fresh install, allow local roles without a password.
if ! psql -h 127.0.0.1 -U postgres -Atc 'select 1' >/dev/null 2>&1; then
  hba=$($SUDO -u postgres psql -Atc 'show hba_file' 2>/dev/null || su postgres -c "psql -Atc 'show hba_file'")
  echo "Allowing local trust authentication in $hba (development machine)…"
  $SUDO sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/; s/^(host\s+all\s+all\s+::1\/128\s+)\S+/\1trust/' "$hba"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main reload
fi
if ! command -v redis-server >/dev/null 2>&1; then need_pkg redis-server; fi
if ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG); then
  echo "Starting Redis…"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
fi
if [ "${WITH_BROWSER:-}" = "1" ] && [ ! -x /usr/bin/chromium ]; then need_pkg chromium; fi
# The partner guide's examples (run by the tests) use curl and jq.
if [ "${WITH_BROWSER:-}" = "1" ] && ! command -v jq >/dev/null 2>&1; then need_pkg jq curl; fi
if [ "${WITH_POPPLER:-}" = "1" ] && ! command -v pdftotext >/dev/null 2>&1; then need_pkg poppler-utils; fi
exit 0
