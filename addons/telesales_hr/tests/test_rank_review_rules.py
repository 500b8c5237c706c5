# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quarterly review's rules, called directly (no database)."""

from collections import namedtuple
from datetime import date

from odoo.tests import BaseCase, tagged

from ..models.telesales_rank_review_rules import (
    held_since,
    months_held,
    previous_quarter,
    quarter_dates,
    rank_decision,
)

Rank = namedtuple("Rank", "id sequence quarter_threshold")
T0, S1, S2, S3 = (Rank(n, 10 * n, 30000.0 * n) for n in range(1, 5))
LADDER = [T0, S1, S2, S3]


@tagged("post_install", "-at_install")
class TestRankReviewRules(BaseCase):
    def test_quarters(self):
        self.assertEqual(quarter_dates(2025, 1), (date(2025, 1, 1), date(2025, 3, 31)))
        self.assertEqual(previous_quarter(date(2025, 1, 15)), (2024, 4))
        self.assertEqual(previous_quarter(date(2025, 12, 31)), (2025, 3))

    def test_held_since(self):
        periods = [
            (S1, date(2024, 1, 1), date(2025, 1, 31)),
            (S2, date(2025, 2, 1), date(2025, 2, 14)),
            (S2, date(2025, 2, 15), date(2025, 3, 31)),
        ]
        self.assertEqual(held_since(periods), date(2025, 2, 1))
        q1 = quarter_dates(2025, 1)
        self.assertEqual(months_held(date(2025, 2, 1), *q1), 2)
        self.assertEqual(months_held(date(2024, 6, 1), *q1), 3)

    def decide(self, current, premium, months=3, blocked=False, mode="step"):
        result = rank_decision(current, LADDER, premium, months, blocked, mode, 0.01)
        return result["decision"], result["proposed_rank"]

    def test_decisions(self):
        self.assertEqual(self.decide(S1, 90000.0), ("promote", S2))
        self.assertEqual(self.decide(S1, 120000.0, mode="jump"), ("promote", S3))
        self.assertEqual(self.decide(S1, 90000.0, blocked=True), ("keep", S1))
        self.assertEqual(self.decide(S1, 60000.0), ("keep", S1))
        self.assertEqual(self.decide(S1, 59999.99), ("demote", T0))
        self.assertEqual(self.decide(T0, 0.0), ("keep", T0))
        # two months held: two thirds of each threshold
        self.assertEqual(self.decide(S1, 60000.0, months=2), ("promote", S2))
        result = rank_decision(S1, LADDER, 0.0, 1, False, "step", 0.01)
        self.assertEqual(result["threshold"], 20000.0)
        self.assertEqual(result["promotion_threshold"], 30000.0)
