# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 11: compliance days and KPI deductions keep their identity, their
computation reads what it wrote, and only the workflow changes them."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase


@tagged("post_install", "-at_install")
class TestComplianceIntegrity(ComplianceCase):
    def deductions(self, employee, day=DAY):
        return self.Deduction.search(
            [
                ("employee_id", "=", employee.id),
                ("date", "=", day),
                ("origin", "=", "compliance"),
            ]
        )

    def breaches(self, employee, state="active"):
        return sorted(
            self.deductions(employee)
            .filtered(lambda d: d.state == state)
            .mapped("breach_type")
        )

    # -- derived rows keep their identity ---------------------------------
    def test_recompute_updates_rows_in_place(self):
        """A recompute rewrites the day and its deductions in place: the same
        ids (payroll's source links hold), the new figures; a day no longer
        worked is removed."""
        self.company.telesales_kpi_late = 2
        self.day_calls(self.agent_a1, first="09:45:00")
        self.punch(self.agent_a1, check_in="09:10:00", check_out="17:55:00")
        next_day = date(2025, 4, 3)
        self.punch(self.agent_a1, next_day)
        rows = self.compute(self.agent_a1, DAY, next_day)
        row = self.row(self.agent_a1)
        self.assertEqual(row.late_minutes, 10)
        self.assertEqual(
            self.breaches(self.agent_a1),
            ["early_leave", "first_call", "late_arrival", "no_overtime"],
        )
        ids = self.deductions(self.agent_a1).ids
        late = self.deductions(self.agent_a1).filtered(
            lambda d: d.breach_type == "late_arrival"
        )
        self.assertEqual(late.points, self.company.telesales_kpi_late)
        # the attendance is corrected, a late import brings the 09:20 call
        # and the company changes the points of a late arrival
        self.env["hr.attendance"].search(
            [
                ("employee_id", "=", self.agent_a1.id),
                ("check_in", "<", self.utc(DAY, "12:00:00")),
            ]
        ).write({"check_in": self.utc(DAY, "09:05:00")})
        self.add_calls(
            [self.call_vals(self.agent_a1, self.utc(DAY, "09:20:00"), talk=30)]
        )
        self.company.telesales_kpi_late += 3
        again = self.compute(self.agent_a1, DAY, next_day)
        self.assertEqual(again, rows, "the same rows, updated")
        self.assertEqual(row.late_minutes, 5)
        self.assertEqual(row.dials, 56)
        self.assertEqual(self.deductions(self.agent_a1).ids, ids, "no new deduction")
        self.assertEqual(self.breaches(self.agent_a1), ["early_leave", "late_arrival"])
        self.assertEqual(late.points, self.company.telesales_kpi_late)
        # the 3rd becomes a public holiday: its row goes, the 2nd stays
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "date_from": self.utc(next_day, "00:00:00"),
                "date_to": self.utc(next_day, "23:59:59"),
            }
        )
        self.compute(self.agent_a1, DAY, next_day)
        self.assertFalse(self.row(self.agent_a1, next_day))
        self.assertEqual(self.row(self.agent_a1), row)

    def test_locked_day_keeps_its_money(self):
        """A day paid by payroll keeps its figures, its money and its
        deductions whatever a recompute finds."""
        self.company.telesales_kpi_late = 2
        self.day_calls(self.agent_a1, first="09:45:00")
        self.punch(self.agent_a1, check_in="09:20:00")
        row = self.compute(self.agent_a1)
        amount = row.attendance_deduction
        self.assertTrue(amount)
        deductions = self.deductions(self.agent_a1)
        states = deductions.mapped("state")
        row._telesales_set_paid()  # as payroll does when the payslip is done
        self.env["hr.attendance"].search(
            [("employee_id", "=", self.agent_a1.id)]
        ).write({"check_in": self.utc(DAY, "08:50:00")})
        self.add_calls(
            [self.call_vals(self.agent_a1, self.utc(DAY, "09:01:00"), talk=30)]
        )
        self.company.telesales_kpi_late += 3
        self.compute(self.agent_a1)
        self.assertEqual(self.row(self.agent_a1), row)
        self.assertEqual(row.attendance_deduction, amount)
        self.assertEqual(row.late_minutes, 20)
        self.assertEqual(self.deductions(self.agent_a1), deductions)
        self.assertEqual(deductions.mapped("state"), states)
        with self.assertRaises(UserError):
            row.sudo().unlink()

    # -- the breaches are read before anything else uses the cursor -------
    def test_cold_cache_keeps_the_deductions(self):
        """First run after a restart (empty ORM caches, a language set): the
        breaches of the rows are still found, so the deductions are created
        and the existing ones are not cancelled."""
        self.day_calls(self.agent_a1, first="09:45:00")
        self.punch(self.agent_a1, check_out="17:55:00")
        self.day_calls(self.agent_a1b, first="09:45:00")
        self.punch(self.agent_a1b, check_out="17:55:00")
        self.compute(self.agent_a1)
        expected = ["early_leave", "first_call", "no_overtime"]
        self.assertEqual(self.breaches(self.agent_a1), expected)
        self.Compliance._compute_for_range(DAY, DAY, self.agent_a1b)
        self.assertEqual(self.breaches(self.agent_a1b), expected)
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.Deduction.with_context(lang="en_US")._sync_compliance_breaches(
            self.agent_a1 | self.agent_a1b, DAY, DAY
        )
        self.assertEqual(self.breaches(self.agent_a1), expected)
        self.assertEqual(self.breaches(self.agent_a1b), expected)
        self.assertFalse(self.breaches(self.agent_a1, "cancelled"))
        # the whole computation, cold, with a deduction to create
        self.deductions(self.agent_a1b).filtered(
            lambda d: d.breach_type == "first_call"
        ).with_user(self.hr_user).action_cancel(reason="Headset broken")
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.Compliance.with_context(lang="en_US")._compute_for_range(
            DAY, DAY, self.agent_a1 | self.agent_a1b
        )
        self.assertEqual(self.breaches(self.agent_a1), expected)
        self.assertEqual(self.breaches(self.agent_a1b), ["early_leave", "no_overtime"])

    # -- who may recompute whom ---------------------------------------------
    def wizard(self, user, **vals):
        return (
            self.env["telesales.compliance.compute"]
            .with_user(user)
            .create(dict({"date_from": DAY, "date_to": DAY}, **vals))
        )

    def test_manager_recomputes_own_unit_only(self):
        for person in self.people:
            self.punch(person, check_in="09:20:00")
        self.compute(self.agent_b1)
        row_b1 = self.row(self.agent_b1)
        before = (row_b1.id, row_b1.late_minutes, row_b1.attendance_deduction)
        self.env["hr.attendance"].search(
            [("employee_id", "=", self.agent_b1.id)]
        ).write({"check_in": self.utc(DAY, "08:50:00")})
        for vals in (
            {"employee_ids": [(6, 0, self.agent_b1.ids)]},
            {"employee_ids": [(6, 0, (self.agent_a1 | self.agent_b1).ids)]},
            {"department_ids": [(6, 0, self.team_b1.ids)]},
            {"department_ids": [(6, 0, self.centre.ids)]},
        ):
            wizard = self.wizard(self.manager_a_user, **vals)
            with self.assertRaises(AccessError) as refused:
                wizard.action_compute()
            self.assertIn("Agent B1", str(refused.exception))
        self.assertFalse(self.row(self.agent_a1), "nothing computed")
        row_b1.invalidate_recordset()
        self.assertEqual(
            (row_b1.id, row_b1.late_minutes, row_b1.attendance_deduction), before
        )
        # nothing chosen: the agents of the unit
        self.wizard(self.manager_a_user).action_compute()
        self.assertTrue(self.row(self.agent_a1) and self.row(self.agent_a2))
        self.assertEqual(self.row(self.agent_b1).late_minutes, 20, "not recomputed")
        # a day of another unit's team stays that unit's after a transfer
        self.agent_b1.department_id = self.team_a1
        with self.assertRaises(AccessError):
            self.wizard(
                self.manager_a_user, employee_ids=[(6, 0, self.agent_b1.ids)]
            ).action_compute()
        # the other unit's manager and HR may
        self.wizard(
            self.manager_b_user, employee_ids=[(6, 0, self.agent_b1.ids)]
        ).action_compute()
        self.assertEqual(self.row(self.agent_b1).late_minutes, 0)
        self.wizard(self.hr_user).action_compute()
        # team leaders and agents may not compute at all
        for user in (self.tl_a1_user, self.agent_a1_user, self.auditor):
            with self.assertRaises(AccessError):
                self.wizard(user).action_compute()

    # -- the workflow fields ----------------------------------------------
    def test_rows_are_never_written_by_clients(self):
        self.punch(self.agent_a1, check_in="09:20:00")
        row = self.compute(self.agent_a1)
        amount = row.attendance_deduction
        for vals in (
            {"attendance_deduction": 0},
            {"late_minutes": 0, "late_tier": "none"},
            {"compliant": True},
            {"locked": True, "late_deduction": 0},
        ):
            with self.assertRaises(UserError):
                row.sudo().write(vals)
            with self.assertRaises(AccessError):
                row.with_user(self.hr_user).write(vals)
        with self.assertRaises(UserError):
            self.Compliance.sudo().create(
                {"employee_id": self.agent_a2.id, "date": DAY, "locked": True}
            )
        self.assertEqual(row.attendance_deduction, amount)
        self.assertFalse(row.locked)

    def test_deduction_workflow(self):
        self.day_calls(self.agent_a1, first="09:45:00")
        self.punch(self.agent_a1)
        self.compute(self.agent_a1)
        deduction = self.deductions(self.agent_a1).filtered(
            lambda d: d.breach_type == "first_call"
        )
        as_hr = deduction.with_user(self.hr_user)
        for vals in (
            {"state": "cancelled"},
            {"state": "cancelled", "cancel_reason": "x"},
            {"points": 1},
            {"auto_cancelled": True},
            {"origin": "manual"},
            {"date": date(2025, 4, 3)},
            {"employee_id": self.agent_a2.id},
        ):
            with self.assertRaises(UserError):
                as_hr.write(vals)
            with self.assertRaises(UserError):
                deduction.sudo().write(vals)
        with self.assertRaises(UserError):
            as_hr.sudo().unlink()
        # only HR cancels, only with a reason
        with self.assertRaises(AccessError):
            deduction.with_user(self.manager_a_user).action_cancel(reason="Mine")
        with self.assertRaises(UserError):
            as_hr.action_cancel(reason="  ")
        self.assertEqual(deduction.state, "active")
        as_hr.action_cancel(reason="Dialer down that morning")
        self.assertEqual(
            (deduction.state, deduction.cancel_reason, deduction.auto_cancelled),
            ("cancelled", "Dialer down that morning", False),
        )
        for vals in ({"state": "active"}, {"cancel_reason": "other"}):
            with self.assertRaises(UserError):
                as_hr.write(vals)
        with self.assertRaises(UserError):
            as_hr.action_cancel(reason="Twice")
        # a person's cancellation survives the recompute
        self.compute(self.agent_a1)
        self.assertEqual(deduction.state, "cancelled")
        # HR's manual deductions: nothing set by the workflow at creation
        for vals in (
            {"state": "cancelled"},
            {"origin": "compliance"},
            {"auto_cancelled": True},
        ):
            with self.assertRaises(UserError):
                self.Deduction.with_user(self.hr_user).create(
                    dict(
                        {
                            "employee_id": self.agent_a1.id,
                            "date": DAY,
                            "points": 2,
                            "breach_type": "other",
                        },
                        **vals,
                    )
                )
