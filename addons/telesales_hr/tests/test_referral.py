# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_recruiting import TelesalesRecruitingCase

START = date(2025, 1, 15)


@tagged("post_install", "-at_install")
class TestReferral(TelesalesRecruitingCase):
    def referred_hire(self, name, referrer=None, start=START):
        applicant = self.applicant(name, referrer=referrer or self.agent_a2)
        employee = self.hire(applicant, start)
        referral = self.Referral.search([("employee_id", "=", employee.id)])
        self.assertEqual(len(referral), 1)
        return employee, referral

    @staticmethod
    def milestone(referral, kind):
        return referral.milestone_ids.filtered(lambda m: m.kind == kind)

    def cron(self, day):
        return self.Milestone._cron_referral_milestones(day)

    def test_hire_creates_referral_in_referrer_team(self):
        """Hiring a referred applicant records the referral and its two
        milestones from the settings; the hire joins the referrer's team."""
        applicant = self.applicant("Li Lei", referrer=self.agent_a2)
        # the job belongs to team A1, the referrer to team A2
        self.assertEqual(applicant.department_id, self.team_a2)
        employee = self.hire(applicant, START)
        self.assertEqual(employee.department_id, self.team_a2)
        referral = self.Referral.search([("employee_id", "=", employee.id)])
        self.assertRecordValues(
            referral,
            [
                {
                    "referrer_id": self.agent_a2.id,
                    "referrer_department_id": self.team_a2.id,
                    "department_id": self.team_a2.id,
                    "applicant_id": applicant.id,
                    "date_start": START,
                    "probation_end": date(2025, 3, 15),
                    "state": "running",
                    "amount_total": 200.0,
                    "amount_paid": 0.0,
                }
            ],
        )
        self.assertRecordValues(
            referral.milestone_ids.sorted("date_due"),
            [
                {
                    "kind": "one_month",
                    "date_due": date(2025, 2, 15),
                    "amount": 100.0,
                    "state": "pending",
                    "employee_id": self.agent_a2.id,
                },
                {
                    "kind": "probation",
                    "date_due": date(2025, 3, 15),
                    "amount": 100.0,
                    "state": "pending",
                    "employee_id": self.agent_a2.id,
                },
            ],
        )
        self.assertEqual(employee.telesales_referred_by_id, self.agent_a2)
        self.assertEqual(self.agent_a2.telesales_referral_count, 1)
        self.assertEqual(applicant.telesales_referral_count, 1)
        # creating the employee again is impossible and the referral unique
        self.assertEqual(
            self.Referral._create_from_applicants(applicant), self.Referral
        )

    def test_explicit_department_and_late_referrer(self):
        """A department chosen after the referrer is kept; naming the referrer
        after the employee was created still records the referral."""
        applicant = self.applicant("Han Meimei", referrer=self.agent_a2)
        applicant.department_id = self.team_b1
        employee = self.hire(applicant, START)
        self.assertEqual(employee.department_id, self.team_b1)
        self.assertEqual(
            self.Referral.search([("employee_id", "=", employee.id)]).referrer_id,
            self.agent_a2,
        )
        late = self.applicant("Wei Wei")
        with self.kpi_sources():
            hire = self.hire(late, START)
        self.assertFalse(self.Referral.search([("employee_id", "=", hire.id)]))
        late.telesales_referrer_id = self.agent_b1
        referral = self.Referral.search([("employee_id", "=", hire.id)])
        self.assertEqual(referral.referrer_id, self.agent_b1)
        self.assertEqual(len(referral.milestone_ids), 2)

    def test_employee_from_candidate_form(self):
        """Creating the employee from the candidate also records the referral
        and puts the hire in the referrer's team."""
        applicant = self.applicant("Li Lei", referrer=self.agent_b1)
        applicant.write({"stage_id": self.hired_stage.id})
        applicant.candidate_id.create_employee_from_candidate()
        employee = applicant.employee_id
        self.assertEqual(employee.department_id, self.team_b1)
        referral = self.Referral.search([("employee_id", "=", employee.id)])
        self.assertEqual(referral.referrer_id, self.agent_b1)
        self.assertEqual(referral.department_id, self.team_b1)

    def test_one_month_milestone_due_exactly_after_one_month(self):
        """The day before one month the bonus is pending; on the day it is due
        and HR gets an activity to approve it. Probation follows the same rule."""
        __, referral = self.referred_hire("Li Lei")
        first = self.milestone(referral, "one_month")
        probation = self.milestone(referral, "probation")
        self.cron(date(2025, 2, 14))
        self.assertEqual((first | probation).mapped("state"), ["pending", "pending"])
        self.assertFalse(first.activity_ids)
        self.cron(date(2025, 2, 15))
        self.assertEqual(first.state, "due")
        self.assertEqual(probation.state, "pending")
        self.assertEqual(first.activity_ids.user_id, self.hr_user)
        self.assertEqual(first.activity_ids.summary, "Approve referral bonus")
        self.cron(date(2025, 3, 14))
        self.assertEqual(probation.state, "pending")
        self.cron(date(2025, 3, 15))
        self.assertEqual(probation.state, "due")

    def test_first_period_is_a_setting(self):
        self.company.telesales_referral_first_months = 2
        self.company.telesales_referral_first_amount = 150
        __, referral = self.referred_hire("Li Lei")
        first = self.milestone(referral, "one_month")
        self.assertEqual(first.date_due, date(2025, 3, 15))
        self.assertEqual(first.amount, 150)

    def test_probation_from_settings_and_contract(self):
        """Probation ends at the contract's end of trial period when there is
        one, else start date + the probation months of the settings."""
        self.company.telesales_referral_probation_months = 3
        hire, referral = self.referred_hire("Li Lei")
        self.assertEqual(referral.probation_end, date(2025, 4, 15))
        self.assertEqual(referral.probation_source, "settings")
        self.assertEqual(
            self.milestone(referral, "probation").date_due, date(2025, 4, 15)
        )
        # the contract is signed after the employee was created: the daily
        # cron moves the pending probation milestone to its trial end
        trial_end = date(2025, 2, 28)
        if "hr.contract" in self.env:
            self.env["hr.contract"].create(
                {
                    "name": "Li Lei contract",
                    "employee_id": hire.id,
                    "date_start": START,
                    "trial_date_end": trial_end,
                    "wage": 2000,
                    "state": "open",
                }
            )
            self.cron(date(2025, 2, 1))
        else:
            # hr_contract absent: its reading is the only thing stood in for
            with patch.object(
                type(self.Referral),
                "_contract_trial_ends",
                lambda self: {hire.id: trial_end},
            ):
                self.cron(date(2025, 2, 1))
        self.assertEqual(referral.probation_end, trial_end)
        self.assertEqual(referral.probation_source, "contract")
        probation = self.milestone(referral, "probation")
        self.assertEqual(probation.date_due, trial_end)
        self.cron(trial_end)
        self.assertEqual(probation.state, "due")

    def test_leaver_cancels_pending_milestones(self):
        """A hire who leaves before a milestone cancels it at once; one who
        leaves after it keeps the bonus earned."""
        early, referral_early = self.referred_hire("Early Leaver")
        early.departure_date = date(2025, 2, 10)
        self.assertEqual(
            referral_early.milestone_ids.mapped("state"), ["cancelled"] * 2
        )
        self.assertIn("left before", referral_early.milestone_ids[0].cancel_reason)
        self.assertEqual(referral_early.state, "cancelled")

        mid, referral_mid = self.referred_hire("Mid Leaver", referrer=self.agent_b1)
        mid.departure_date = date(2025, 2, 20)
        self.assertEqual(self.milestone(referral_mid, "probation").state, "cancelled")
        first = self.milestone(referral_mid, "one_month")
        self.assertEqual(first.state, "pending")
        self.cron(date(2025, 2, 20))
        self.assertEqual(first.state, "due")

        # archiving without a departure date: the hire left today
        today = fields.Date.context_today(self.Milestone)
        recent, referral_recent = self.referred_hire(
            "Recent Leaver", referrer=self.agent_a1, start=today - timedelta(days=20)
        )
        recent.action_archive()
        self.assertEqual(
            referral_recent.milestone_ids.mapped("state"), ["cancelled"] * 2
        )

    def test_cron_cancels_when_departure_known_late(self):
        """A departure recorded behind the ORM's back (e.g. a database
        import) is caught by the cron on the due date."""
        hire, referral = self.referred_hire("Li Lei")
        self.env.cr.execute(
            "UPDATE hr_employee SET departure_date = %s WHERE id = %s",
            [date(2025, 2, 1), hire.id],
        )
        hire.invalidate_recordset(["departure_date"])
        self.cron(date(2025, 2, 15))
        first = self.milestone(referral, "one_month")
        self.assertEqual(first.state, "cancelled")
        self.assertIn("left before", first.cancel_reason)
        self.assertEqual(self.milestone(referral, "probation").state, "pending")

    def test_approval_by_hr_only(self):
        __, referral = self.referred_hire("Li Lei")
        self.cron(date(2025, 2, 15))
        first = self.milestone(referral, "one_month")
        probation = self.milestone(referral, "probation")
        for user in (self.agent_a2_user, self.tl_a2_user, self.auditor):
            with self.assertRaises(AccessError):
                first.with_user(user).action_approve()
        with self.assertRaises(UserError):
            probation.with_user(self.hr_user).action_approve()
        first.with_user(self.hr_user).action_approve()
        self.assertRecordValues(
            first,
            [{"state": "approved", "approved_by_id": self.hr_user.id}],
        )
        self.assertFalse(first.activity_ids)

    def test_paid_exactly_once_and_release(self):
        __, referral = self.referred_hire("Li Lei")
        self.cron(date(2025, 3, 15))
        referral.milestone_ids.with_user(self.hr_user).action_approve()
        first = self.milestone(referral, "one_month")
        probation = self.milestone(referral, "probation")
        payable = self.Milestone._payable(self.agent_a2, date(2025, 2, 28))
        self.assertEqual(payable, first)
        self.assertEqual(
            self.Milestone._payable(self.agent_a2, date(2025, 3, 31)), first | probation
        )
        self.assertFalse(self.Milestone._payable(self.agent_a1, date(2025, 3, 31)))

        slip = self.payslip(self.agent_a2, date(2025, 2, 28))
        first._mark_paid(slip)
        self.assertEqual(first.state, "paid")
        self.assertTrue(first.payment_reference)
        if slip._name == "hr.payslip":
            self.assertEqual(first.date_paid, date(2025, 2, 28))
        with self.assertRaisesRegex(UserError, "paid exactly once"):
            first._mark_paid(slip)
        with self.assertRaisesRegex(UserError, "paid exactly once"):
            (first | probation)._mark_paid(slip)
        self.assertEqual(probation.state, "approved")
        self.assertEqual(
            self.Milestone._payable(self.agent_a2, date(2025, 3, 31)), probation
        )
        self.assertEqual(referral.amount_paid, 100)
        # nothing paid or approved disappears, a paid bonus is not cancelled
        with self.assertRaises(UserError):
            first._cancel("Mistake")
        with self.assertRaises(UserError):
            first.unlink()
        with self.assertRaises(UserError):
            probation.unlink()
        with self.assertRaises(UserError):
            referral.unlink()
        # the payslip is cancelled: the bonus is payable again, then paid once
        first._release_payment()
        self.assertRecordValues(
            first,
            [{"state": "approved", "payment_reference": False, "date_paid": False}],
        )
        self.assertEqual(
            self.Milestone._payable(self.agent_a2, date(2025, 3, 31)), first | probation
        )
        (first | probation)._mark_paid(self.payslip(self.agent_a2, date(2025, 3, 31)))
        self.assertEqual(referral.state, "done")
        self.assertEqual(referral.amount_paid, 200)

    def test_only_approved_bonuses_are_paid(self):
        __, referral = self.referred_hire("Li Lei")
        self.cron(date(2025, 2, 15))
        with self.assertRaisesRegex(UserError, "Only approved"):
            referral.milestone_ids._mark_paid(
                self.payslip(self.agent_a2, date(2025, 2, 28))
            )
        self.assertEqual(
            sorted(referral.milestone_ids.mapped("state")), ["due", "pending"]
        )

    def test_cancel_with_reason(self):
        __, referral = self.referred_hire("Li Lei")
        self.cron(date(2025, 2, 15))
        first = self.milestone(referral, "one_month")
        with self.assertRaises(UserError):
            first._cancel("   ")
        with self.assertRaises(AccessError):
            first.with_user(self.tl_a2_user).action_cancel()
        action = first.with_user(self.hr_user).action_cancel()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.hr_user)
            .with_context(**action["context"])
            .create({"reason": "Referral made after the hire applied"})
        )
        wizard.action_confirm()
        self.assertRecordValues(
            first,
            [
                {
                    "state": "cancelled",
                    "cancel_reason": "Referral made after the hire applied",
                }
            ],
        )
        self.assertFalse(first.activity_ids)
        self.assertEqual(self.milestone(referral, "probation").state, "pending")

    def test_access(self):
        """The referrer sees their own referrals and bonuses, team leaders
        and managers those of their teams, HR and auditors all; only HR
        changes them."""
        __, referral_a2 = self.referred_hire("Li Lei", referrer=self.agent_a2)
        __, referral_b1 = self.referred_hire("Han Meimei", referrer=self.agent_b1)
        both = referral_a2 | referral_b1

        def visible(user, model="telesales.referral"):
            records = self.env[model].with_user(user).search([])
            if model == "telesales.referral":
                return records & both
            return records.referral_id & both

        for model in ("telesales.referral", "telesales.referral.milestone"):
            self.assertEqual(visible(self.agent_a2_user, model), referral_a2)
            self.assertFalse(visible(self.agent_a1_user, model))
            self.assertEqual(visible(self.tl_a2_user, model), referral_a2)
            self.assertEqual(visible(self.tl_b1_user, model), referral_b1)
            self.assertEqual(visible(self.manager_a_user, model), referral_a2)
            self.assertEqual(visible(self.hr_user, model), both)
            self.assertEqual(visible(self.auditor, model), both)
        # the referrer reads the ledger of their own bonuses
        values = referral_a2.milestone_ids.with_user(self.agent_a2_user).read(
            ["employee_id", "hire_id", "amount", "state"]
        )
        self.assertEqual({value["amount"] for value in values}, {100.0})
        with self.assertRaises(AccessError):
            referral_b1.with_user(self.agent_a2_user).read(["amount_total"])
        for user in (self.agent_a2_user, self.tl_a2_user, self.auditor):
            with self.assertRaises(AccessError):
                referral_a2.milestone_ids.with_user(user).write({"amount": 1})
            with self.assertRaises(AccessError):
                referral_a2.with_user(user).write({"date_start": date(2025, 1, 1)})
        referral_a2.with_user(self.hr_user).date_start = date(2025, 1, 10)
        self.assertEqual(
            self.milestone(referral_a2, "one_month").date_due, date(2025, 2, 10)
        )

    def test_demo_referrals(self):
        referrals = self.Referral._telesales_demo_referrals(agents=self.agents)
        self.assertEqual(len(referrals), 3)
        self.assertEqual(
            referrals[0].milestone_ids.mapped("state"), ["approved", "approved"]
        )
        self.assertEqual(referrals[1].milestone_ids.mapped("state"), ["pending"] * 2)
        self.assertEqual(referrals[2].state, "cancelled")
        self.assertTrue(referrals.referrer_id <= self.agents)
        last_month = fields.Date.context_today(self.Kpi).replace(day=1) - timedelta(
            days=1
        )
        self.assertTrue(
            self.Kpi.search(
                [
                    ("month", "=", last_month.replace(day=1)),
                    ("department_id", "=", self.team_a1.id),
                ]
            )
        )
