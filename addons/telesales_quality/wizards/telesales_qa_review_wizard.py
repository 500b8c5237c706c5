# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesQaReviewWizard(models.TransientModel):
    """The reviewer's decision on an appealed inspection."""

    _name = "telesales.qa.review.wizard"
    _description = "Review an Inspection Appeal"

    inspection_id = fields.Many2one("telesales.qa.inspection", required=True)
    appeal_reason = fields.Text(related="inspection_id.appeal_reason")
    decision = fields.Selection(
        [
            ("upheld", "Uphold the inspection"),
            ("adjusted", "Adjust: keep the item results I corrected"),
            ("overturned", "Overturn: clear every failure"),
        ],
        required=True,
        default="upheld",
    )
    note = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.inspection_id.action_review(self.decision, self.note)
        return {"type": "ir.actions.act_window_close"}
