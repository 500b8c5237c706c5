# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase

APRIL = date(2025, 4, 1)


@tagged("post_install", "-at_install")
class TestKpi(ComplianceCase):
    def deduct(self, employee, points, day=DAY, **vals):
        return self.Deduction.create(
            dict(
                {
                    "employee_id": employee.id,
                    "date": day,
                    "points": points,
                    "breach_type": "other",
                    "reason": "Test",
                },
                **vals,
            )
        )

    def test_scores_and_pass_line(self):
        """100 points a month minus the month's active deductions, floor 0;
        the newcomer allowance needs 80."""
        self.deduct(self.agent_a1, 20)
        self.deduct(self.agent_a1b, 15)
        self.deduct(self.agent_a1b, 6)
        self.deduct(self.agent_a2, 70)
        self.deduct(self.agent_a2, 70)
        self.deduct(self.agent_a1, 50, day=date(2025, 5, 1))  # next month
        cancelled = self.deduct(self.agent_b1, 50)
        cancelled.cancel_reason = "Evidence was wrong"
        cancelled.with_user(self.hr_user).action_cancel()
        agents = self.agent_a1 | self.agent_a1b | self.agent_a2 | self.agent_b1
        scores = self.Deduction._kpi_scores(agents, APRIL)
        self.assertEqual(
            scores,
            {
                self.agent_a1.id: 80,
                self.agent_a1b.id: 79,
                self.agent_a2.id: 0,
                self.agent_b1.id: 100,
            },
        )
        # any day of the month designates the month
        self.assertEqual(
            self.Deduction._kpi_scores(self.agent_a1, date(2025, 4, 17)),
            {self.agent_a1.id: 80},
        )
        passed = self.env["hr.employee"]._telesales_kpi_passed(agents, APRIL)
        self.assertEqual(
            passed,
            {
                self.agent_a1.id: True,
                self.agent_a1b.id: False,
                self.agent_a2.id: False,
                self.agent_b1.id: True,
            },
        )
        self.company.write({"telesales_kpi_start": 120, "telesales_kpi_pass": 100})
        self.assertEqual(
            self.Deduction._kpi_scores(self.agent_a1b, APRIL)[self.agent_a1b.id], 99
        )
        self.assertFalse(
            self.env["hr.employee"]._telesales_kpi_passed(self.agent_a1b, APRIL)[
                self.agent_a1b.id
            ]
        )

    def test_cancel_needs_reason_and_nothing_is_deleted(self):
        deduction = self.deduct(self.agent_a1, 5).with_user(self.hr_user)
        with self.assertRaises(UserError):
            deduction.action_cancel()
        with self.assertRaises(UserError):
            deduction.sudo().unlink()
        deduction.cancel_reason = "Approved leave was entered late"
        deduction.action_cancel()
        self.assertEqual(deduction.state, "cancelled")
        with self.assertRaises(UserError):
            deduction.action_cancel()

    def test_compliance_deductions_follow_the_rows(self):
        """One deduction per rule, agent and day, however often the day is
        computed; cancelled automatically when a recompute no longer shows
        the breach, restored when it shows again; a person's cancellation
        sticks."""
        self.day_calls(self.agent_a1, first="09:45:00")
        self.punch(self.agent_a1, check_out="17:55:00")
        self.compute(self.agent_a1)
        self.compute(self.agent_a1)

        def breaches(state="active"):
            return sorted(
                self.Deduction.search(
                    [("employee_id", "=", self.agent_a1.id), ("state", "=", state)]
                ).mapped("breach_type")
            )

        self.assertEqual(breaches(), ["early_leave", "first_call", "no_overtime"])
        self.assertEqual(
            self.Deduction._kpi_scores(self.agent_a1, APRIL)[self.agent_a1.id], 80
        )
        # a late import brings the 09:20 call: the first-call breach disappears
        self.add_calls(
            [self.call_vals(self.agent_a1, self.utc(DAY, "09:20:00"), talk=30)]
        )
        self.compute(self.agent_a1)
        # ... and with it the non-compliance and the overtime it required
        self.assertEqual(breaches(), ["early_leave"])
        auto = self.Deduction.search(
            [
                ("employee_id", "=", self.agent_a1.id),
                ("breach_type", "in", ("first_call", "no_overtime")),
            ]
        )
        self.assertEqual(auto.mapped("auto_cancelled"), [True, True])
        # HR cancels the early leave by hand; the call is then removed again
        early = self.Deduction.search(
            [
                ("employee_id", "=", self.agent_a1.id),
                ("breach_type", "=", "early_leave"),
            ]
        )
        early.with_user(self.hr_user).write({"cancel_reason": "Sent home by the TL"})
        early.with_user(self.hr_user).action_cancel()
        self.env["telesales.call"].search(
            [
                ("employee_id", "=", self.agent_a1.id),
                ("start", "=", self.utc(DAY, "09:20:00")),
            ]
        ).unlink()
        self.compute(self.agent_a1)
        self.assertEqual(breaches(), ["first_call", "no_overtime"])
        self.assertEqual(
            self.Deduction.search_count([("employee_id", "=", self.agent_a1.id)]), 3
        )
        # a point value of 0 switches a rule's deduction off
        self.company.telesales_kpi_no_overtime = 0
        self.compute(self.agent_a1)
        self.assertEqual(breaches(), ["first_call"])

    def test_locked_days_keep_their_deductions(self):
        self.day_calls(self.agent_a1, first="09:45:00")
        self.punch(self.agent_a1, check_out="19:00:00")
        row = self.compute(self.agent_a1)
        row._telesales_set_paid()  # as payroll does
        self.add_calls(
            [self.call_vals(self.agent_a1, self.utc(DAY, "09:20:00"), talk=30)]
        )
        self.compute(self.agent_a1)
        first_call = self.Deduction.search(
            [("employee_id", "=", self.agent_a1.id), ("breach_type", "=", "first_call")]
        )
        self.assertEqual(first_call.state, "active")

    def test_access(self):
        self.deduct(self.agent_a1, 5)
        self.deduct(self.agent_a2, 5)
        self.deduct(self.agent_b1, 5)

        def visible(user):
            return self.Deduction.with_user(user).search([]).employee_id & (
                self.agents | self.tl_a1 | self.tl_a2 | self.tl_b1
            )

        self.assertEqual(visible(self.agent_a1_user), self.agent_a1)
        self.assertEqual(visible(self.tl_a1_user), self.agent_a1)
        self.assertEqual(visible(self.manager_a_user), self.agent_a1 | self.agent_a2)
        self.assertEqual(
            visible(self.hr_user), self.agent_a1 | self.agent_a2 | self.agent_b1
        )
        self.assertEqual(
            visible(self.auditor), self.agent_a1 | self.agent_a2 | self.agent_b1
        )
        for user in (
            self.agent_a1_user,
            self.tl_a1_user,
            self.manager_a_user,
            self.auditor,
        ):
            with self.assertRaises(AccessError):
                self.Deduction.with_user(user).create(
                    {
                        "employee_id": self.agent_a1.id,
                        "points": 1,
                        "breach_type": "other",
                    }
                )
        manual = self.Deduction.with_user(self.hr_user).create(
            {"employee_id": self.agent_a1.id, "points": 3, "breach_type": "other"}
        )
        self.assertEqual(manual.origin, "manual")
        self.assertEqual(manual.department_id, self.team_a1)
        with self.assertRaises(AccessError):
            manual.with_user(self.tl_a1_user).write({"cancel_reason": "x"})

    # -- newcomer coaching ----------------------------------------------
    def test_newcomer_coaching(self):
        """A trainee more than 2 working days in a row without a deal: one
        coaching activity for the team leader per streak; a deal ends it."""
        trainee = self.agent_a1b  # holds T0
        days = [date(2025, 4, d) for d in (1, 2, 3, 4, 7, 8, 9, 10, 11)]
        for day in days:
            self.punch(trainee, day)
            self.punch(self.agent_a1, day)
        # deals on the 8th only: streaks 1-7 (5 days) and 9-11 (3 days); the
        # third day of each schedules the coaching
        self.env["telesales.premium"].create(
            {
                "external_id": "KPI-DEAL-1",
                "employee_id": trainee.id,
                "date": date(2025, 4, 8),
                "amount": 3000,
            }
        )
        self.compute(trainee | self.agent_a1, days[0], days[1])
        self.assertFalse(
            self.Flag.search(
                [
                    ("flag_type", "=", "newcomer_coaching"),
                    ("employee_id", "in", (trainee | self.agent_a1).ids),
                ]
            )
        )
        self.compute(trainee | self.agent_a1, days[2], days[-1])
        self.compute(trainee | self.agent_a1, days[0], days[-1])
        flags = self.Flag.search(
            [
                ("flag_type", "=", "newcomer_coaching"),
                ("employee_id", "in", (trainee | self.agent_a1).ids),
            ],
            order="date",
        )
        self.assertEqual(flags.employee_id, trainee, "only the trainee")
        self.assertEqual(flags.mapped("period_start"), [days[0], days[6]])
        self.assertEqual(flags.mapped("date"), [days[2], days[-1]])
        self.assertEqual(flags.responsible_user_id, self.tl_a1_user)
        activity = flags[0].activity_ids
        self.assertEqual(activity.user_id, self.tl_a1_user)
        self.assertEqual(
            activity.summary,
            "Coaching: listen to failed and successful recordings together",
        )
        self.assertEqual(self.row(trainee, date(2025, 4, 8)).deals, 1)
