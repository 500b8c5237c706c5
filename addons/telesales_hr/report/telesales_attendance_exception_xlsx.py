# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn


class TelesalesAttendanceExceptionXlsx(models.AbstractModel):
    """Attendance exceptions: the compliance days with a late arrival, an
    early leave, an absence or a missing check-out (telesales_payroll adds
    what they cost). Check-in and check-out are in the user's time zone."""

    _name = "report.telesales_hr.attendance_exception_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _xlsx_bool_text = True
    _description = "Attendance Exceptions"
    _xlsx_model = "telesales.daily.compliance"
    _xlsx_order = "date, department_id, employee_id, id"

    def _xlsx_source_domain(self, docids, data):
        exceptions = [
            "|",
            "|",
            "|",
            ("late_minutes", ">", 0),
            ("early_minutes", ">", 0),
            ("absence", "!=", "none"),
            ("missing_check_out", "=", True),
        ]
        return super()._xlsx_source_domain(docids, data) + exceptions

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("date", self.env._("Date"), 12, "date"),
            XlsxColumn("employee_id", self.env._("Agent"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("check_in", self.env._("Check In"), 18, "datetime"),
            XlsxColumn("check_out", self.env._("Check Out"), 18, "datetime"),
            XlsxColumn("late_minutes", self.env._("Late Minutes"), 10, "int", "sum"),
            XlsxColumn(
                "early_minutes", self.env._("Early Leave Minutes"), 10, "int", "sum"
            ),
            XlsxColumn("absence", self.env._("Absence"), 12),
            XlsxColumn("absence_days", self.env._("Absence Days"), 10, "float", "sum"),
            XlsxColumn("missing_check_out", self.env._("No Check-out"), 10),
            XlsxColumn("provisional", self.env._("Provisional"), 10),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "department_id"
            yield sheet
