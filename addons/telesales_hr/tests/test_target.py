# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .sales_common import TelesalesSalesCase


@tagged("post_install", "-at_install")
class TestTargets(TelesalesSalesCase):
    def test_agent_target_fallbacks(self):
        """Recorded target, else the employee's target, else the rank's."""
        may = date(2025, 5, 1)
        self.Target.create(
            {
                "employee_id": self.agent_a1.id,
                "month": date(2025, 5, 17),
                "amount": 22000,
            }
        )
        self.agent_a1b.telesales_monthly_target = 12000
        # a rank change inside the month: the rank held on its last day
        self.set_rank(self.agent_a2, self.s3, date(2025, 5, 20))
        targets = self.Target._agent_targets(
            self.agents | self.director, date(2025, 5, 9)
        )
        self.assertEqual(
            targets,
            {
                self.agent_a1.id: 22000.0,  # recorded (month normalised)
                self.agent_a1b.id: 12000.0,  # employee's own target
                self.agent_a2.id: 45000.0,  # rank S3 held at the end of May
                self.agent_b1.id: 45000.0,  # rank S3
                self.director.id: 0.0,  # no rank, nothing configured
            },
        )
        self.assertEqual(
            self.Target.search([("employee_id", "=", self.agent_a1.id)]).month, may
        )
        self.assertEqual(
            self.Target._agent_targets(self.agent_a2, date(2025, 4, 1)),
            {self.agent_a2.id: 30000.0},
        )

    def test_team_target_fallbacks(self):
        self.Target.create(
            {
                "department_id": self.team_a1.id,
                "month": date(2025, 5, 1),
                "amount": 50000,
            }
        )
        self.team_a2.telesales_monthly_target = 40000
        targets = self.Target._team_targets(
            self.team_a1 | self.team_a2 | self.team_b1, date(2025, 5, 1)
        )
        self.assertEqual(targets[self.team_a1.id], 50000.0)
        self.assertEqual(targets[self.team_a2.id], 40000.0)
        # no team target: the sum of its agents' (agent_b1 S3 45000 + tl_b1 D2 70000)
        self.assertEqual(targets[self.team_b1.id], 115000.0)

    def test_target_constraints(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.Target.create(
                {
                    "employee_id": self.agent_a1.id,
                    "department_id": self.team_a1.id,
                    "amount": 1,
                }
            )
        self.Target.create(
            {"employee_id": self.agent_a1.id, "month": date(2025, 5, 1), "amount": 1}
        )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.Target.create(
                {
                    "employee_id": self.agent_a1.id,
                    "month": date(2025, 5, 31),
                    "amount": 2,
                }
            )

    def test_target_access(self):
        own = self.Target.create({"employee_id": self.agent_a1.id, "amount": 1})
        other = self.Target.create({"employee_id": self.agent_b1.id, "amount": 1})
        team = self.Target.create({"department_id": self.team_a1.id, "amount": 1})
        self.assertEqual(
            self.Target.with_user(self.agent_a1_user).search([]) & (own | other | team),
            own | team,
        )
        self.assertEqual(
            self.Target.with_user(self.tl_a1_user).search([]) & (own | other | team),
            own | team,
        )
        self.assertEqual(
            self.Target.with_user(self.auditor).search([]) & (own | other | team),
            own | other | team,
        )
        with self.assertRaises(AccessError):
            own.with_user(self.agent_a1_user).amount = 5
        with self.assertRaises(AccessError):
            own.with_user(self.auditor).amount = 5
        with self.assertRaises(AccessError):
            own.with_user(self.tl_a1_user).amount = 5
        # a manager sets the targets of the unit's teams and agents, not others'
        own.with_user(self.manager_a_user).amount = 18000
        self.Target.with_user(self.manager_a_user).create(
            {"department_id": self.team_a2.id, "amount": 30000}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.manager_a_user).amount = 5
        other.with_user(self.hr_user).amount = 7
        self.assertEqual((own.amount, other.amount), (18000, 7))


@tagged("post_install", "-at_install")
class TestPerformanceWatch(TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the fixture's centre counts: other agents get no rank history
        # before 2025, so none of them is watched in these windows
        cls.months = [date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1)]
        cls.today = date(2025, 7, 10)

    def _flags(self, employee, flag_type="performance_watch"):
        return self.env["telesales.flag"].search(
            [("employee_id", "=", employee.id), ("flag_type", "=", flag_type)]
        )

    def _sell_months(self, employee, amounts):
        for month, amount in zip(self.months, amounts, strict=True):
            if amount:
                self.sell(employee, month.replace(day=10), amount)

    def test_three_months_below_target(self):
        """S1 target 15,000 a month: below it three months running raises the
        flag; reaching it exactly once does not."""
        self._sell_months(self.agent_a1, [14999.99, 14999.99, 14999.99])
        self._sell_months(self.agent_a2, [29999.99, 30000, 29999.99])  # S2: 30,000
        # agent_a1b (trainee, target 10,000) sells nothing at all
        self._sell_months(self.agent_b1, [45000, 45000, 45000])
        flags = self.Target._telesales_performance_watch(self.today)
        self.assertEqual(len(self._flags(self.agent_a1)), 1)
        self.assertEqual(len(self._flags(self.agent_a1b)), 1)
        self.assertFalse(self._flags(self.agent_a2))
        self.assertFalse(self._flags(self.agent_b1))
        flag = self._flags(self.agent_a1)
        self.assertIn(flag, flags)
        self.assertEqual(
            (flag.period_start, flag.period_end), (date(2025, 4, 1), date(2025, 6, 30))
        )
        self.assertEqual(
            flag.responsible_user_id, self.company._telesales_hr_users()[0]
        )
        self.assertIn("2025-05", flag.description)
        self.assertTrue(flag.activity_ids)
        # idempotent, and no second flag while one is open for the streak
        self.Target._telesales_performance_watch(self.today)
        self.Target._telesales_performance_watch(date(2025, 8, 2))
        self.assertEqual(len(self._flags(self.agent_a1)), 1)

    def test_refund_and_setting(self):
        """A refund in a later month pushes that month below target; the
        number of months is a company setting."""
        self.company.telesales_watch_months = 2
        self._sell_months(self.agent_a2, [40000, 40000, 40000])
        self.sell(
            self.agent_a2, date(2025, 4, 20), 20000, "refunded", date(2025, 5, 15)
        )
        self.Target._telesales_performance_watch(self.today)
        self.assertFalse(self._flags(self.agent_a2))  # June: 40,000 ≥ 30,000
        self.Target._telesales_performance_watch(date(2025, 6, 3))  # April-May
        # April 60,000 is above, May 40,000 - 20,000 = 20,000 is below: not two months
        self.assertFalse(self._flags(self.agent_a2))
        self.sell(
            self.agent_a2, date(2025, 4, 21), 30000, "refunded", date(2025, 4, 25)
        )
        self.sell(
            self.agent_a2, date(2025, 3, 21), 30000, "refunded", date(2025, 4, 25)
        )
        # April: 40,000 + 20,000 - 30,000 (refund of March) = 30,000: at target
        self.Target._telesales_performance_watch(date(2025, 6, 3))
        self.assertFalse(self._flags(self.agent_a2))
        self.sell(self.agent_a2, date(2025, 3, 22), 1, "refunded", date(2025, 4, 26))
        self.Target._telesales_performance_watch(date(2025, 6, 3))
        self.assertEqual(len(self._flags(self.agent_a2)), 1)

    def test_team_below_target(self):
        self.team_a1.telesales_monthly_target = 30000
        self.team_a2.telesales_monthly_target = 30000
        self._sell_months(self.agent_a1, [20000, 20000, 20000])
        self._sell_months(self.agent_a1b, [9999.99, 9999.99, 9999.99])
        self._sell_months(self.agent_a2, [30000, 30000, 30000])
        self.Target._telesales_performance_watch(self.today)
        flag = self._flags(self.tl_a1, "team_performance_watch")
        self.assertEqual(len(flag), 1)
        self.assertEqual(flag.department_id, self.team_a1)
        self.assertIn("Team A1", flag.name)
        self.assertFalse(self._flags(self.tl_a2, "team_performance_watch"))
