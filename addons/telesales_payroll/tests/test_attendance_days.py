# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the compliance days telesales_hr computes cost (SPEC §4): the day
wage and the attendance deductions payroll sets on them (the tiers and
absences in minutes and days are tested by telesales_hr's
test_attendance_rules)."""

from datetime import date

from odoo.tests import tagged

from odoo.addons.telesales_hr.tests.compliance_common import DAY, ComplianceCase

# agent_a1 holds S1 (1,580 / month); April 2025 has 22 working days
DAY_WAGE = 71.82  # 1580 / 22


@tagged("post_install", "-at_install")
class TestAttendanceDaysMoney(ComplianceCase):
    def test_day_wage(self):
        row = self.late_row(self.agent_a1)
        self.assertAlmostEqual(row.day_wage, DAY_WAGE)
        self.assertEqual(row.attendance_deduction, 0)
        self.assertEqual(row.late_tier, "none")
        # the rank held that day decides, not today's
        self.set_rank(self.agent_a1, self.s2, date(2025, 4, 3))
        self.late_row(self.agent_a1, day=date(2025, 4, 3))
        self.assertAlmostEqual(
            self.row(self.agent_a1, date(2025, 4, 3)).day_wage, 80.91
        )
        self.assertAlmostEqual(self.row(self.agent_a1).day_wage, DAY_WAGE)

    def test_late_tiers(self):
        """≤ 10 min: 5 %; 10-30 min: 10 %; > 30 min: half a day of absence."""
        cases = {
            self.agent_a1: ("09:10:00", "minor", 10, 0.05 * DAY_WAGE),
            self.agent_a1b: ("09:11:00", "major", 11, 0.10 * 1380 / 22),
            self.agent_a2: ("09:30:00", "major", 30, 0.10 * 1780 / 22),
            self.agent_b1: ("09:31:00", "absence", 31, 2 * 1980 / 22),
        }
        for employee, (check_in, *_rest) in cases.items():
            self.day_calls(employee)
            self.punch(employee, check_in=check_in, check_out="18:00:00")
        self.compute(self.agent_a1 | self.agent_a1b | self.agent_a2 | self.agent_b1)
        for employee, (_in, tier, minutes, amount) in cases.items():
            row = self.row(employee)
            self.assertEqual(row.late_minutes, minutes, employee.name)
            self.assertEqual(row.late_tier, tier, employee.name)
            self.assertAlmostEqual(
                row.attendance_deduction, round(amount, 2), 2, employee.name
            )
        minor = self.row(self.agent_a1)
        self.assertAlmostEqual(minor.late_deduction, 3.59)
        self.assertEqual(minor.absence, "none")
        self.assertFalse(minor.warning_due)
        half = self.row(self.agent_b1)
        self.assertEqual(half.absence, "half")
        self.assertEqual(half.absence_days, 0.5)
        self.assertEqual(
            half.late_deduction, 0, "the absence replaces the late deduction"
        )
        self.assertAlmostEqual(half.absence_deduction, 180.0)
        self.assertTrue(half.warning_due)
        self.assertIn("Half-day absence", half.reasons)

    def test_early_leave_tiers(self):
        cases = {
            self.agent_a1: ("17:50:00", "minor", 10),
            self.agent_a1b: ("17:49:00", "major", 11),
            self.agent_a2: ("17:29:00", "absence", 31),
        }
        for employee, (check_out, *_rest) in cases.items():
            self.day_calls(employee)
            self.punch(employee, check_in="08:50:00", check_out=check_out)
        self.compute(self.agent_a1 | self.agent_a1b | self.agent_a2)
        for employee, (_out, tier, minutes) in cases.items():
            row = self.row(employee)
            self.assertEqual((row.early_minutes, row.early_tier), (minutes, tier))
        self.assertAlmostEqual(self.row(self.agent_a1).early_deduction, 3.59)
        self.assertEqual(self.row(self.agent_a2).absence, "half")
        # leaving early costs KPI points
        self.assertEqual(
            self.Deduction.search(
                [
                    ("employee_id", "=", self.agent_a1.id),
                    ("breach_type", "=", "early_leave"),
                ]
            ).points,
            5,
        )

    def test_late_and_early_add_up(self):
        row = self.late_row(self.agent_a1, check_in="09:05:00", check_out="17:40:00")
        self.assertEqual((row.late_tier, row.early_tier), ("minor", "major"))
        self.assertAlmostEqual(row.attendance_deduction, 3.59 + 7.18)
        both = self.late_row(self.agent_a1b, check_in="09:31:00", check_out="17:29:00")
        self.assertEqual(both.absence, "full", "two half days of absence make a day")
        self.assertAlmostEqual(
            both.absence_deduction, 3 * 62.73, "3 × the rounded day wage"
        )

    def test_full_absence(self):
        """No check-in on a working day: a full day of absence, 3 × the day
        wage and a warning, without call targets or overtime piling up."""
        self.compute(self.agent_a1, attendance_complete=True)
        row = self.row(self.agent_a1)
        self.assertEqual(row.absence, "full")
        self.assertEqual(row.absence_days, 1)
        self.assertAlmostEqual(row.attendance_deduction, 215.46)
        self.assertTrue(row.warning_due)
        self.assertFalse(row.compliant)
        self.assertFalse(row.fail_connected or row.fail_first_call or row.fail_overtime)
        self.assertEqual(row.overtime_required_hours, 0)
        self.assertEqual(row.reasons, "Absent all day")

    def test_half_absence_on_half_day_leave(self):
        """Absent on the half day left to work after a half-day leave: half a day."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Morning off",
                "resource_id": self.agent_a1.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": self.utc(DAY, "08:00:00"),
                "date_to": self.utc(DAY, "12:00:00"),
            }
        )
        self.compute(self.agent_a1, attendance_complete=True)
        row = self.row(self.agent_a1)
        self.assertEqual(row.expected_start, self.utc(DAY, "13:30:00"))
        self.assertEqual(row.absence, "half")
        self.assertAlmostEqual(row.absence_deduction, 2 * DAY_WAGE)

    def test_amounts_from_settings(self):
        self.company.write(
            {
                "telesales_late_minor_minutes": 5,
                "telesales_late_minor_pct": 2,
                "telesales_late_major_minutes": 15,
                "telesales_late_major_pct": 20,
                "telesales_full_absence_factor": 1,
            }
        )
        self.assertEqual(
            self.late_row(self.agent_a1, check_in="09:05:00").late_tier, "minor"
        )
        row = self.late_row(self.agent_a1b, check_in="09:06:00")
        self.assertAlmostEqual(row.late_deduction, round(0.2 * 1380 / 22, 2))
        self.assertEqual(
            self.late_row(self.agent_a2, check_in="09:16:00").absence, "half"
        )
        self.compute(self.agent_b1)
        self.assertAlmostEqual(self.row(self.agent_b1).absence_deduction, 90.0)
