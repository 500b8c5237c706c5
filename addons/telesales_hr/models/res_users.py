# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, models

# the groups that define what a telesales user may do
ROLE_GROUPS = (
    "telesales_hr.group_telesales_agent",  # implied by every other role
    "telesales_hr.group_telesales_auditor",
    "telesales_hr.group_telesales_dialer_api",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    def _telesales_role_users(self):
        """Users holding a telesales role (administrators excepted): their
        groups are their role's, and nothing an app adds to the template."""
        users = self.browse()
        for xmlid in ROLE_GROUPS:
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if group:
                users |= group.sudo().users
        return users.filtered(lambda user: not user._is_system())

    def _apply_groups_to_existing_employees(self):
        # Odoo gives every internal user the groups that an app installed
        # later adds to the default user template (payroll manager, HR
        # officer …); write() does it here for everyone but the telesales
        # roles, who keep exactly their role
        return False

    def write(self, vals):
        propagate = (
            "groups_id" in vals and super()._apply_groups_to_existing_employees()
        )
        old_groups = self._default_groups() if propagate else None
        result = super().write(vals)
        if propagate:
            added = self._default_groups() - old_groups
            if added:
                users = (
                    self.env.ref("base.group_user").sudo().users
                    - self
                    - self._telesales_role_users()
                )
                users.write({"groups_id": [Command.link(gid) for gid in added.ids]})
        return result
