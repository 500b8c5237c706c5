# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models
from odoo.exceptions import UserError

# The steps that need a written reason, and the only methods this wizard calls.
_STEPS = {
    ("telesales.qa.inspection", "action_appeal"),
    ("telesales.discipline", "action_reject"),
    ("telesales.discipline", "action_cancel"),
    ("telesales.discipline", "action_appeal"),
    ("telesales.discipline", "action_record_refusal"),
    ("telesales.liability", "action_cancel"),
    ("telesales.coaching", "action_cancel"),
}


class TelesalesReasonWizard(models.TransientModel):
    """Asks the written reason a rejection, cancellation or appeal needs."""

    _name = "telesales.reason.wizard"
    _description = "Telesales Reason"

    res_model = fields.Char(required=True)
    res_ids = fields.Char(required=True)
    method = fields.Char(required=True)
    reason = fields.Text(required=True)

    @api.model
    def _open(self, records, method):
        if (records._name, method) not in _STEPS:
            raise UserError(self.env._("This step takes no reason."))
        titles = {
            "action_appeal": self.env._("Appeal"),
            "action_reject": self.env._("Reject"),
            "action_cancel": self.env._("Cancel"),
            "action_record_refusal": self.env._("Record the Refusal"),
        }
        return {
            "type": "ir.actions.act_window",
            "name": titles[method],
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": records._name,
                "default_res_ids": json.dumps(records.ids),
                "default_method": method,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        if (self.res_model, self.method) not in _STEPS:
            raise UserError(self.env._("This step takes no reason."))
        records = self.env[self.res_model].browse(json.loads(self.res_ids))
        getattr(records, self.method)(self.reason)
        return {"type": "ir.actions.act_window_close"}
