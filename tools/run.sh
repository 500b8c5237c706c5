#!/usr/bin/env bash
# Command 1: run the product.
#
# Creates (first run) or upgrades (later runs, data kept) the demo database with
# the three modules, their demo data and the Chinese language, then serves Odoo
# on http://localhost:8069 (admin / admin).
#
# Background jobs (OCA queue_job): the configuration tools/setup.sh writes has
# server_wide_modules = base,web,queue_job and a [queue_job] section, and this
# server runs threaded (workers = 0), so queue_job's job runner starts as a
# thread of it and sends the jobs to this same server: one machine runs
# everything. With workers > 0 (odoo.conf.example) the runner is a process of
# its own instead.
#
# Environment: DB (default telesales_demo), HTTP_PORT (default 8069), plus
# everything tools/setup.sh reads.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh

DB=${DB:-telesales_demo}
PORT=${HTTP_PORT:-8069}
MODULES=telesales_hr,telesales_quality,telesales_payroll
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"
odoo() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" "$@"; }

if psql -d "$DB" -Atqc "SELECT 1 FROM ir_module_module WHERE name='telesales_hr' AND state='installed'" 2>/dev/null | grep -q 1; then
    say "upgrading $MODULES in $DB (data kept)"
    odoo -u "$MODULES" --stop-after-init --log-level=warn --logfile="$LOG_DIR/run-upgrade.log" ||
        die "upgrading $DB failed; see $LOG_DIR/run-upgrade.log"
else
    say "creating $DB with $MODULES and demo data (first run: a few minutes)"
    dropdb --if-exists "$DB"
    odoo -i "$MODULES" --load-language=zh_CN --stop-after-init --log-level=warn \
        --logfile="$LOG_DIR/run-install.log" ||
        die "installing into $DB failed; see $LOG_DIR/run-install.log"
    psql -d "$DB" -Atqc "SELECT 1 FROM ir_module_module WHERE name='telesales_payroll' AND state='installed'" | grep -q 1 ||
        die "installing into $DB failed; see $LOG_DIR/run-install.log"
fi

say "Odoo is starting on http://localhost:$PORT  (login admin / password admin, database $DB)"
echo "http://localhost:$PORT"
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" \
    --http-port="$PORT" --log-level=info
