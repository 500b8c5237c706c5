# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo users hold exactly their role: none of the groups Odoo gives new
users by default (or that apps installed later add to that template)."""

from odoo import Command
from odoo.tests import TransactionCase, tagged

ROLES = {
    "director": "telesales_hr.group_telesales_manager",
    "hr": "telesales_hr.group_telesales_hr",
    "auditor": "telesales_hr.group_telesales_auditor",
    "manager1": "telesales_hr.group_telesales_manager",
    "manager2": "telesales_hr.group_telesales_manager",
    **{
        f"leader{index}": "telesales_hr.group_telesales_team_leader"
        for index in range(1, 6)
    },
    **{
        f"agent{index}": "telesales_hr.group_telesales_agent"
        for index in (1, 2, 3, 8, 16, 24, 32, 40)
    },
}


def role_closure(group):
    return group | group.trans_implied_ids


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    def test_demo_users_hold_their_role_only(self):
        users = self.env["res.users"].search([("login", "in", list(ROLES))])
        self.assertEqual(sorted(users.mapped("login")), sorted(ROLES))
        # and no other demo user of the telesales roles exists
        demo_logins = (
            self.env["res.users"].search([("login", "=like", "agent%")]).mapped("login")
        )
        self.assertEqual(
            sorted(demo_logins), sorted(login for login in ROLES if "agent" in login)
        )
        for user in users:
            with self.subTest(login=user.login):
                expected = role_closure(self.env.ref(ROLES[user.login]))
                extra = (user.groups_id - expected).mapped("full_name")
                missing = (expected - user.groups_id).mapped("full_name")
                self.assertFalse(extra or missing, f"extra {extra}, missing {missing}")
                self.assertFalse(user.share)

    def test_template_groups_not_given_to_roles(self):
        """A group an app adds to the default user template later reaches
        other internal users, not the holders of a telesales role."""
        self.env["ir.config_parameter"].set_param(
            "base_setup.default_user_rights", True
        )
        group = self.env["res.groups"].create({"name": "App Manager (test)"})
        plain = self.env["res.users"].create(
            {
                "name": "Plain",
                "login": "ts_plain_user",
                "groups_id": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        agent = self.env["res.users"].search([("login", "=", "agent1")])
        self.env.ref("base.default_user").write({"groups_id": [Command.link(group.id)]})
        self.assertIn(group, plain.groups_id)
        self.assertNotIn(group, agent.groups_id)
