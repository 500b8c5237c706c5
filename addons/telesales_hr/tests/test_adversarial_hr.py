# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Adversarial review of issue 11 (telesales_hr): a team leader cannot
clear the do-not-call violations of their agents, and Odoo's uninstall
flag sent by a client does not switch off the deletion guards."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .call_common import TelesalesCallCase


@tagged("post_install", "-at_install")
class TestAdversarialDnc(TelesalesCallCase):
    def setUp(self):
        super().setUp()
        self.entry = self.Dnc.create(
            {"number": "13800138000", "date_listed": datetime(2025, 3, 4, 2, 0)}
        )
        self.import_rows([self.row("listed", "2025-03-05 10:00:00")])
        (self.listed,) = self.calls("listed")
        self.assertTrue(self.listed.violation_dnc)

    def test_team_leader_cannot_clear_the_violations(self):
        entry = self.entry.with_user(self.tl_a1_user)
        for vals in (
            {"number": "13900139000"},
            {"date_listed": datetime(2025, 3, 6, 2, 0)},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                with self.cr.savepoint():
                    entry.write(vals)
        self.assertEqual(self.entry.number, "13800138000")
        self.assertTrue(self.listed.violation_dnc)
        # listing earlier (more calls flagged) and a reason stay the leader's
        entry.write({"reason": "Customer request", "date_listed": datetime(2025, 3, 1)})
        self.assertTrue(self.listed.violation_dnc)
        # HR corrects a typo in the number
        self.entry.with_user(self.hr_user).write({"number": "13900139000"})
        self.assertFalse(self.listed.violation_dnc)

    def test_uninstall_flag_does_not_delete_a_violated_number(self):
        with self.assertRaises(UserError), self.cr.savepoint():
            self.entry.with_user(self.hr_user).with_context(
                _force_unlink=True
            ).unlink()
        self.assertTrue(self.entry.exists())
        self.assertTrue(self.listed.violation_dnc)
