# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Provisional days (issue 15, SPEC §4): a day not over yet, or whose
attendance has not been imported, carries no deduction and no KPI breach
until a recompute finds it final. The reference time is passed explicitly
(the rule never reads the clock)."""

from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.telesales_hr.tests.compliance_common import DAY, ComplianceCase

FULL_ABSENCE = 215.46  # 3 × 71.82, the day wage of agent_a1 (test_full_absence)
NEXT_DAY = DAY + timedelta(days=1)


@tagged("post_install", "-at_install")
class TestProvisionalDays(ComplianceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # absences and late arrivals cost KPI points (0 by default)
        cls.company.write({"telesales_kpi_absence": 5, "telesales_kpi_late": 2})

    def compute_at(self, employees, now, **kwargs):
        self.Compliance._compute_for_range(DAY, DAY, employees, now=now, **kwargs)
        return self.row(employees[:1])

    def kpi(self, employee):
        return self.Deduction.search(
            [
                ("employee_id", "=", employee.id),
                ("date", "=", DAY),
                ("origin", "=", "compliance"),
                ("state", "=", "active"),
            ]
        )

    def test_day_not_over_then_final(self):
        """At 15:00 local nobody has an attendance: every agent provisional,
        no absence, no deduction (the issue's 47 agents absent, ¥10,755.78).
        After midnight, with the day's attendance imported, the absent
        agent's day is final: 3 × the day wage and the KPI breach."""
        agents = self.agent_a1 | self.agent_a2
        self.day_calls(self.agent_a2)
        rows_at = self.compute_at(agents, self.utc(DAY, "15:00:00"))
        rows = self.Compliance.search([("date", "=", DAY)])
        self.assertEqual(rows.employee_id, agents)
        self.assertTrue(all(rows.mapped("provisional")))
        self.assertEqual(set(rows.mapped("provisional_reason")), {"not_over"})
        self.assertEqual(set(rows.mapped("absence")), {"none"})
        self.assertEqual(sum(rows.mapped("attendance_deduction")), 0)
        self.assertFalse(any(rows.mapped("warning_due") + rows.mapped("compliant")))
        self.assertFalse(self.kpi(self.agent_a1) | self.kpi(self.agent_a2))
        self.assertIn("Provisional: the day is not over yet", rows_at.reasons)
        # the same just before midnight (local), final just after
        row = self.compute_at(self.agent_a1, self.utc(DAY, "23:59:59"))
        self.assertTrue(row.provisional)
        self.punch(self.agent_a2, check_in="08:50:00", check_out="18:30:00")
        row = self.compute_at(agents, self.utc(NEXT_DAY, "00:00:01"))
        self.assertEqual(row.id, rows_at.id, "updated in place")
        self.assertFalse(row.provisional)
        self.assertEqual(row.absence, "full")
        self.assertAlmostEqual(row.attendance_deduction, FULL_ABSENCE)
        self.assertEqual(row.reasons, "Absent all day")
        self.assertEqual(self.kpi(self.agent_a1).breach_type, "absence")
        self.assertTrue(self.row(self.agent_a2).compliant)
        self.assertFalse(self.kpi(self.agent_a2))

    def test_late_arrival_on_a_day_not_over(self):
        """A late arrival shows at once but costs nothing until the day is
        over; then the 10 % deduction and the KPI breach apply."""
        self.punch(self.agent_a1, check_in="09:20:00", check_out=None)
        row = self.compute_at(self.agent_a1, self.utc(DAY, "11:00:00"))
        self.assertTrue(row.provisional)
        self.assertEqual(row.late_minutes, 20)
        self.assertEqual((row.late_tier, row.late_deduction), ("none", 0))
        self.assertFalse(self.kpi(self.agent_a1))
        self.env["hr.attendance"].search(
            [("employee_id", "=", self.agent_a1.id)]
        ).check_out = self.utc(DAY, "19:00:00")
        row = self.compute_at(self.agent_a1, self.utc(NEXT_DAY, "08:00:00"))
        self.assertFalse(row.provisional)
        self.assertEqual(row.late_tier, "major")
        self.assertAlmostEqual(row.late_deduction, 7.18)
        self.assertIn("late_arrival", self.kpi(self.agent_a1).mapped("breach_type"))
        # a day final once stays so: recomputed provisional (attendance
        # removed), its deductions are cancelled again, not deleted
        self.env["hr.attendance"].search(
            [("employee_id", "=", self.agent_a1.id)]
        ).unlink()
        row = self.compute_at(self.agent_a1, self.utc(NEXT_DAY, "08:00:00"))
        self.assertEqual(row.provisional_reason, "no_attendance")
        self.assertFalse(self.kpi(self.agent_a1))
        cancelled = self.Deduction.search(
            [("employee_id", "=", self.agent_a1.id), ("state", "=", "cancelled")]
        )
        self.assertTrue(cancelled and all(cancelled.mapped("auto_cancelled")))

    def test_no_attendance_imported(self):
        """The day is over but nobody of the company has an attendance that
        day: not imported yet, provisional. A colleague's punch makes it
        final; so does HR confirming the attendance complete, which later
        recomputes keep."""
        after = self.utc(NEXT_DAY, "09:00:00")
        row = self.compute_at(self.agent_a1, after)
        self.assertEqual(row.provisional_reason, "no_attendance")
        self.assertEqual((row.absence, row.attendance_deduction), ("none", 0))
        self.assertIn("no attendance imported", row.reasons)
        row = self.compute_at(self.agent_a1, after, attendance_complete=True)
        self.assertFalse(row.provisional)
        self.assertTrue(row.attendance_confirmed)
        self.assertAlmostEqual(row.attendance_deduction, FULL_ABSENCE)
        row = self.compute_at(self.agent_a1, after)
        self.assertTrue(row.attendance_confirmed, "kept by a recompute")
        self.assertAlmostEqual(row.attendance_deduction, FULL_ABSENCE)
        # another agent: a colleague's attendance of that day is enough
        self.punch(self.tl_b1)
        row = self.compute_at(self.agent_b1, after)
        self.assertFalse(row.provisional)
        self.assertEqual(row.absence, "full")

    # -- the wizard: preview, then confirm -----------------------------------
    def wizard(self, user, **vals):
        return (
            self.env["telesales.compliance.compute"]
            .with_user(user)
            .create(dict({"date_from": DAY, "date_to": DAY}, **vals))
        )

    def test_wizard_preview_then_confirm(self):
        """The manager previews (nothing written): agents, days, provisional
        days, absences, deductions and a warning; confirming writes exactly
        what was previewed."""
        team = {"department_ids": [(6, 0, self.team_a1.ids)]}
        wizard = self.wizard(self.manager_a_user, **team)
        action = wizard.action_preview()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (wizard._name, wizard.id)
        )
        self.assertEqual(wizard.state, "preview")
        # agent_a1, agent_a1b and their team leader; no attendance imported
        self.assertEqual((wizard.preview_agents, wizard.preview_days), (3, 3))
        self.assertEqual(wizard.preview_provisional, 3)
        self.assertEqual((wizard.preview_absences, wizard.preview_deduction), (0, 0))
        self.assertIn("3 of the 3 days are provisional", wizard.preview_warning)
        self.assertFalse(
            self.Compliance.search([("date", "=", DAY)]), "nothing written"
        )
        # the attendance arrives: agent_a1 late, agent_a1b absent
        self.punch(self.agent_a1, check_in="09:20:00")
        self.punch(self.tl_a1)
        wizard = self.wizard(self.manager_a_user, **team)
        wizard.action_preview()
        self.assertEqual((wizard.preview_provisional, wizard.preview_absences), (0, 1))
        self.assertIn("1 days count as absences", wizard.preview_warning)
        self.assertFalse(self.Compliance.search([("date", "=", DAY)]))
        wizard.action_back()
        self.assertEqual(wizard.state, "draft")
        wizard.action_preview()
        wizard.action_compute()
        rows = self.Compliance.search([("date", "=", DAY)])
        self.assertEqual(len(rows), 3)
        self.assertAlmostEqual(
            sum(rows.mapped("attendance_deduction")), wizard.preview_deduction
        )
        # agent_a1b absent (3 × 62.73), agent_a1 20 min late (10 % of 71.82)
        self.assertAlmostEqual(wizard.preview_deduction, 3 * 62.73 + 7.18)

    def test_only_hr_confirms_attendance_complete(self):
        wizard = self.wizard(self.manager_a_user, attendance_complete=True)
        for action in (wizard.action_preview, wizard.action_compute):
            with self.assertRaises(AccessError):
                action()
        self.assertFalse(self.Compliance.search([("date", "=", DAY)]))
        wizard = self.wizard(
            self.hr_user,
            attendance_complete=True,
            employee_ids=[(6, 0, self.agent_a1.ids)],
        )
        wizard.action_preview()
        self.assertEqual(wizard.preview_provisional, 0)
        self.assertAlmostEqual(wizard.preview_deduction, FULL_ABSENCE)
        self.assertIn("Attendance complete", wizard.preview_warning)
        wizard.action_compute()
        self.assertAlmostEqual(
            self.row(self.agent_a1).attendance_deduction, FULL_ABSENCE
        )
