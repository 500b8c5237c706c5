# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TelesalesCase


@tagged("post_install", "-at_install")
class TestRankHistory(TelesalesCase):
    def test_default_ladder(self):
        """The six ranks of SPEC §3 ship with their wages and thresholds."""
        self.assertEqual(
            self.ranks.mapped("code"), ["T0", "S1", "S2", "S3", "D1", "D2"]
        )
        self.assertEqual(
            self.ranks.mapped("base_wage"), [1380, 1580, 1780, 1980, 2180, 2380]
        )
        self.assertEqual(
            self.ranks.mapped("quarter_threshold"),
            [0, 45000, 90000, 135000, 180000, 210000],
        )
        self.assertEqual(self.t0.newcomer_allowance, 650)

    def test_rank_at_date_and_periods(self):
        """The rank held on any past date comes from the history."""
        self.set_rank(self.agent_a1, self.s2, date(2025, 4, 1), origin="review")
        self.set_rank(self.agent_a1, self.s3, date(2025, 4, 16))
        at = self.History._rank_at
        self.assertEqual(
            at(self.agent_a1, date(2025, 3, 31))[self.agent_a1.id], self.s1
        )
        self.assertEqual(at(self.agent_a1, date(2025, 4, 1))[self.agent_a1.id], self.s2)
        self.assertEqual(
            at(self.agent_a1, date(2025, 4, 30))[self.agent_a1.id], self.s3
        )
        self.assertNotIn(self.agent_a1.id, at(self.agent_a1, date(2024, 12, 31)))
        periods = self.History._rank_periods(
            self.agent_a1, date(2025, 4, 1), date(2025, 4, 30)
        )[self.agent_a1.id]
        self.assertEqual(
            periods,
            [
                (self.s2, date(2025, 4, 1), date(2025, 4, 15)),
                (self.s3, date(2025, 4, 16), date(2025, 4, 30)),
            ],
        )
        self.assertEqual(self.agent_a1.telesales_rank_id, self.s3)
        self.assertTrue(self.agent_a1.is_telesales_agent)
        first = self.agent_a1.telesales_rank_history_ids.sorted("date_start")[0]
        self.assertEqual(first.date_end, date(2025, 3, 31))

    def test_history_never_rewritten(self):
        entry = self.agent_a1.telesales_rank_history_ids[:1]
        with self.assertRaises(UserError):
            entry.rank_id = self.d2
        with self.assertRaises(UserError):
            entry.date_start = date(2020, 1, 1)
        with self.assertRaises(UserError):
            entry.unlink()
        entry.reason = "Hired from the spring campaign"
        self.assertEqual(entry.rank_id, self.s1)

    def test_access(self):
        """Agents read their own history, team leaders their team's, managers
        their unit's; auditors read all and write nothing."""
        History = self.History

        def visible(user):
            return History.with_user(user).search([]).employee_id & self.agents

        self.assertEqual(visible(self.agent_a1_user), self.agent_a1)
        self.assertEqual(visible(self.tl_a1_user), self.agent_a1 | self.agent_a1b)
        self.assertEqual(
            visible(self.manager_a_user), self.agent_a1 | self.agent_a1b | self.agent_a2
        )
        self.assertEqual(visible(self.hr_user), self.agents)
        self.assertEqual(visible(self.auditor), self.agents)
        with self.assertRaises(AccessError):
            History.with_user(self.auditor).create(
                {"employee_id": self.agent_a1.id, "rank_id": self.d2.id}
            )
        with self.assertRaises(AccessError):
            History.with_user(self.tl_a1_user).create(
                {"employee_id": self.agent_a1.id, "rank_id": self.d2.id}
            )
        with self.assertRaises(AccessError):
            self.s1.with_user(self.auditor).base_wage = 1
        entry = History.with_user(self.hr_user).create(
            {"employee_id": self.agent_a1.id, "rank_id": self.s2.id}
        )
        self.assertEqual(entry.origin, "manual")
