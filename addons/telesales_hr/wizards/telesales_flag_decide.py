# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesFlagDecide(models.TransientModel):
    """Confirm or dismiss a flag: asks for the decision note (required where
    the flag's type needs one) and says beforehand what confirming costs;
    afterwards it says what was done."""

    _name = "telesales.flag.decide"
    _description = "Decide on a Flag"

    flag_id = fields.Many2one("telesales.flag", required=True, ondelete="cascade")
    decision = fields.Selection(
        [("confirm", "Confirm"), ("dismiss", "Dismiss")], required=True
    )
    decision_note = fields.Text()
    note_required = fields.Boolean(compute="_compute_preview")
    consequences = fields.Text(compute="_compute_preview")

    @api.depends("flag_id", "decision")
    def _compute_preview(self):
        Flag = self.env["telesales.flag"]
        for wizard in self:
            flag = wizard.flag_id
            required = set(Flag._flag_note_required_types)
            if wizard.decision == "confirm":
                required |= set(Flag._flag_confirm_note_types)
            wizard.note_required = flag.flag_type in required
            wizard.consequences = (
                "\n".join(flag._confirm_consequences())
                if flag and wizard.decision == "confirm"
                else False
            )

    def action_decide(self):
        self.ensure_one()
        flag = self.flag_id
        if (self.decision_note or "") != (flag.decision_note or ""):
            flag.write({"decision_note": self.decision_note})
        messages = flag.sudo().message_ids
        if self.decision == "confirm":
            flag.action_confirm()
            title = self.env._("Flag confirmed")
        else:
            flag.action_dismiss()
            title = self.env._("Flag dismissed")
        posted = (flag.sudo().message_ids - messages).filtered(
            lambda m: m.preview and not m.tracking_value_ids
        )
        text = "\n".join(posted.sorted("id").mapped("preview"))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title,
                "message": text or flag.display_name,
                "type": "success",
                "sticky": bool(text),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
