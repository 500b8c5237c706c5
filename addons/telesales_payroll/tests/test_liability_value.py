# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The money of the supervisor liability: telesales_quality charges the
points (its tests/test_liability.py), payroll values them at the point value
and caps them at a share of the management allowance."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.telesales_quality.tests.test_liability import LiabilityCase

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")
class TestLiabilityValue(LiabilityCase):
    def test_points_valued_under_the_cap(self):
        self.apply(self.make_case(self.agent_a1, self.warning, "general"))  # 40
        self.apply(self.make_case(self.agent_a1b, self.public, "serious"))  # 20
        self.apply(self.make_case(self.agent_a2, self.public, "major"))  # 20
        by_sup = self.liabilities()
        tl_a1, manager = by_sup[self.tl_a1], by_sup[self.manager_a]
        self.assertAlmostEqual(tl_a1.amount_uncapped, 200)
        self.assertAlmostEqual(tl_a1.cap_amount, 400)
        self.assertAlmostEqual(tl_a1.amount, 200)
        self.assertFalse(tl_a1.capped)
        self.assertAlmostEqual(manager.amount, 150)
        amounts = self.Liability._liability_amounts(
            self.tl_a1 | self.manager_a | self.tl_b1, *MARCH
        )
        self.assertEqual(amounts, {self.tl_a1.id: 200, self.manager_a.id: 150})

    def test_capped_at_20_percent_of_the_allowance(self):
        self.apply(self.make_case(self.agent_a1, self.major_demerit, "major"))  # 80
        self.apply(self.make_case(self.agent_a1b, self.demerit, "serious"))  # 60
        tl_a1 = self.liabilities()[self.tl_a1]
        self.assertAlmostEqual(tl_a1.points, 80 + 48)
        self.assertAlmostEqual(tl_a1.amount_uncapped, 640)
        self.assertAlmostEqual(tl_a1.amount, 400)  # 20 % of 2000
        self.assertTrue(tl_a1.capped)
        # the rates and the cap are settings
        self.company.telesales_liability_cap_percent = 10
        self.company.telesales_liability_direct_major = 50
        tl_a1 = self.liabilities()[self.tl_a1]
        self.assertAlmostEqual(tl_a1.points, 40 + 48)
        self.assertAlmostEqual(tl_a1.amount, 200)

    def test_no_allowance_no_liability_amount(self):
        self.d1.management_allowance = 0
        self.apply(self.make_case(self.agent_a1, self.warning))
        tl_a1 = self.liabilities()[self.tl_a1]
        self.assertAlmostEqual(tl_a1.points, 24)
        self.assertEqual(tl_a1.amount, 0)

    def test_money_of_the_month_frozen_for_hr(self):
        """The point value, the allowance and the cap of the month are the
        computation's: HR changes none of them (nor does anyone)."""
        self.apply(self.make_case(self.agent_a1, self.warning, "general"))
        liability = self.liabilities()[self.tl_a1].with_user(self.hr_user)
        before = liability.read(["state", "amount", "cap_percent"])
        for vals in (
            {"cap_percent": 0.0},
            {"point_value": 0.0},
            {"management_allowance": 0.0},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                with self.cr.savepoint():
                    liability.write(vals)
        liability.invalidate_recordset()
        self.assertEqual(liability.read(["state", "amount", "cap_percent"]), before)
