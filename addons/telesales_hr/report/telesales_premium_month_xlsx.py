# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn


def _achievement(sums):
    """Achievement of the totals: total premium / total target, not the
    average of the agents' percentages."""
    target = sums.get("target") or 0.0
    return round(100.0 * sums.get("premium", 0.0) / target, 1) if target else None


class TelesalesPremiumMonthXlsx(models.AbstractModel):
    _name = "report.telesales_hr.premium_month_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _xlsx_bool_text = True
    _description = "Premium by Month"
    _xlsx_model = "telesales.premium.month"
    _xlsx_order = "month, department_id, employee_id"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("month", self.env._("Month"), 10, "month"),
            XlsxColumn("employee_id", self.env._("Agent"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("premium", self.env._("Effective Premium"), 16, "money", "sum"),
            XlsxColumn("target", self.env._("Target"), 16, "money", "sum"),
            XlsxColumn(
                "achievement", self.env._("Achievement (%)"), 14, "pct", _achievement
            ),
        ]
