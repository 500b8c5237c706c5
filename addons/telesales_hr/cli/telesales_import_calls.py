# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``odoo-bin telesales_import_calls``: import dialer exports from a shell or
the system cron, each file in its own transaction, all-or-nothing.

    odoo-bin --addons-path=<paths> telesales_import_calls -c odoo.conf -d DB \\
        --mapping telesales_hr.call_mapping_vicidial [--company ID] \\
        [--dialer NAME] FILE.csv [FILE.csv …]

Odoo discovers the command only when ``--addons-path=`` is the first
argument. Exits with status 1 when a file is refused (its bad rows are
printed).
"""

import logging
import optparse
import sys
from pathlib import Path

import odoo
from odoo.cli import Command

_logger = logging.getLogger(__name__)


class TelesalesImportCalls(Command):
    """Import dialer call exports (CSV) into telesales.call"""

    name = "telesales_import_calls"

    def run(self, args):
        parser = odoo.tools.config.parser
        parser.prog = f"{Path(sys.argv[0]).name} {self.name}"
        group = optparse.OptionGroup(parser, "Telesales call import")
        group.add_option(
            "--mapping",
            dest="telesales_mapping",
            default="telesales_hr.call_mapping_vicidial",
            help="mapping xml id or name (default: the VICIdial preset)",
        )
        group.add_option("--company", dest="telesales_company", type="int")
        group.add_option("--dialer", dest="telesales_dialer", help="dialer name")
        parser.add_option_group(group)
        _options, files = parser.parse_args(args)
        # Odoo's own parsing refuses positional arguments: give it the rest
        odoo_args = list(args)
        for path in reversed(files):
            del odoo_args[len(odoo_args) - 1 - odoo_args[::-1].index(path)]
        opt = odoo.tools.config.parse_config(odoo_args, setup_logging=True)
        dbname = odoo.tools.config["db_name"]
        if isinstance(dbname, list | tuple):
            dbname = dbname[0] if len(dbname) == 1 else None
        if not dbname or not files:
            sys.exit(f"usage: {parser.prog} -c CONF -d DB [--mapping M] FILE …")
        missing = [path for path in files if not Path(path).is_file()]
        if missing:
            sys.exit(f"{parser.prog}: no such file: {', '.join(missing)}")
        try:
            registry = odoo.modules.registry.Registry(dbname)
        except Exception as error:  # noqa: BLE001 - reported, then exit 1
            sys.exit(f"{parser.prog}: cannot open database {dbname}: {error}")
        failed = False
        for path in files:
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                try:
                    result = env["telesales.call.import"]._import_file(
                        path,
                        opt.telesales_mapping,
                        company=opt.telesales_company,
                        dialer=opt.telesales_dialer,
                    )
                except (odoo.exceptions.UserError, OSError) as error:
                    cr.rollback()
                    failed = True
                    message = (
                        error.args[0]
                        if isinstance(error, odoo.exceptions.UserError)
                        else str(error)
                    )
                    sys.stdout.write(f"{path}: REFUSED\n{message}\n")
                    continue
                sys.stdout.write(
                    f"{path}: {result['rows']} rows, {result['created']} created, "
                    f"{result['skipped']} already imported, "
                    f"{result['violations']} violations\n"
                )
        sys.exit(1 if failed else 0)
