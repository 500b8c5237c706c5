# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _telesales_join_committee(self):
        """Committee members chosen in Settings get the committee's access."""
        group = self.env.ref("telesales_quality.group_quality_committee")
        missing = self.filtered(lambda user: group not in user.groups_id)
        if missing:
            missing.sudo().write({"groups_id": [Command.link(group.id)]})
