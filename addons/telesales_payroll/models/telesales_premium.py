# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class TelesalesPremium(models.Model):
    _inherit = "telesales.premium"

    @api.model
    def _telesales_paid_days(self, pairs):
        """A day is locked for an employee once a done payslip of the
        employee covers it: its premium was paid (or found to be nothing)."""
        result = super()._telesales_paid_days(pairs)
        if not pairs:
            return result
        days = [day for _emp, day in pairs]
        self.env["hr.payslip"].flush_model(
            ["employee_id", "date_from", "date_to", "state", "number", "name"]
        )
        self.env.cr.execute(
            """
            SELECT employee_id, date_from, date_to, COALESCE(number, name)
              FROM hr_payslip
             WHERE state = 'done' AND employee_id IN %s
               AND date_from <= %s AND date_to >= %s
          ORDER BY date_from, id
            """,
            [tuple({emp for emp, _day in pairs}), max(days), min(days)],
        )
        slips = self.env.cr.fetchall()
        for emp, day in pairs:
            for slip_emp, start, end, label in slips:
                if slip_emp == emp and start <= day <= end:
                    result.setdefault((emp, day), label)
                    break
        return result
