# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn


class TelesalesDailyComplianceXlsx(models.AbstractModel):
    """Daily compliance by agent and day, with totals per team (a month of a
    large centre is tens of thousands of rows, streamed)."""

    _name = "report.telesales_hr.daily_compliance_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
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
            XlsxColumn("talk_hours", self.env._("Talk Hours"), 11, "float", "sum"),
            XlsxColumn("first_call_time", self.env._("First Call"), 10, "float"),
            XlsxColumn(
                "afternoon_call_time", self.env._("Afternoon Call"), 10, "float"
            ),
            XlsxColumn("overtime_hours", self.env._("Overtime"), 10, "float", "sum"),
            XlsxColumn("compliant", self.env._("Compliant"), 10, None, "count"),
            XlsxColumn("reasons", self.env._("Reasons"), 50),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "department_id"
            yield sheet
