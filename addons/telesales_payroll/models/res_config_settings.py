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
    telesales_late_minor_pct = fields.Float(
        related="company_id.telesales_late_minor_pct", readonly=False
    )
    telesales_late_major_pct = fields.Float(
        related="company_id.telesales_late_major_pct", readonly=False
    )
    telesales_half_absence_factor = fields.Float(
        related="company_id.telesales_half_absence_factor", readonly=False
    )
    telesales_full_absence_factor = fields.Float(
        related="company_id.telesales_full_absence_factor", readonly=False
    )
    telesales_quality_currency_id = fields.Many2one(related="company_id.currency_id")
    telesales_point_value = fields.Monetary(
        related="company_id.telesales_point_value",
        readonly=False,
        currency_field="telesales_quality_currency_id",
    )
    telesales_liability_cap_percent = fields.Float(
        related="company_id.telesales_liability_cap_percent", readonly=False
    )
