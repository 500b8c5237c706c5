# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rules of a compliance day on plain figures, without the ORM."""

from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..models import telesales_daily_compliance_rules as rules

# the company defaults in the units of the rules (seconds, minutes)
PARAMS = {
    "min_connected": 40,
    "min_talk": 3 * 3600,
    "first_call": 9 * 3600 + 30 * 60,
    "afternoon_call": 14 * 3600,
    "max_dials": 200,
    "overtime": 3600,
    "minor_minutes": 10,
    "major_minutes": 30,
}
# 09:00-18:00 local = 01:00-10:00 UTC, morning and afternoon, 7.5 h
EXPECTED = {
    "start": datetime(2025, 4, 2, 1),
    "end": datetime(2025, 4, 2, 10),
    "hours": 7.5,
    "full_hours": 7.5,
    "morning": True,
    "afternoon": True,
}
GOOD_CALLS = {
    "dials": 80,
    "connected": 45,
    "talk": 4 * 3600,
    "talk_total": 4 * 3600,
    "violations": 0,
    "first": 9 * 3600 + 5 * 60,
    "noon": 13 * 3600 + 35 * 60,
}


class _Env:
    """Formats like ``env._`` (English source texts)."""

    @staticmethod
    def _(source, **kwargs):
        return source % kwargs if kwargs else source


@tagged("post_install", "-at_install")
class TestComplianceRules(BaseCase):
    def test_labels(self):
        self.assertEqual(rules.hours_label(12599), "3:29")
        self.assertEqual(rules.clock(9 * 3600 + 5 * 60 + 30), "09:05:30")

    def test_tier(self):
        self.assertEqual(
            [rules.tier(minutes, PARAMS) for minutes in (0, 1, 10, 11, 30, 31)],
            ["none", "minor", "minor", "major", "major", "absence"],
        )

    def test_compliant_day(self):
        punch = (datetime(2025, 4, 2, 0, 55), datetime(2025, 4, 2, 10, 5), False)
        vals = rules.day_facts(EXPECTED, PARAMS, GOOD_CALLS, punch, None)
        self.assertTrue(vals["compliant"])
        self.assertEqual((vals["late_minutes"], vals["absence"]), (0, "none"))
        self.assertEqual(vals["color"], 10)
        self.assertEqual(rules.reason_lines(vals, 200, _Env), [])

    def test_late_and_missed_targets(self):
        punch = (datetime(2025, 4, 2, 1, 11), datetime(2025, 4, 2, 10), False)
        calls = dict(GOOD_CALLS, connected=39, first=9 * 3600 + 40 * 60)
        vals = rules.day_facts(EXPECTED, PARAMS, calls, punch, None)
        self.assertEqual((vals["late_minutes"], vals["late_tier"]), (11, "major"))
        self.assertTrue(vals["fail_connected"] and vals["fail_first_call"])
        self.assertFalse(vals["compliant"])
        # a non-compliant day owes the overtime, none was done
        self.assertTrue(vals["fail_overtime"])
        self.assertEqual(
            rules.reason_lines(vals, 200, _Env),
            [
                "Late by 11 min",
                "Connected calls 39 < 40",
                "First call at 09:40:00",
                "Overtime 0:00 of 1:00 required",
            ],
        )

    def test_absent_and_provisional(self):
        vals = rules.day_facts(EXPECTED, PARAMS, {}, None, None)
        self.assertEqual((vals["absence"], vals["absence_days"]), ("full", 1.0))
        self.assertFalse(vals["fail_connected"], "an absence, not a missed target")
        self.assertEqual(vals["color"], 1)
        pending = rules.day_facts(EXPECTED, PARAMS, {}, None, "no_attendance")
        self.assertEqual((pending["absence"], pending["color"]), ("none", 0))
        self.assertTrue(pending["provisional"])

    def test_half_day_leave_prorates_targets(self):
        half = dict(EXPECTED, hours=3.0, afternoon=False)
        vals = rules.call_facts(half, PARAMS, {"connected": 16})
        self.assertAlmostEqual(vals["day_share"], 0.4)
        self.assertEqual(vals["required_connected_calls"], 16)
        self.assertAlmostEqual(vals["required_talk_hours"], 1.2)
