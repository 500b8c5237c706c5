#!/usr/bin/env bash
# Command 2: the whole test suite.
#
#   tools/test.sh                 fresh test database, every test, the linters
#   tools/test.sh -k referral     extra arguments go to pytest (linters still run)
#
# Environment: TEST_DB (default telesales_test), SKIP_LINT=1 to skip the linters
# while iterating (CI never sets it), plus everything tools/setup.sh reads.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh

TEST_DB=${TEST_DB:-telesales_test}
MODULES=telesales_hr,telesales_quality,telesales_payroll,l10n_cn_payroll
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"
export TELESALES_ODOO_CONF=$ODOO_CONF TELESALES_TEST_DB=$TEST_DB

# 1. A fresh database with the three modules and their demo data.
say "creating the test database $TEST_DB with $MODULES"
dropdb --if-exists "$TEST_DB"
rm -rf "$STATE_DIR/data/filestore/$TEST_DB"
: >"$LOG_DIR/install.log"  # Odoo appends: only this run's errors count
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" --db-filter="^$TEST_DB\$" \
    -d "$TEST_DB" --log-level=warn --stop-after-init \
    -i "$MODULES" --logfile="$LOG_DIR/install.log" 2>&1 || true
"$VENV/bin/python" - "$LOG_DIR/install.log" "$TEST_DB" "$MODULES" <<'EOF'
import subprocess, sys
log, db, modules = sys.argv[1:]
errors = [line for line in open(log, encoding="utf-8", errors="replace")
          if " ERROR " in line or " CRITICAL " in line]
installed = subprocess.run(
    ["psql", "-d", db, "-Atc",
     "SELECT name FROM ir_module_module WHERE state='installed' AND name = ANY(string_to_array(%r, ','))" % modules],
    capture_output=True, text=True).stdout.split()
if errors or sorted(installed) != sorted(modules.split(",")):
    sys.stderr.write("".join(errors[-40:]))
    sys.exit(f"[test] ERROR: installing {modules} into {db} failed (installed: {installed}); see {log}")
EOF

# A throw-away copy for the concurrency tests (tests/ts_concurrency.py): they
# commit real transactions from several threads, which the test database's
# rolled-back test cursors cannot.
CONCURRENCY_DB=${TEST_DB}_concurrency
dropdb --if-exists "$CONCURRENCY_DB"
createdb -T "$TEST_DB" "$CONCURRENCY_DB"
rm -rf "$STATE_DIR/data/filestore/$CONCURRENCY_DB"
cp -r "$STATE_DIR/data/filestore/$TEST_DB" "$STATE_DIR/data/filestore/$CONCURRENCY_DB" 2>/dev/null || true
export TELESALES_CONCURRENCY_DB=$CONCURRENCY_DB

# 2. Every test, on real Odoo and PostgreSQL; browser tours need --odoo-http.
status=0
"$VENV/bin/python" -m pytest \
    --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" --odoo-http \
    --odoo-log-level=warn "$@" || status=$?

# 3. The linters (pre-commit: ruff, pylint-odoo, prettier for XML).
if [ "${SKIP_LINT:-0}" != 1 ]; then
    say "running the linters (pre-commit)"
    PRE_COMMIT_HOME=${PRE_COMMIT_HOME:-$HOME/.cache/pre-commit} \
        "$VENV/bin/pre-commit" run --all-files --show-diff-on-failure || status=1
fi
exit $status
