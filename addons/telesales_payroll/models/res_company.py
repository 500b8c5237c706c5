# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Deductions (SPEC §6, 工资支付暂行规定 §16)
    telesales_deduction_cap = fields.Float(
        string="Deduction Cap (% of Monthly Wage)",
        default=20.0,
        help="All telesales deductions of a month together (attendance, quality, "
        "supervisor liability and amounts carried from earlier months) may not "
        "exceed this share of the month's wage, i.e. of the gross pay of the "
        "telesales structure. What is not deducted is carried to the next months.",
    )
    telesales_min_monthly_wage = fields.Monetary(
        string="Local Minimum Monthly Wage",
        currency_field="currency_id",
        default=2740.0,
        help="最低月工资标准 of the workplace. Deductions never take the net pay of "
        "a telesales payslip below it; the rest is carried to the next months. "
        "Update it when the city publishes a new standard.",
    )
    # Attendance deductions (SPEC §4): telesales_hr judges the day in minutes
    # and half days, these settings price it
    telesales_late_minor_pct = fields.Float(
        string="Minor Lateness Deduction (%)",
        default=5.0,
        help="Share of the day's base wage deducted per late arrival or early "
        "leave up to the minor limit.",
    )
    telesales_late_major_pct = fields.Float(
        string="Major Lateness Deduction (%)",
        default=10.0,
    )
    telesales_half_absence_factor = fields.Float(
        string="Half-day Absence (× day wage)",
        default=2.0,
    )
    telesales_full_absence_factor = fields.Float(
        string="Full-day Absence (× day wage)",
        default=3.0,
    )
    # Quality points and supervisor liability in money (telesales_quality
    # counts the points and the liability shares)
    telesales_point_value = fields.Monetary(
        string="Value of a Quality Point",
        default=5.0,
        help="Amount deducted per behaviour-quality point (行为品质分), before tax.",
    )
    telesales_liability_cap_percent = fields.Float(
        string="Liability Cap (% of Management Allowance)",
        default=20.0,
        help="A supervisor's monthly liability never exceeds this share of "
        "their management allowance.",
    )

    @api.constrains(
        "telesales_late_minor_pct",
        "telesales_late_major_pct",
        "telesales_half_absence_factor",
        "telesales_full_absence_factor",
    )
    def _check_telesales_attendance_money(self):
        self._telesales_check_not_negative(
            [
                "telesales_late_minor_pct",
                "telesales_late_major_pct",
                "telesales_half_absence_factor",
                "telesales_full_absence_factor",
            ]
        )
