# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import QualityCase


class LiabilityCase(QualityCase):
    """Two ranks with a management allowance; the money of the liability is
    telesales_payroll's (its tests/test_liability_value.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Liability = cls.env["telesales.liability"]
        cls.d1.management_allowance = 2000  # tl_a1, tl_a2
        cls.d2.management_allowance = 3000
        cls.set_rank(cls.manager_a, cls.d2, date(2025, 1, 1), origin="initial")

    def liabilities(self):
        records = self.Liability._compute_month(date(2025, 3, 1))
        return {rec.supervisor_id: rec for rec in records}


@tagged("post_install", "-at_install")
class TestLiability(LiabilityCase):
    @freeze_time("2025-03-12 10:00:00")
    def test_rates_by_severity_and_role(self):
        self.apply(self.make_case(self.agent_a1, self.warning, "general"))  # 40
        self.apply(self.make_case(self.agent_a1b, self.public, "serious"))  # 20
        self.apply(self.make_case(self.agent_a2, self.public, "major"))  # 20
        by_sup = self.liabilities()
        tl_a1, tl_a2, manager = (
            by_sup[self.tl_a1],
            by_sup[self.tl_a2],
            by_sup[self.manager_a],
        )
        # direct: 60 % of 40 + 80 % of 20
        self.assertAlmostEqual(tl_a1.points, 24 + 16)
        # direct: 100 % of 20
        self.assertAlmostEqual(tl_a2.points, 20)
        # indirect: 30 % of 40 + 40 % of 20 + 50 % of 20
        self.assertAlmostEqual(manager.points, 12 + 8 + 10)
        self.assertEqual(len(manager.line_ids), 3)
        self.assertEqual(set(manager.line_ids.mapped("role")), {"indirect"})
        self.assertNotIn(self.tl_b1, by_sup)

    @freeze_time("2025-03-12 10:00:00")
    def test_rates_are_settings(self):
        self.apply(self.make_case(self.agent_a1, self.major_demerit, "major"))  # 80
        self.apply(self.make_case(self.agent_a1b, self.demerit, "serious"))  # 60
        tl_a1 = self.liabilities()[self.tl_a1]
        self.assertAlmostEqual(tl_a1.points, 80 + 48)
        self.company.telesales_liability_direct_major = 50
        tl_a1 = self.liabilities()[self.tl_a1]
        self.assertAlmostEqual(tl_a1.points, 40 + 48)

    @freeze_time("2025-03-12 10:00:00")
    def test_no_allowance_still_charges_points(self):
        self.d1.management_allowance = 0
        self.apply(self.make_case(self.agent_a1, self.warning))
        tl_a1 = self.liabilities()[self.tl_a1]
        self.assertAlmostEqual(tl_a1.points, 24)

    @freeze_time("2025-03-12 10:00:00")
    def test_supervisors_of_the_event_not_of_today(self):
        case = self.make_case(self.agent_a1, self.warning)
        self.agent_a1.department_id = self.team_b1  # transferred afterwards
        self.apply(case)
        by_sup = self.liabilities()
        self.assertIn(self.tl_a1, by_sup)
        self.assertNotIn(self.tl_b1, by_sup)

    @freeze_time("2025-03-12 10:00:00")
    def test_recompute_keeps_confirmed_and_excludes_cancelled_cases(self):
        case = self.apply(self.make_case(self.agent_a1, self.warning))
        first = self.liabilities()[self.tl_a1]
        first.with_user(self.hr_user).action_confirm()
        with self.assertRaises(UserError):
            first.unlink()
        self.apply(self.make_case(self.agent_a1b, self.warning))
        by_sup = self.liabilities()
        self.assertNotIn(self.tl_a1, by_sup, "a confirmed month is not recomputed")
        self.assertAlmostEqual(first.points, 24)
        self.assertIn(self.manager_a, by_sup)
        self.assertAlmostEqual(by_sup[self.manager_a].points, 24)
        case.with_user(self.hr_user).action_cancel("Wrong agent.")
        self.assertAlmostEqual(self.liabilities()[self.manager_a].points, 12)
        self.assertEqual(
            self.Liability.search_count(
                [
                    ("supervisor_id", "=", self.manager_a.id),
                    ("month", "=", date(2025, 3, 1)),
                ]
            ),
            1,
        )

    @freeze_time("2025-03-12 10:00:00")
    def test_cover_up_is_not_charged_upwards(self):
        self.apply(self.make_case(self.tl_a1, self.public, case_type="cover_up"))
        self.assertFalse(self.liabilities())
