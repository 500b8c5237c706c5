# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.telesales_call_row_values import COLUMN_FIELDS, REQUIRED_COLUMNS


class CallImportError(UserError):
    """A file or batch of call records was refused; nothing was written.

    ``errors``: ``[(row number, reason), …]`` (the first MAX_ERRORS),
    ``bad_rows``: how many rows are invalid, ``total_rows``: rows read.
    """

    def __init__(self, message, errors=(), bad_rows=0, total_rows=0):
        super().__init__(message)
        self.errors = list(errors)
        self.bad_rows = bad_rows
        self.total_rows = total_rows


class TelesalesCallImport(models.TransientModel):
    """Bulk import of dialer exports (millions of rows): the wizard.

    The wizard is one way in; :meth:`_import_file` is the engine
    (telesales_call_import_engine.py, loading in
    telesales_call_import_stage.py), also used by
    the JSON endpoint (:meth:`_import_records`), the ``telesales_import_calls``
    command, the directory cron and the benchmark. It streams the file, checks
    every row, writes nothing when a row is bad (all-or-nothing per file), and
    otherwise loads the rows with COPY into a temporary table and one
    ``INSERT … SELECT … ON CONFLICT DO NOTHING``: re-importing a file creates
    nothing twice. Violations are then computed for the agent-days touched.
    """

    _name = "telesales.call.import"
    _check_company_auto = True
    _description = "Import Call Records"

    file = fields.Binary(attachment=False)
    filename = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    dialer_id = fields.Many2one(
        "telesales.dialer",
        check_company=True,
        domain="[('company_id', '=', company_id)]",
        help="The dialer the file comes from (its mapping is proposed).",
    )
    mapping_id = fields.Many2one(
        "telesales.call.mapping",
        required=True,
        compute="_compute_mapping_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "To Import"), ("done", "Imported"), ("failed", "Refused")],
        default="draft",
        required=True,
    )
    result = fields.Text(readonly=True)
    expected_columns = fields.Text(
        compute="_compute_expected_columns",
        help="The header row the chosen mapping reads: one column per line, "
        "with the call field it fills.",
    )
    expected_format = fields.Char(
        compute="_compute_expected_columns",
        help="Delimiter, encoding, time zone and date format of the mapping.",
    )

    @api.depends("mapping_id")
    def _compute_expected_columns(self):
        Mapping = self.env["telesales.call.mapping"]
        Call = self.env["telesales.call"]
        for wizard in self:
            mapping = wizard.mapping_id
            if not mapping:
                wizard.expected_columns = False
                wizard.expected_format = False
                continue
            lines = []
            for col, call_field in COLUMN_FIELDS.items():
                header = (mapping[col] or "").strip()
                if not header:
                    continue
                label = Call._fields[call_field]._description_string(self.env)
                if col in REQUIRED_COLUMNS:
                    lines.append(
                        self.env._(
                            "%(column)s: %(field)s (required)",
                            column=header,
                            field=label,
                        )
                    )
                else:
                    lines.append(
                        self.env._("%(column)s: %(field)s", column=header, field=label)
                    )
            selections = {
                fname: dict(Mapping._fields[fname]._description_selection(self.env))
                for fname in ("delimiter", "encoding")
            }
            wizard.expected_columns = "\n".join(lines)
            wizard.expected_format = self.env._(
                "Delimiter %(delimiter)s, encoding %(encoding)s, times in "
                "%(timezone)s, dates %(format)s",
                delimiter=selections["delimiter"].get(mapping.delimiter, ""),
                encoding=selections["encoding"].get(mapping.encoding, ""),
                timezone=mapping.timezone,
                format=mapping.datetime_format or "ISO 8601 (2025-03-03 09:15:00)",
            )

    @api.depends("dialer_id")
    def _compute_mapping_id(self):
        default = self.env.ref(
            "telesales_hr.call_mapping_vicidial", raise_if_not_found=False
        )
        for wizard in self:
            wizard.mapping_id = (
                wizard.dialer_id.mapping_id or wizard.mapping_id or default
            )

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        with io.BytesIO(base64.b64decode(self.file)) as data:
            try:
                result = self._import_file(
                    data,
                    self.mapping_id,
                    company=self.company_id,
                    dialer=self.dialer_id,
                    source_name=self.filename,
                )
            except CallImportError as error:
                self.write({"state": "failed", "result": self._error_report(error)})
            else:
                self.write(
                    {
                        "state": "done",
                        "file": False,
                        "result": self.env._(
                            "%(rows)s rows read: %(created)s calls created, "
                            "%(skipped)s already imported. %(violations)s "
                            "compliance violations on the agent-days imported.",
                            **result,
                        ),
                    }
                )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Calls"),
        }

    def action_view_calls(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_call"
        )

    def _error_report(self, error):
        lines = [str(error.args[0]).split("\n", 1)[0], ""]
        lines += [
            self.env._("row %(row)s: %(reason)s", row=row, reason=reason)
            for row, reason in error.errors
        ]
        if error.bad_rows > len(error.errors):
            lines.append(
                self.env._(
                    "… and %(count)s more bad rows.",
                    count=error.bad_rows - len(error.errors),
                )
            )
        return "\n".join(lines)
