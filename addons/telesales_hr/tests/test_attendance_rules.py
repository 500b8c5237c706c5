# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields
from odoo.tests import tagged

from .compliance_common import ComplianceCase


@tagged("post_install", "-at_install")
class TestAttendanceRules(ComplianceCase):
    def test_seconds_do_not_make_a_minute(self):
        """Punch clocks count whole minutes: 10 min 59 s late is 10 minutes."""
        row = self.late_row(self.agent_a1, check_in="09:10:59")
        self.assertEqual(row.late_minutes, 10)
        self.assertEqual(row.late_tier, "minor")
        row = self.late_row(self.agent_a1b, check_in="09:00:59")
        self.assertEqual(row.late_tier, "none")

    # -- escalation ---------------------------------------------------------
    def absence_flags(self, employee):
        return self.Flag.search(
            [("employee_id", "=", employee.id), ("flag_type", "=", "absence_dismissal")]
        )

    def work(self, employee, days):
        for day in days:
            self.punch(employee, day, check_in="08:55:00", check_out="18:05:00")

    def test_three_consecutive_absences(self):
        """Absent Fri 4, Mon 7, Tue 8 April: 3 consecutive working days (the
        weekend between does not break them) -> a dismissal review for HR.
        Two in a row do not."""
        april = [date(2025, 4, d) for d in (1, 2, 3, 4, 7, 8, 9, 10)]
        absent_a1 = {date(2025, 4, 4), date(2025, 4, 7), date(2025, 4, 8)}
        absent_a1b = {date(2025, 4, 4), date(2025, 4, 7), date(2025, 4, 9)}
        self.work(self.agent_a1, [d for d in april if d not in absent_a1])
        self.work(self.agent_a1b, [d for d in april if d not in absent_a1b])
        self.compute(
            self.agent_a1 | self.agent_a1b,
            april[0],
            april[-1],
            attendance_complete=True,
        )
        flag = self.absence_flags(self.agent_a1)
        self.assertEqual(len(flag), 1)
        self.assertEqual(flag.responsible_user_id, self.hr_user)
        self.assertEqual(
            (flag.period_start, flag.period_end), (date(2025, 4, 1), date(2025, 4, 30))
        )
        self.assertIn("3 consecutive working days absent", flag.description)
        self.assertTrue(flag.activity_ids)
        self.assertFalse(
            self.absence_flags(self.agent_a1b), "2 in a row and 3 in the month"
        )
        # recomputing raises nothing twice
        self.compute(
            self.agent_a1 | self.agent_a1b,
            april[0],
            april[-1],
            attendance_complete=True,
        )
        self.assertEqual(len(self.absence_flags(self.agent_a1)), 1)

    def test_five_absences_in_a_month(self):
        """5 absent days in a month (not in a row) -> review; 4.5 do not."""
        april = [date(2025, 4, 1) + timedelta(days=i) for i in range(30)]
        absent = [date(2025, 4, d) for d in (1, 3, 8, 10, 15)]
        self.work(self.agent_a1, [d for d in april if d not in absent])
        # agent_a1b: 4 full days and one half day (late by 31 min)
        self.work(self.agent_a1b, [d for d in april if d not in absent])
        self.punch(
            self.agent_a1b, date(2025, 4, 15), check_in="09:31:00", check_out="18:00:00"
        )
        self.compute(
            self.agent_a1 | self.agent_a1b,
            april[0],
            april[-1],
            attendance_complete=True,
        )
        flag = self.absence_flags(self.agent_a1)
        self.assertEqual(len(flag), 1)
        self.assertIn("5.0 days absent in the month", flag.description)
        self.assertNotIn("consecutive", flag.description)
        self.assertFalse(self.absence_flags(self.agent_a1b))
        rows = self.Compliance.search([("employee_id", "=", self.agent_a1b.id)])
        self.assertEqual(sum(rows.mapped("absence_days")), 4.5)

    def test_escalation_settings_and_monthly_cron(self):
        self.company.telesales_absence_consecutive_days = 2
        self.work(self.agent_a1, [date(2025, 4, 1), date(2025, 4, 4)])
        self.compute(
            self.agent_a1, date(2025, 4, 1), date(2025, 4, 4), attendance_complete=True
        )
        self.assertIn("2 consecutive", self.absence_flags(self.agent_a1).description)
        # the monthly job re-checks last month over the rows already computed
        today = fields.Date.context_today(self.Compliance)
        last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        self.compute(
            self.agent_a1b,
            last_month,
            last_month + timedelta(days=10),
            attendance_complete=True,
        )
        self.Flag.search([("employee_id", "=", self.agent_a1b.id)]).unlink()
        self.Compliance._cron_absence_escalation()
        self.assertEqual(self.absence_flags(self.agent_a1b).period_start, last_month)
