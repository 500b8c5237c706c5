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
        _ = self.env._
        return [
            XlsxColumn("date", _("Date"), 12, "date"),
            XlsxColumn("employee_id", _("Agent"), 24),
            XlsxColumn("department_id", _("Team"), 28),
            XlsxColumn("dials", _("Outbound Calls"), 12, "int", "sum"),
            XlsxColumn("connected_calls", _("Connected Calls"), 12, "int", "sum"),
            XlsxColumn("talk_hours", _("Talk Hours"), 11, "float", "sum"),
            XlsxColumn("first_call_time", _("First Call"), 10, "float"),
            XlsxColumn("afternoon_call_time", _("Afternoon Call"), 10, "float"),
            XlsxColumn("overtime_hours", _("Overtime"), 10, "float", "sum"),
            XlsxColumn("compliant", _("Compliant"), 10, None, "count"),
            XlsxColumn("reasons", _("Reasons"), 50),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "department_id"
            yield sheet
