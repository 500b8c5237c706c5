# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesDisciplineAppealWizard(models.TransientModel):
    """A committee member proposes the decision on an appeal; the other
    members then approve it (consensus) or reject it with a reason."""

    _name = "telesales.discipline.appeal.wizard"
    _description = "Decide a Disciplinary Appeal"

    discipline_id = fields.Many2one("telesales.discipline", required=True)
    appeal_reason = fields.Text(related="discipline_id.appeal_reason")
    current_level_id = fields.Many2one(related="discipline_id.level_id")
    decision = fields.Selection(
        [
            ("upheld", "Uphold the decision"),
            ("changed", "Change the level"),
            ("overturned", "Overturn: cancel the case"),
        ],
        required=True,
        default="upheld",
    )
    level_id = fields.Many2one("telesales.discipline.level", string="New Level")
    note = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.discipline_id.action_propose_appeal_decision(
            self.decision, self.note, self.level_id
        )
        return {"type": "ir.actions.act_window_close"}
