# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 11: what a client sends cannot skip, rewrite or delete a rank
review, a referral bonus or a flag. Every attempt is made as the real user
of the group and leaves the record as it was."""

from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_recruiting import TelesalesRecruitingCase
from .sales_common import TelesalesSalesCase


@tagged("post_install", "-at_install")
class TestRankReviewIntegrity(TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sell(cls.agent_a1, date(2025, 4, 10), 95000)  # S1 → S2
        cls.review = cls.Review.with_user(cls.manager_a_user).create(
            {"year": 2025, "quarter": 2, "department_id": cls.unit_a.id}
        )
        cls.review.with_user(cls.manager_a_user).action_compute()
        cls.line_a1 = cls.review.line_ids.filtered(
            lambda ln: ln.employee_id == cls.agent_a1
        )

    def refused(self, record, vals, error=UserError):
        before = record.read(list(vals))
        with self.assertRaises(error), self.cr.savepoint():
            record.write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.read(list(vals)), before)

    def test_manager_cannot_write_state(self):
        review = self.review.with_user(self.manager_a_user)
        for state in ("submitted", "approved", "applied"):
            self.refused(review, {"state": state})
        self.assertEqual(self.review.state, "draft")

    def test_hr_cannot_reopen_an_applied_review(self):
        self.review.with_user(self.manager_a_user).action_submit()
        self.review.with_user(self.hr_user).action_approve()
        self.review.with_user(self.hr_user).action_apply()
        count = self.History.search_count([])
        review = self.review.with_user(self.hr_user)
        self.refused(review, {"state": "draft"})
        self.refused(review, {"state": "approved"})
        self.refused(review, {"cancel_reason": "x"})
        with self.assertRaises(UserError):
            review.action_reset_draft()
        with self.assertRaises(UserError):
            review.action_cancel()
        with self.assertRaises(UserError):
            review.unlink()
        review.action_apply()  # applying again changes nothing
        self.assertEqual(self.History.search_count([]), count)
        self.assertEqual(self.review.state, "applied")
        # the database itself refuses a second entry for the same line
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.History.create(
                    {
                        "employee_id": self.agent_a1.id,
                        "rank_id": self.s3.id,
                        "date_start": date(2025, 7, 2),
                        "origin": "review",
                        "origin_ref": f"{self.line_a1._name},{self.line_a1.id}",
                    }
                )

    def test_context_key_no_longer_opens_the_lines(self):
        line = self.line_a1.with_user(self.manager_a_user).with_context(
            telesales_review_system=True
        )
        self.refused(line, {"decision": "demote", "premium": 1})
        self.refused(line, {"proposed_rank_id": self.d2.id})
        self.refused(line, {"history_id": False})
        with self.assertRaises(UserError), self.cr.savepoint():
            line.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.review.with_user(self.manager_a_user).write(
                {"line_ids": [(2, self.line_a1.id)]}
            )
        with self.assertRaises(UserError), self.cr.savepoint():
            self.Review.env["telesales.rank.review.line"].with_user(
                self.hr_user
            ).create(
                {
                    "review_id": self.review.id,
                    "employee_id": self.agent_b1.id,
                    "current_rank_id": self.s3.id,
                    "proposed_rank_id": self.d2.id,
                    "decision": "promote",
                }
            )
        self.assertEqual(
            (self.line_a1.decision, self.line_a1.premium), ("promote", 95000)
        )

    def test_override_only_in_draft_or_submitted_by_managers(self):
        override = {"override_rank_id": self.s3.id, "override_reason": "x"}
        self.refused(self.line_a1.with_user(self.tl_a1_user), override, AccessError)
        self.refused(self.line_a1.with_user(self.auditor), override, AccessError)
        self.review.with_user(self.manager_a_user).action_submit()
        self.line_a1.with_user(self.hr_user).write(override)
        self.review.with_user(self.hr_user).action_approve()
        self.refused(
            self.line_a1.with_user(self.hr_user), {"override_rank_id": self.d1.id}
        )
        self.assertEqual(self.line_a1.final_rank_id, self.s3)

    def test_computed_figures_stay_after_submit(self):
        self.review.with_user(self.manager_a_user).action_submit()
        with self.assertRaises(UserError):
            self.review.with_user(self.manager_a_user).action_compute()
        self.refused(self.review.with_user(self.manager_a_user), {"quarter": 1})
        self.refused(self.review.with_user(self.hr_user), {"computed_on": False})
        self.assertTrue(self.review.line_ids)


@tagged("post_install", "-at_install")
class TestReferralBonusIntegrity(TelesalesRecruitingCase):
    def setUp(self):
        super().setUp()
        applicant = self.applicant("Li Lei", referrer=self.agent_a2)
        hire = self.hire(applicant, date(2025, 1, 15))
        self.referral = self.Referral.search([("employee_id", "=", hire.id)])
        self.Milestone._cron_referral_milestones(date(2025, 3, 15))
        milestones = {m.kind: m for m in self.referral.milestone_ids}
        self.first, self.probation = milestones["one_month"], milestones["probation"]

    def test_hr_cannot_write_state_or_delete(self):
        first = self.first.with_user(self.hr_user)
        first.action_approve()
        for vals in (
            {"state": "pending"},
            {"state": "paid"},
            {"approved_by_id": False},
            {"amount": 1},
            {"date_paid": date(2025, 3, 1), "payment_reference": "x"},
        ):
            with self.assertRaises(UserError), self.cr.savepoint():
                first.write(vals)
        self.assertEqual((self.first.state, self.first.amount), ("approved", 100))
        with self.assertRaises(UserError), self.cr.savepoint():
            first.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.referral.with_user(self.hr_user).unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.referral.with_user(self.hr_user).write(
                {"referrer_id": self.agent_a1.id}
            )
        # paid: the same, and never cancelled
        self.first._mark_paid(self.payslip(self.agent_a2, date(2025, 2, 28)))
        with self.assertRaises(UserError), self.cr.savepoint():
            first.write({"state": "pending"})
        with self.assertRaises(UserError), self.cr.savepoint():
            first.unlink()
        wizard = (
            self.env["telesales.referral.milestone.cancel"]
            .with_user(self.hr_user)
            .create({"milestone_ids": [(6, 0, first.ids)], "reason": "Mistake"})
        )
        with self.assertRaises(UserError), self.cr.savepoint():
            wizard.action_confirm()
        self.assertEqual(self.first.state, "paid")
        self.assertTrue(self.first.exists())

    def test_due_bonus_moves_only_through_actions(self):
        for user in (self.hr_user, self.manager_a_user):
            with self.assertRaises(UserError), self.cr.savepoint():
                self.first.with_user(user).write({"state": "approved"})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.first.with_user(self.hr_user).unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.probation.with_user(self.hr_user).write({"state": "cancelled"})
        self.assertEqual(self.first.state, "due")
        # a cancelled bonus comes back through no write
        self.probation._cancel("Decided by HR")
        with self.assertRaises(UserError), self.cr.savepoint():
            self.probation.with_user(self.hr_user).write(
                {"state": "pending", "cancel_reason": False}
            )
        self.assertEqual(self.probation.state, "cancelled")


@tagged("post_install", "-at_install")
class TestFlagIntegrity(TelesalesRecruitingCase):
    def setUp(self):
        super().setUp()
        self.Flag = self.env["telesales.flag"]
        self.about_tl = self.Flag.create(
            {
                "name": "Suspected proxy punch",
                "flag_type": "proxy_punch",
                "employee_id": self.tl_a1.id,
                "date": date(2025, 4, 1),
                "responsible_user_id": self.manager_a_user.id,
            }
        )

    def test_team_leader_cannot_decide_about_themselves(self):
        flag = self.about_tl.with_user(self.tl_a1_user)
        self.assertEqual(flag.department_id, self.team_a1)
        with self.assertRaises(AccessError):
            flag.action_dismiss()
        with self.assertRaises(AccessError):
            flag.action_confirm()
        for state in ("dismissed", "confirmed"):
            with self.assertRaises(UserError), self.cr.savepoint():
                flag.write({"state": state})
        self.assertEqual(self.about_tl.state, "open")
        self.about_tl.with_user(self.manager_a_user).action_dismiss()
        self.assertEqual(self.about_tl.state, "dismissed")

    def test_decided_flag_is_frozen(self):
        flag_a1 = self.Flag.create(
            {
                "name": "Performance watch",
                "flag_type": "performance_watch",
                "employee_id": self.agent_a1.id,
                "date": date(2025, 4, 1),
            }
        )
        flag = flag_a1.with_user(self.tl_a1_user)
        flag.write({"decision_note": "Talked it through"})
        flag.action_dismiss()
        for vals in ({"state": "open"}, {"decision_note": "Changed my mind"}):
            with self.assertRaises(UserError), self.cr.savepoint():
                flag.write(vals)
        with self.assertRaises(UserError):
            flag.action_confirm()
        with self.assertRaises(UserError), self.cr.savepoint():
            flag_a1.with_user(self.hr_user).write({"state": "open"})
        self.assertEqual(
            (flag_a1.state, flag_a1.decision_note), ("dismissed", "Talked it through")
        )
