# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    telesales_deduction_cap = fields.Float(
        related="company_id.telesales_deduction_cap", readonly=False
    )
    telesales_payroll_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Payroll Currency"
    )
    telesales_min_monthly_wage = fields.Monetary(
        related="company_id.telesales_min_monthly_wage",
        currency_field="telesales_payroll_currency_id",
        readonly=False,
    )
