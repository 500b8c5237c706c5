# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    telesales_promotion_mode = fields.Selection(
        related="company_id.telesales_promotion_mode", readonly=False
    )
    telesales_partial_quarter_mode = fields.Selection(
        related="company_id.telesales_partial_quarter_mode", readonly=False
    )
    telesales_watch_months = fields.Integer(
        related="company_id.telesales_watch_months", readonly=False
    )
    telesales_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    telesales_referral_first_amount = fields.Monetary(
        related="company_id.telesales_referral_first_amount",
        currency_field="telesales_company_currency_id",
        readonly=False,
    )
    telesales_referral_first_months = fields.Integer(
        related="company_id.telesales_referral_first_months", readonly=False
    )
    telesales_referral_probation_amount = fields.Monetary(
        related="company_id.telesales_referral_probation_amount",
        currency_field="telesales_company_currency_id",
        readonly=False,
    )
    telesales_referral_probation_months = fields.Integer(
        related="company_id.telesales_referral_probation_months", readonly=False
    )
    telesales_referral_approver_id = fields.Many2one(
        related="company_id.telesales_referral_approver_id", readonly=False
    )
    telesales_gate_active = fields.Boolean(
        related="company_id.telesales_gate_active", readonly=False
    )
    telesales_gate_min_achievement = fields.Float(
        related="company_id.telesales_gate_min_achievement", readonly=False
    )
    telesales_gate_min_premium_per_agent = fields.Monetary(
        related="company_id.telesales_gate_min_premium_per_agent",
        currency_field="telesales_company_currency_id",
        readonly=False,
    )
    telesales_gate_max_attrition = fields.Float(
        related="company_id.telesales_gate_max_attrition", readonly=False
    )
    telesales_gate_min_qa_pass_rate = fields.Float(
        related="company_id.telesales_gate_min_qa_pass_rate", readonly=False
    )
