#!/usr/bin/env bash
# Command 3: the benchmarks.
#
#   tools/bench.sh                       every bench/bench_*.py
#   tools/bench.sh compliance [args]     one of them by name (calls, compliance, payroll, xlsx …)
#   tools/bench.sh bench/bench_compliance.py [args]
#   tools/bench.sh --smoke [names]       every bench (or those named) at a tiny size,
#                                        a few seconds each, in a fresh database
#                                        ${BENCH_DB}_smoke: .ci/run calls it so that a
#                                        bench broken by a model change fails CI
#
# Creates (once) the database $BENCH_DB with the modules and no demo data; each
# script generates its own volume data in it the first time (not timed) and
# prints the timings. Environment: BENCH_DB (default telesales_bench),
# BENCH_FRESH=1 to drop and recreate the database, plus what tools/setup.sh reads.
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=0
for arg in "$@"; do
    [ "$arg" = --smoke ] && SMOKE=1
done
source tools/setup.sh

BENCH_DB=${BENCH_DB:-telesales_bench}
if [ "$SMOKE" = 1 ]; then
    # tiny data, generated again each time: a fresh database of its own
    BENCH_DB=${BENCH_DB}_smoke
    BENCH_FRESH=1
    export BENCH_SIZE=smoke
fi
MODULES=${BENCH_MODULES:-telesales_hr,telesales_quality,telesales_payroll}
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"

if [ "${BENCH_FRESH:-0}" = 1 ]; then
    dropdb --if-exists "$BENCH_DB"
    rm -rf "$STATE_DIR/data/filestore/$BENCH_DB"
fi
if ! psql -d "$BENCH_DB" -Atqc "SELECT 1 FROM ir_module_module WHERE name='telesales_payroll' AND state='installed'" 2>/dev/null | grep -q 1; then
    say "creating the bench database $BENCH_DB with $MODULES (no demo data)"
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" \
        --log-level=warn --stop-after-init --without-demo=all \
        -i "$MODULES" --logfile="$LOG_DIR/bench-install.log"
else
    say "updating $MODULES in $BENCH_DB"
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" \
        --log-level=warn --stop-after-init -u "$MODULES" --logfile="$LOG_DIR/bench-install.log"
fi

scripts=()
args=()
for arg in "$@"; do
    case $arg in
        --smoke) ;;
        bench/*.py) scripts+=("$arg") ;;
        [a-z]*) [ -f "bench/bench_$arg.py" ] && scripts+=("bench/bench_$arg.py") || args+=("$arg") ;;
        *) args+=("$arg") ;;
    esac
done
[ ${#scripts[@]} -gt 0 ] || scripts=(bench/bench_*.py)
failed=()
for script in "${scripts[@]}"; do
    say "running $script"
    started=$SECONDS
    if ! "$VENV/bin/python" "$script" --config "$ODOO_CONF" --database "$BENCH_DB" ${args[@]+"${args[@]}"}; then
        failed+=("$script")
        printf '\033[1;31m[bench] FAILED:\033[0m %s\n' "$script" >&2
    fi
    say "$script: $((SECONDS - started)) s"
done
if [ ${#failed[@]} -gt 0 ]; then
    die "benches failed: ${failed[*]}"
fi
