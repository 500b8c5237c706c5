# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
