# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    telesales_qa_pass_score = fields.Float(
        related="company_id.telesales_qa_pass_score", readonly=False
    )
    telesales_qa_appeal_days = fields.Integer(
        related="company_id.telesales_qa_appeal_days", readonly=False
    )
    telesales_quality_base_points = fields.Float(
        related="company_id.telesales_quality_base_points", readonly=False
    )
    telesales_coaching_days = fields.Integer(
        related="company_id.telesales_coaching_days", readonly=False
    )
    telesales_committee_user_ids = fields.Many2many(
        related="company_id.telesales_committee_user_ids", readonly=False
    )
    telesales_gate_min_qa_pass_rate = fields.Float(
        related="company_id.telesales_gate_min_qa_pass_rate", readonly=False
    )
    telesales_liability_direct_general = fields.Float(
        related="company_id.telesales_liability_direct_general", readonly=False
    )
    telesales_liability_direct_serious = fields.Float(
        related="company_id.telesales_liability_direct_serious", readonly=False
    )
    telesales_liability_direct_major = fields.Float(
        related="company_id.telesales_liability_direct_major", readonly=False
    )
    telesales_liability_indirect_general = fields.Float(
        related="company_id.telesales_liability_indirect_general", readonly=False
    )
    telesales_liability_indirect_serious = fields.Float(
        related="company_id.telesales_liability_indirect_serious", readonly=False
    )
    telesales_liability_indirect_major = fields.Float(
        related="company_id.telesales_liability_indirect_major", readonly=False
    )
