# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn


class TelesalesPremiumXlsx(models.AbstractModel):
    """The sales ledger line by line (the large export: a month of a big
    centre is hundreds of thousands of lines, streamed)."""

    _name = "report.telesales_hr.premium_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _xlsx_bool_text = True
    _description = "Premium Ledger"
    _xlsx_model = "telesales.premium"
    _xlsx_order = "date, id"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("date", self.env._("Date"), 12, "date"),
            XlsxColumn("external_id", self.env._("External ID"), 18),
            XlsxColumn("policy_ref", self.env._("Policy / Order"), 18),
            XlsxColumn("employee_id", self.env._("Agent"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("amount", self.env._("Premium"), 14, "money", "sum"),
            XlsxColumn("state", self.env._("State"), 12),
            XlsxColumn("refund_date", self.env._("Refund Date"), 12, "date"),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "state"
            yield sheet
