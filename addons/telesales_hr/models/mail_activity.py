# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """A flag whose activity is the answer (a coaching) is done with it."""
        flag_ids = [a.res_id for a in self if a.res_model == "telesales.flag"]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if flag_ids:
            self.env["telesales.flag"].browse(flag_ids)._on_activity_done(feedback)
        return result
