#!/usr/bin/env bash
# Command 3: benchmarks.
#
#   tools/bench.sh calls [--orm-sample N] [--agents A --days D --dials K]
#       1,000,000 dialer calls through the bulk importer, against per-record
#       ORM create() on a sample, in the same run; prints rows/s and the ratio.
#
# Environment: BENCH_DB (default bench_calls; created with telesales_hr and no
# demo data the first time, updated afterwards), plus everything tools/setup.sh
# reads. The generated CSV is cached in bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh

BENCH_DB=${BENCH_DB:-bench_calls}
what=${1:-calls}
shift || true

case $what in
calls)
    if psql -d "$BENCH_DB" -Atqc 'select 1' >/dev/null 2>&1; then
        say "updating telesales_hr in $BENCH_DB"
        mode=(-u telesales_hr)
    else
        say "creating $BENCH_DB with telesales_hr (no demo data)"
        mode=(-i telesales_hr --without-demo=all)
    fi
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" \
        --db-filter="^$BENCH_DB\$" --log-level=warn --stop-after-init "${mode[@]}"
    "$VENV/bin/python" bench/bench_call_import.py --config "$ODOO_CONF" --database "$BENCH_DB" "$@"
    ;;
*)
    echo "usage: tools/bench.sh calls [options of bench/bench_call_import.py]" >&2
    exit 2
    ;;
esac
