#!/usr/bin/env bash
# Re-export each module's .pot from a database where the modules are installed
# and merge it into i18n/zh_CN.po (existing translations kept, obsolete ones dropped).
#
#   tools/i18n.sh              uses TEST_DB (default telesales_test), e.g. after tools/test.sh
#   tools/i18n.sh --check      only report untranslated terms (exit 1 if any)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
DB=${TEST_DB:-telesales_test}
if [ "${1:-}" != "--check" ]; then
    for module in telesales_hr telesales_quality telesales_payroll l10n_cn_payroll; do
        say "exporting $module.pot from $DB"
        "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --log-level=warn \
            --i18n-export="addons/$module/i18n/$module.pot" --modules="$module" --stop-after-init
    done
fi
"$VENV/bin/python" tools/i18n_merge.py ${1:-}
