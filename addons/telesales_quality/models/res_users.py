# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

#: the quality roles keep exactly their role too (see telesales_hr)
QUALITY_ROLE_GROUPS = (
    "telesales_quality.group_qa_inspector",
    "telesales_quality.group_quality_committee",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    def _telesales_role_users(self):
        users = super()._telesales_role_users()
        for xmlid in QUALITY_ROLE_GROUPS:
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if group:
                users |= group.sudo().users.filtered(lambda user: not user._is_system())
        return users
