# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.telesales_hr.report.telesales_xlsx_stream import XlsxColumn


class TelesalesQaInspectionXlsx(models.AbstractModel):
    """QA results: one row per inspection with its score and outcome; the
    totals per team give the pass rate (passed / inspections)."""

    _name = "report.telesales_quality.qa_inspection_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _description = "QA Results"
    _xlsx_model = "telesales.qa.inspection"
    _xlsx_order = "call_date, department_id, employee_id, id"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("call_date", self.env._("Call Date"), 12, "date"),
            XlsxColumn("name", self.env._("Inspection"), 18),
            XlsxColumn("employee_id", self.env._("Agent"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("inspector_id", self.env._("Inspector"), 20),
            XlsxColumn("form_id", self.env._("Inspection Form"), 24),
            XlsxColumn("score", self.env._("Score"), 9, "float"),
            XlsxColumn("passed", self.env._("Passed"), 9),
            XlsxColumn("fatal_failed", self.env._("Fatal Failure"), 9),
            XlsxColumn("state", self.env._("Status"), 14),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "department_id"
            yield sheet
