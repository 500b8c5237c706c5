#!/usr/bin/env bash
# Benchmarks.
#
#   tools/bench.sh xlsx [--sizes 10000,1000000] [--no-tracemalloc] [--keep-files]
#       peak memory and time of a streamed XLSX export (bench/README.md)
#
# Creates (first run) or upgrades (later runs, data kept) the bench database
# with the three modules and no demo data, then runs the benchmark with the
# project's Odoo configuration. Environment: BENCH_DB (default telesales_bench)
# plus everything tools/setup.sh reads.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh

BENCH_DB=${BENCH_DB:-telesales_bench}
MODULES=telesales_hr,telesales_quality,telesales_payroll
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"
odoo() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" --db-filter="^$BENCH_DB\$" "$@"; }

bench=${1:-}
[ $# -gt 0 ] && shift
case $bench in
    xlsx) script=bench/bench_xlsx_memory.py ;;
    *) die "usage: tools/bench.sh xlsx [options]; see bench/README.md" ;;
esac

if psql -d "$BENCH_DB" -Atqc "SELECT 1 FROM ir_module_module WHERE name='telesales_hr' AND state='installed'" 2>/dev/null | grep -q 1; then
    say "upgrading $MODULES in $BENCH_DB (bench data kept)"
    odoo -u "$MODULES" --stop-after-init --log-level=warn --logfile="$LOG_DIR/bench-upgrade.log" ||
        die "upgrading $BENCH_DB failed; see $LOG_DIR/bench-upgrade.log"
else
    say "creating $BENCH_DB with $MODULES, without demo data"
    dropdb --if-exists "$BENCH_DB"
    odoo -i "$MODULES" --without-demo=all --stop-after-init --log-level=warn \
        --logfile="$LOG_DIR/bench-install.log" ||
        die "installing into $BENCH_DB failed; see $LOG_DIR/bench-install.log"
fi
say "running $script on $BENCH_DB"
"$VENV/bin/python" "$script" -c "$ODOO_CONF" -d "$BENCH_DB" "$@"
