# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .call_common import TelesalesCallCase


@tagged("post_install", "-at_install")
class TestCallAccess(TelesalesCallCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["telesales.call.import"]._import_file(
            io.BytesIO(
                cls.csv_bytes(
                    [
                        cls.row(f"acc-{login}", "2025-03-03 10:00:00", agent=login)
                        for login in ("a1", "a1b", "a2", "b1")
                    ]
                )
            ),
            cls.generic,
        )

    def visible(self, user):
        return sorted(
            self.Call.with_user(user)
            .search([("external_id", "like", "acc-")])
            .mapped("external_id")
        )

    def test_visibility(self):
        """Agents see their calls, team leaders their team's, managers their
        unit's, HR and auditors all."""
        everyone = ["acc-a1", "acc-a1b", "acc-a2", "acc-b1"]
        self.assertEqual(self.visible(self.agent_a1_user), ["acc-a1"])
        self.assertEqual(self.visible(self.tl_a1_user), ["acc-a1", "acc-a1b"])
        self.assertEqual(
            self.visible(self.manager_a_user), ["acc-a1", "acc-a1b", "acc-a2"]
        )
        self.assertEqual(self.visible(self.manager_b_user), ["acc-b1"])
        self.assertEqual(self.visible(self.hr_user), everyone)
        self.assertEqual(self.visible(self.auditor), everyone)

    def test_read_only_roles(self):
        """Only HR changes call records; auditors read them."""
        call = self.Call.search([("external_id", "=", "acc-a1")])
        for user in (
            self.agent_a1_user,
            self.tl_a1_user,
            self.manager_a_user,
            self.auditor,
        ):
            with self.assertRaises(AccessError):
                call.with_user(user).write({"talk_seconds": 1})
        call.with_user(self.hr_user).write({"talk_seconds": 1})
        self.assertEqual(call.with_user(self.auditor).talk_seconds, 1)

    def test_configuration_access(self):
        """Dialers and mappings: HR manages, auditors read, agents nothing."""
        Dialer = self.env["telesales.dialer"]
        dialer = Dialer.with_user(self.hr_user).create({"name": "D"})
        self.assertEqual(dialer.with_user(self.auditor).name, "D")
        with self.assertRaises(AccessError):
            dialer.with_user(self.auditor).write({"name": "E"})
        with self.assertRaises(AccessError):
            Dialer.with_user(self.agent_a1_user).search([])
        with self.assertRaises(AccessError):
            self.env["telesales.call.mapping"].with_user(self.tl_a1_user).search([])
        self.assertTrue(
            self.env["telesales.call.mapping"].with_user(self.auditor).search([])
        )
        # the dialer's key is an API key of its technical user: HR neither
        # reads that user's field nor its keys
        dialer.with_user(self.hr_user).action_generate_key()
        with self.assertRaises(AccessError):
            dialer.with_user(self.hr_user).read(["user_id"])
        self.assertFalse(
            self.env["res.users.apikeys"]
            .with_user(self.hr_user)
            .search([("user_id", "=", dialer.sudo().user_id.id)])
        )
