# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.telesales_hr.report.telesales_xlsx_stream import XlsxColumn


class TelesalesDisciplineRegisterXlsx(models.AbstractModel):
    """The penalty register: every case with its level, points, state and
    supervisors; the decision letters print from each case."""

    _name = "report.telesales_quality.discipline_register_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _description = "Penalty Register"
    _xlsx_model = "telesales.discipline"
    _xlsx_order = "date, id"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("date", self.env._("Date"), 12, "date"),
            XlsxColumn("name", self.env._("Case"), 18),
            XlsxColumn("employee_id", self.env._("Penalised Employee"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("source", self.env._("Source"), 16),
            XlsxColumn("severity", self.env._("Severity"), 10),
            XlsxColumn("level_id", self.env._("Level"), 18),
            XlsxColumn("points", self.env._("Points"), 9, "float", "sum"),
            XlsxColumn("direct_supervisor_id", self.env._("Direct Supervisor"), 22),
            XlsxColumn("indirect_supervisor_id", self.env._("Indirect Supervisor"), 22),
            XlsxColumn("state", self.env._("Status"), 14),
            XlsxColumn("date_applied", self.env._("Applied On"), 12, "date"),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "level_id"
            yield sheet
