# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesReferralMilestoneCancel(models.TransientModel):
    """Asks HR for the reason before referral bonuses are cancelled."""

    _name = "telesales.referral.milestone.cancel"
    _description = "Cancel Referral Bonuses"

    milestone_ids = fields.Many2many(
        "telesales.referral.milestone",
        relation="telesales_referral_milestone_cancel_rel",
        column1="wizard_id",
        column2="milestone_id",
        string="Bonuses",
        required=True,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.milestone_ids._check_hr()
        self.milestone_ids._cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
