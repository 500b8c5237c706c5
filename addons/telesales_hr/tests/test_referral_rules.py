# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""When referral bonuses fall due, called directly (no database)."""

from datetime import date

from odoo.tests import BaseCase, tagged

from ..models.telesales_referral_rules import milestone_due, probation_end


@tagged("post_install", "-at_install")
class TestReferralRules(BaseCase):
    def test_milestone_due(self):
        start, end = date(2025, 1, 31), date(2025, 4, 30)
        self.assertEqual(milestone_due("one_month", start, end, 1), date(2025, 2, 28))
        self.assertEqual(milestone_due("probation", start, end, 1), end)

    def test_probation_end(self):
        start = date(2025, 1, 10)
        self.assertEqual(
            probation_end(start, date(2025, 3, 1), 3), (date(2025, 3, 1), "contract")
        )
        # a trial end before the start does not count: the settings apply
        self.assertEqual(
            probation_end(start, date(2024, 12, 1), 3), (date(2025, 4, 10), "settings")
        )
        self.assertEqual(probation_end(start, None, 6), (date(2025, 7, 10), "settings"))
