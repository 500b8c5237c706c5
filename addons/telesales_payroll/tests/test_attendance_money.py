# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a compliance day costs, on plain values (the figures of
telesales_hr's test_attendance_rules: April 2025 has 22 working days)."""

from odoo.tests import BaseCase, tagged

from ..models.telesales_attendance_money import day_deductions, day_wage

# the company defaults: 5 % / 10 % of the day wage, 2 × / 3 × for absences
PARAMS = {
    "minor_pct": 5.0,
    "major_pct": 10.0,
    "half_factor": 2.0,
    "full_factor": 3.0,
    "rounding": 0.01,
}


def facts(late="none", early="none", absence="none"):
    return {"late_tier": late, "early_tier": early, "absence": absence}


@tagged("post_install", "-at_install")
class TestAttendanceMoney(BaseCase):
    def test_day_wage(self):
        self.assertAlmostEqual(day_wage(1580, 22, 0.01), 71.82)
        self.assertEqual(day_wage(1580, 0, 0.01), 0.0, "no working day that month")

    def test_tiers_add_up(self):
        money = day_deductions(1580, 22, facts("minor", "major"), PARAMS)
        self.assertAlmostEqual(money["late_deduction"], 3.59)
        self.assertAlmostEqual(money["early_deduction"], 7.18)
        self.assertAlmostEqual(money["attendance_deduction"], 3.59 + 7.18)

    def test_absences(self):
        half = day_deductions(1980, 22, facts("absence", absence="half"), PARAMS)
        self.assertEqual(half["late_deduction"], 0, "the absence replaces it")
        self.assertAlmostEqual(half["absence_deduction"], 180.0)
        full = day_deductions(1380, 22, facts(absence="full"), PARAMS)
        self.assertAlmostEqual(full["absence_deduction"], 3 * 62.73)
        on_time = day_deductions(1580, 22, facts(), PARAMS)
        self.assertEqual(on_time["attendance_deduction"], 0)
