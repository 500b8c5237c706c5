# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn


class TelesalesReferralLedgerXlsx(models.AbstractModel):
    """The referral bonus ledger: one row per milestone bonus, the total and
    the amounts per state (pending, due, approved, paid, cancelled)."""

    _name = "report.telesales_hr.referral_ledger_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _xlsx_bool_text = True
    _description = "Referral Bonus Ledger"
    _xlsx_model = "telesales.referral.milestone"
    _xlsx_order = "date_due, id"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("employee_id", self.env._("Referrer"), 24),
            XlsxColumn("department_id", self.env._("Referrer's Team"), 28),
            XlsxColumn("hire_id", self.env._("Referred Hire"), 24),
            XlsxColumn("hire_department_id", self.env._("Hire's Team"), 28),
            XlsxColumn("kind", self.env._("Milestone"), 26),
            XlsxColumn("date_due", self.env._("Due Date"), 12, "date"),
            XlsxColumn("amount", self.env._("Amount"), 14, "money", "sum"),
            XlsxColumn("state", self.env._("State"), 12),
            XlsxColumn("date_approved", self.env._("Approved On"), 12, "date"),
            XlsxColumn("date_paid", self.env._("Paid On"), 12, "date"),
            XlsxColumn("payment_reference", self.env._("Payslip"), 20),
            XlsxColumn("cancel_reason", self.env._("Cancel Reason"), 30),
        ]

    def _xlsx_sheets(self, domain, data):
        for sheet in super()._xlsx_sheets(domain, data):
            sheet.subtotal_by = "state"
            yield sheet
