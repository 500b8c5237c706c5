# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn


class TelesalesDailyComplianceXlsx(models.AbstractModel):
    """Daily compliance by agent and day, with totals per team (a month of a
    large centre is tens of thousands of rows, streamed).

    Clock times are Excel times in the user's time zone, talk time and
    overtime durations, "Compliant" and "Provisional" 是/否, and the reasons
    are written from the row's figures in the user's language (the stored
    text is in the language of whoever ran the computation)."""

    _name = "report.telesales_hr.daily_compliance_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _xlsx_bool_text = True
    _description = "Daily Compliance"
    _xlsx_model = "telesales.daily.compliance"
    _xlsx_order = "date, department_id, employee_id, id"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("date", self.env._("Date"), 12, "date"),
            XlsxColumn("employee_id", self.env._("Agent"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("dials", self.env._("Outbound Calls"), 12, "int", "sum"),
            XlsxColumn(
                "connected_calls", self.env._("Connected Calls"), 12, "int", "sum"
            ),
            XlsxColumn("talk_hours", self.env._("Talk Hours"), 11, "duration", "sum"),
            XlsxColumn("first_call_time", self.env._("First Call"), 10, "time"),
            XlsxColumn("afternoon_call_time", self.env._("Afternoon Call"), 10, "time"),
            XlsxColumn("check_in", self.env._("Check In"), 10, "time"),
            XlsxColumn("check_out", self.env._("Check Out"), 10, "time"),
            XlsxColumn("overtime_hours", self.env._("Overtime"), 10, "duration", "sum"),
            XlsxColumn("compliant", self.env._("Compliant"), 10, None, "count"),
            XlsxColumn("provisional", self.env._("Provisional"), 10, None, "count"),
            XlsxColumn("reasons", self.env._("Reasons"), 50),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "department_id"
            yield sheet

    def _xlsx_rows(self, sheet, columns):
        """The rows, their "reasons" cell made from the row's figures (read
        raw beside the columns) in the user's language."""
        index = next(
            (i for i, column in enumerate(columns) if column.fname == "reasons"), None
        )
        if index is None:
            yield from super()._xlsx_rows(sheet, columns)
            return
        Compliance = self.env["telesales.daily.compliance"]
        extra = [*Compliance._REASON_FIELDS, "company_id"]
        hidden = [XlsxColumn(fname, fname, raw=True) for fname in extra]
        max_dials = {}
        width = len(columns)
        for values in super()._xlsx_rows(sheet, [*columns, *hidden]):
            figures = dict(zip(extra, values[width:], strict=True))
            company_id = figures["company_id"]
            if company_id not in max_dials:
                max_dials[company_id] = (
                    self.env["res.company"]
                    .sudo()
                    .browse(company_id)
                    .telesales_daily_dial_cap
                )
            lines = Compliance._reason_lines(figures, max_dials[company_id])
            values = values[:width]
            values[index] = "\n".join(lines) or None
            yield values
