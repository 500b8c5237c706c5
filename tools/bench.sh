#!/usr/bin/env bash
# Benchmarks (see bench/README.md).
#
#   tools/bench.sh payroll [--agents N]   payroll batch: telesales vs OCA stock structure
#
# Runs against BENCH_DB (default telesales_bench: created with the three modules
# and without demo data on the first run, upgraded afterwards). Each benchmark
# rolls its data back, so the database stays as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh

BENCH_DB=${BENCH_DB:-telesales_bench}
MODULES=telesales_hr,telesales_quality,telesales_payroll
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"
what=${1:-}
[ $# -gt 0 ] && shift
case "$what" in
    payroll) script=bench/bench_payroll.py ;;
    *) die "usage: tools/bench.sh payroll [--agents N]" ;;
esac

odoo() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" --db-filter="^$BENCH_DB\$" "$@"; }
if psql -d "$BENCH_DB" -Atqc "SELECT 1 FROM ir_module_module WHERE name='telesales_payroll' AND state='installed'" 2>/dev/null | grep -q 1; then
    say "upgrading $MODULES in $BENCH_DB"
    odoo -u "$MODULES" --stop-after-init --log-level=warn --logfile="$LOG_DIR/bench-upgrade.log" ||
        die "upgrading $BENCH_DB failed; see $LOG_DIR/bench-upgrade.log"
else
    say "creating $BENCH_DB with $MODULES (no demo data)"
    dropdb --if-exists "$BENCH_DB"
    odoo -i "$MODULES" --without-demo=all --stop-after-init --log-level=warn \
        --logfile="$LOG_DIR/bench-install.log" ||
        die "installing into $BENCH_DB failed; see $LOG_DIR/bench-install.log"
fi
exec "$VENV/bin/python" "$script" -c "$ODOO_CONF" -d "$BENCH_DB" "$@"
