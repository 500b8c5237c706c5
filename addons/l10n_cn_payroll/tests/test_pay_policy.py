# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import YEAR, CnPayrollCase


@tagged("post_install", "-at_install")
class TestPayPolicy(CnPayrollCase):
    """劳动合同法 §4: a pay-affecting rule binds once published and made
    known to the employee."""

    def test_binds_only_once_acknowledged(self):
        alice = self.make_employee("Policy Alice")
        bob = self.make_employee("Policy Bob")
        Policy = self.env["l10n_cn.pay.policy"].with_user(self.manager)
        v1 = Policy.create({"name": "Deductions", "code": "DED", "version": 1})
        self.assertFalse(v1.binds(alice, date(YEAR, 6, 1)))
        v1.action_publish()
        # explicit date: the publication day is data, not today's date
        v1.date_published = date(YEAR, 3, 1)
        with self.assertRaises(UserError):
            v1.action_publish()
        self.env["l10n_cn.pay.policy.ack"].with_user(self.officer).create(
            {"policy_id": v1.id, "employee_id": alice.id, "date": date(YEAR, 3, 5)}
        )
        self.assertFalse(v1.binds(alice, date(YEAR, 3, 4)))
        self.assertTrue(v1.binds(alice, date(YEAR, 3, 5)))
        self.assertFalse(v1.binds(bob, date(YEAR, 6, 1)))
        self.assertEqual(v1.unacknowledged(alice | bob), bob)
        self.assertEqual(Policy.in_force("DED", date(YEAR, 6, 1)), v1)
        self.assertFalse(Policy.in_force("DED", date(YEAR, 2, 1)))
        v2 = Policy.create({"name": "Deductions", "code": "DED", "version": 2})
        v2.action_publish()
        v2.date_published = date(YEAR, 9, 1)
        self.assertEqual(Policy.in_force("DED", date(YEAR, 6, 1)), v1)
        self.assertEqual(Policy.in_force("DED", date(YEAR, 9, 1)), v2)
        # a new version needs a new acknowledgement
        self.assertFalse(v2.binds(alice, date(YEAR, 9, 2)))
