# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.telesales_hr.models.hr_employee import HrEmployee

from .sales_common import TelesalesSalesCase

Q2 = (date(2025, 4, 1), date(2025, 6, 30))


@tagged("post_install", "-at_install")
class TestRankReviewRules(TelesalesSalesCase):
    """Every rule of SPEC §3, at and just below each threshold."""

    def review(self, department=None, **settings):
        if settings:
            self.company.write(settings)
        review = self.Review.create(
            {
                "year": 2025,
                "quarter": 2,
                "department_id": (department or self.centre).id,
            }
        )
        review.action_compute()
        return review

    def line(self, review, employee):
        line = review.line_ids.filtered(lambda ln: ln.employee_id == employee)
        self.assertEqual(len(line), 1, employee.name)
        return line

    def assertDecision(self, review, employee, decision, proposed):
        line = self.line(review, employee)
        self.assertEqual(
            (line.decision, line.proposed_rank_id, line.final_rank_id),
            (decision, proposed, proposed),
            employee.name,
        )
        return line

    def test_quarter_and_scope(self):
        review = self.review()
        self.assertEqual((review.date_from, review.date_to), Q2)
        self.assertEqual(review.effective_date, date(2025, 7, 1))
        self.assertEqual(review.name, "2025 Q2 - Test Centre")
        self.assertEqual(
            review.line_ids.employee_id,
            self.agents | self.tl_a1 | self.tl_a2 | self.tl_b1,
        )
        self.assertEqual(self.Review._previous_quarter(date(2025, 1, 15)), (2024, 4))
        self.assertEqual(self.Review._previous_quarter(date(2025, 7, 1)), (2025, 2))
        # an agent is reviewed once per quarter
        with self.assertRaises(ValidationError):
            self.Review.create(
                {"year": 2025, "quarter": 2, "department_id": self.centre.id}
            )
        unit_review = self.Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_a.id}
        )
        unit_review.action_compute()
        self.assertFalse(unit_review.line_ids)
        # another period: the lines of the old one are dropped until recomputed
        unit_review.write({"quarter": 1})
        unit_review.action_compute()
        self.assertEqual(
            unit_review.line_ids.employee_id,
            self.agent_a1 | self.agent_a1b | self.agent_a2 | self.tl_a1 | self.tl_a2,
        )
        unit_review.write({"year": 2024})
        self.assertFalse(unit_review.line_ids)
        self.assertFalse(unit_review.computed_on)

    def test_promote_keep_demote_at_thresholds(self):
        """S1: keep at 45,000, promote at 90,000 (S2's threshold)."""
        self.sell(self.agent_a1, date(2025, 4, 10), 90000)  # exactly S2's
        self.sell(self.agent_a1b, date(2025, 4, 10), 44999.99)  # T0, just below S1
        self.sell(self.agent_a2, date(2025, 5, 10), 90000)  # S2 exactly at its own
        self.sell(self.agent_b1, date(2025, 6, 30), 134999.99)  # S3 just below its own
        review = self.review()
        self.assertDecision(review, self.agent_a1, "promote", self.s2)
        self.assertDecision(review, self.agent_a1b, "keep", self.t0)
        self.assertDecision(review, self.agent_a2, "keep", self.s2)
        self.assertDecision(review, self.agent_b1, "demote", self.s2)
        line = self.line(review, self.agent_a1)
        self.assertEqual(
            (line.premium, line.threshold, line.promotion_threshold),
            (90000, 45000, 90000),
        )
        self.assertEqual(line.change, "up")
        self.assertEqual(
            (review.promote_count, review.demote_count), (1, 1 + 3)
        )  # + the TLs

    def test_just_below_promotion_and_keep(self):
        self.sell(self.agent_a1, date(2025, 4, 10), 89999.99)
        self.sell(self.agent_a2, date(2025, 4, 10), 89999.99)
        self.sell(self.agent_b1, date(2025, 4, 1), 135000)
        self.sell(self.agent_a1b, date(2025, 4, 1), 45000)
        review = self.review()
        self.assertDecision(review, self.agent_a1, "keep", self.s1)
        self.assertDecision(review, self.agent_a2, "demote", self.s1)
        self.assertDecision(review, self.agent_b1, "keep", self.s3)
        self.assertDecision(review, self.agent_a1b, "promote", self.s1)

    def test_outside_quarter_and_cancelled_do_not_count(self):
        self.sell(self.agent_a1, date(2025, 3, 31), 50000)
        self.sell(self.agent_a1, date(2025, 7, 1), 50000)
        self.sell(self.agent_a1, date(2025, 5, 1), 50000, state="cancelled")
        self.sell(self.agent_a1, date(2025, 5, 1), 50000, "refunded", date(2025, 5, 30))
        self.sell(self.agent_a1, date(2025, 5, 1), 44999.99)
        review = self.review()
        line = self.assertDecision(review, self.agent_a1, "demote", self.t0)
        self.assertEqual(line.premium, 44999.99)

    def test_refund_in_later_month(self):
        """A March sale refunded in May reduces the second quarter."""
        self.sell(self.agent_a1, date(2025, 3, 15), 20000, "refunded", date(2025, 5, 3))
        self.sell(self.agent_a1, date(2025, 4, 15), 60000)
        self.sell(self.agent_a1, date(2025, 6, 15), 5000)
        # and a Q2 sale refunded in July still counts in Q2
        self.sell(
            self.agent_a1, date(2025, 6, 20), 44999.99, "refunded", date(2025, 7, 2)
        )
        review = self.review()
        line = self.assertDecision(review, self.agent_a1, "keep", self.s1)
        self.assertEqual(line.premium, 89999.99)

    def test_trainee_floor(self):
        """A trainee stays a trainee, even when the company gives the
        lowest rank a threshold."""
        review = self.review()
        self.assertDecision(review, self.agent_a1b, "keep", self.t0)
        review.cancel_reason = "Ladder changed"
        review.action_cancel()
        self.t0.quarter_threshold = 10000
        review = self.review()
        line = self.assertDecision(review, self.agent_a1b, "keep", self.t0)
        self.assertEqual(line.threshold, 10000)

    def test_jump_setting(self):
        self.sell(self.agent_a1, date(2025, 4, 10), 180000)  # D1's threshold
        self.sell(self.agent_a1b, date(2025, 4, 10), 134999.99)
        review = self.review(telesales_promotion_mode="jump")
        self.assertEqual(review.promotion_mode, "jump")
        self.assertDecision(review, self.agent_a1, "promote", self.d1)
        self.assertDecision(review, self.agent_a1b, "promote", self.s2)
        review.cancel_reason = "Setting changed"
        review.action_cancel()
        review = self.review(telesales_promotion_mode="step")
        self.assertDecision(review, self.agent_a1, "promote", self.s2)
        self.assertDecision(review, self.agent_a1b, "promote", self.s1)

    def test_promotion_block(self):
        """A block reported through the extension point caps at keep."""
        self.sell(self.agent_a1, date(2025, 4, 10), 200000)
        self.sell(self.agent_a2, date(2025, 4, 10), 10)
        calls = []

        def blocks(self_, employees, date_from, date_to):
            calls.append((employees, date_from, date_to))
            return {
                employee.id: ["Warning (警告) on 2025-05-02"]
                for employee in employees & (self.agent_a1 | self.agent_a2)
            }

        with patch.object(HrEmployee, "_telesales_promotion_blocks", blocks):
            review = self.review()
        self.assertEqual(len(calls), 1, "one call for the whole scope")
        self.assertEqual(calls[0][1:], Q2)
        line = self.assertDecision(review, self.agent_a1, "keep", self.s1)
        self.assertTrue(line.promotion_blocked)
        self.assertIn("警告", line.block_reason)
        # a block never prevents a demotion
        line = self.assertDecision(review, self.agent_a2, "demote", self.s1)
        self.assertTrue(line.promotion_blocked)
        self.assertEqual(review.blocked_count, 2)
        self.assertFalse(self.line(review, self.agent_b1).promotion_blocked)
        # the default hook reports nothing
        self.assertEqual(
            self.env["hr.employee"]._telesales_promotion_blocks(self.agents, *Q2), {}
        )

    def test_pro_rata(self):
        """A rank started inside the quarter: threshold × months held / 3."""
        newcomer = self.env["hr.employee"].create(
            {"name": "Newcomer", "department_id": self.team_a1.id}
        )
        self.set_rank(
            newcomer, self.s1, date(2025, 5, 20), origin="initial"
        )  # May, June
        self.set_rank(self.agent_a2, self.s3, date(2025, 6, 1))  # June only
        self.sell(newcomer, date(2025, 6, 1), 60000)  # S2 90,000 × 2/3
        self.sell(self.agent_a2, date(2025, 6, 1), 44999.99)  # S3 135,000 × 1/3 - 0.01
        review = self.review()
        line = self.assertDecision(review, newcomer, "promote", self.s2)
        self.assertEqual(
            (
                line.months_held,
                line.threshold,
                line.promotion_threshold,
                line.rank_start,
            ),
            (2, 30000, 60000, date(2025, 5, 20)),
        )
        line = self.assertDecision(review, self.agent_a2, "demote", self.s2)
        self.assertEqual((line.months_held, line.threshold), (1, 45000))
        self.assertEqual(self.line(review, self.agent_a1).months_held, 3)
        review.cancel_reason = "Test"
        review.action_cancel()
        newcomer_sale = self.Premium.search([("employee_id", "=", newcomer.id)])
        newcomer_sale.with_context(tracking_disable=True).write({"amount": 59999.99})
        review = self.review()
        self.assertDecision(review, newcomer, "keep", self.s1)

    def test_exempt_setting(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "Newcomer", "department_id": self.team_a1.id}
        )
        self.set_rank(newcomer, self.s1, date(2025, 4, 2), origin="initial")
        review = self.review(telesales_partial_quarter_mode="exempt")
        line = self.assertDecision(review, newcomer, "exempt", self.s1)
        self.assertEqual(line.threshold, 0)
        # a rank starting on the quarter's first day is a whole quarter
        self.assertDecision(review, self.agent_a1b, "keep", self.t0)
        self.assertEqual(review.exempt_count, 1)

    def test_override_needs_reason(self):
        self.sell(self.agent_a1, date(2025, 4, 10), 50000)
        review = self.review()
        line = self.assertDecision(review, self.agent_a1, "keep", self.s1)
        with (
            self.assertRaisesRegex(ValidationError, "Agent A1.*reason"),
            self.cr.savepoint(),
        ):
            line.with_user(self.manager_a_user).write({"override_rank_id": self.s2.id})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            line.write({"override_rank_id": self.s2.id, "override_reason": "   "})
        self.assertFalse(line.override_rank_id)
        with self.assertRaises(UserError):
            line.with_user(self.manager_a_user).write({"premium": 1})
        line.with_user(self.manager_a_user).with_context(tracking_disable=False).write(
            {"override_rank_id": self.s2.id, "override_reason": "Top customer feedback"}
        )
        self.assertEqual(
            (line.decision, line.final_rank_id, line.change), ("keep", self.s2, "up")
        )
        self.assertEqual(review.override_count, 1)
        message = review.message_ids.filtered(
            lambda m: "Top customer feedback" in (m.body or "")
        )
        self.assertTrue(message)
        self.assertEqual(message.author_id, self.manager_a_user.partner_id)


@tagged("post_install", "-at_install")
class TestRankReviewFlow(TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # this class follows the chatter: tracking on
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.Review = cls.env["telesales.rank.review"]
        cls.sell(cls.agent_a1, date(2025, 4, 10), 95000)  # S1 → S2
        cls.sell(cls.agent_a2, date(2025, 4, 10), 95000)  # S2 keeps
        cls.sell(cls.agent_b1, date(2025, 4, 10), 500)  # S3 → S2 (other unit)

    def _activity_users(self, review):
        return review.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("telesales_hr.mail_activity_telesales_rank_review")
        ).user_id

    def test_flow_with_real_users(self):
        review = self.Review.with_user(self.manager_a_user).create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_a.id}
        )
        self.assertEqual(self._activity_users(review), self.manager_a_user)
        with self.assertRaises(UserError):
            review.with_user(self.manager_a_user).action_submit()  # not computed
        review.with_user(self.manager_a_user).action_compute()
        self.assertEqual(
            review.line_ids.employee_id,
            self.agent_a1 | self.agent_a1b | self.agent_a2 | self.tl_a1 | self.tl_a2,
        )
        with self.assertRaises(AccessError):
            review.with_user(self.tl_a1_user).action_submit()
        with self.assertRaises(AccessError):
            review.with_user(self.tl_a1_user).action_compute()
        with self.assertRaises(AccessError):
            review.with_user(self.auditor).action_submit()
        with self.assertRaises(AccessError):
            review.with_user(self.manager_a_user).action_approve()
        review.with_user(self.manager_a_user).action_submit()
        self.assertEqual(review.state, "submitted")
        hr_users = self.company._telesales_hr_users()
        self.assertIn(self.hr_user, hr_users)
        self.assertEqual(self._activity_users(review), hr_users)
        with self.assertRaises(AccessError):
            review.with_user(self.manager_a_user).action_approve()
        with self.assertRaises(UserError):
            review.with_user(self.hr_user).action_apply()  # not approved yet
        # HR may still override while approving
        line_a2 = review.line_ids.filtered(lambda ln: ln.employee_id == self.agent_a2)
        line_a2.with_user(self.hr_user).write(
            {
                "override_rank_id": self.s3.id,
                "override_reason": "Best quality score of the unit",
            }
        )
        review.with_user(self.hr_user).action_approve()
        self.assertEqual(self._activity_users(review), self.hr_user)
        with self.assertRaises(UserError):
            line_a2.with_user(self.hr_user).write({"override_rank_id": False})
        with self.assertRaises(AccessError):
            review.with_user(self.manager_a_user).action_apply()
        review.with_user(self.hr_user).action_apply()
        self.assertEqual(review.state, "applied")
        self.assertFalse(self._activity_users(review))
        # the history: new ranks from the first day of the next quarter
        entries = self.History.search([("origin", "=", "review")]).filtered(
            lambda h: h.origin_ref and h.origin_ref.review_id == review
        )
        self.assertEqual(
            entries.employee_id, self.agent_a1 | self.agent_a2 | self.tl_a1 | self.tl_a2
        )
        self.assertEqual(set(entries.mapped("date_start")), {date(2025, 7, 1)})
        ranks = self.History._rank_at(self.agents, date(2025, 7, 1))
        self.assertEqual(ranks[self.agent_a1.id], self.s2)
        self.assertEqual(ranks[self.agent_a2.id], self.s3)
        self.assertEqual(ranks[self.agent_a1b.id], self.t0)
        self.assertEqual(ranks[self.agent_b1.id], self.s3)  # other unit, not reviewed
        self.assertEqual(
            self.History._rank_at(self.agent_a1, date(2025, 6, 30))[self.agent_a1.id],
            self.s1,
        )
        self.assertEqual(self.agent_a1.telesales_rank_id, self.s2)
        line_a1 = review.line_ids.filtered(lambda ln: ln.employee_id == self.agent_a1)
        self.assertEqual(line_a1.history_id.origin_ref, line_a1)
        self.assertIn("overridden", line_a2.history_id.reason)
        # applying twice does nothing
        count = self.History.search_count([])
        review.with_user(self.hr_user).action_apply()
        self.assertEqual(self.History.search_count([]), count)
        self.assertEqual(review.state, "applied")
        # never deleted, never reopened
        with self.assertRaises(UserError):
            review.with_user(self.hr_user).unlink()
        with self.assertRaises(UserError):
            review.with_user(self.hr_user).action_reset_draft()
        # every step is in the chatter
        tracked = review.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertLessEqual(
            {"Submitted", "Approved", "Applied"}, set(tracked.mapped("new_value_char"))
        )
        self.assertTrue(
            review.sudo().message_ids.filtered(
                lambda m: "Best quality score of the unit" in (m.body or "")
            )
        )

    def test_back_to_draft_and_cancel(self):
        review = self.Review.with_user(self.manager_b_user).create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_b.id}
        )
        review.with_user(self.manager_b_user).action_compute()
        review.with_user(self.manager_b_user).action_submit()
        review.with_user(self.hr_user).action_reset_draft()
        self.assertEqual(review.state, "draft")
        self.assertEqual(self._activity_users(review), self.manager_b_user)
        with self.assertRaises(UserError):
            review.with_user(self.manager_b_user).action_cancel()  # no reason
        review.with_user(self.manager_b_user).write(
            {"cancel_reason": "Data import was late"}
        )
        review.with_user(self.manager_b_user).action_cancel()
        self.assertEqual(review.state, "cancelled")
        self.assertFalse(self._activity_users(review))
        # a cancelled review frees its agents for a new one
        again = self.Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_b.id}
        )
        again.action_compute()
        self.assertIn(self.agent_b1, again.line_ids.employee_id)

    def test_access_to_lines(self):
        review = self.Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.centre.id}
        )
        review.action_compute()
        Line = self.env["telesales.rank.review.line"]

        def visible(user):
            return (
                Line.with_user(user).search([("review_id", "=", review.id)]).employee_id
                & self.agents
            )

        self.assertEqual(visible(self.tl_a1_user), self.agent_a1 | self.agent_a1b)
        self.assertEqual(
            visible(self.manager_a_user), self.agent_a1 | self.agent_a1b | self.agent_a2
        )
        self.assertEqual(visible(self.director_user), self.agents)
        self.assertEqual(visible(self.hr_user), self.agents)
        self.assertEqual(visible(self.auditor), self.agents)
        with self.assertRaises(AccessError):
            Line.with_user(self.agent_a1_user).search([])
        with self.assertRaises(AccessError):
            review.with_user(self.agent_a1_user).read(["state"])
        line = review.line_ids.filtered(lambda ln: ln.employee_id == self.agent_b1)
        for user in (self.auditor, self.tl_b1_user, self.manager_a_user):
            with self.assertRaises(AccessError):
                line.with_user(user).write(
                    {"override_rank_id": self.s3.id, "override_reason": "x"}
                )
        with self.assertRaises(AccessError):
            review.with_user(self.auditor).write({"cancel_reason": "x"})
        with self.assertRaises(AccessError):
            review.with_user(self.auditor).action_approve()
        with self.assertRaises(AccessError):
            review.with_user(self.tl_a1_user).action_cancel()

    def test_cron_drafts_the_closed_quarter_once(self):
        reviews = self.Review._cron_draft_reviews(date(2025, 7, 2))
        review = reviews.filtered(lambda r: r.company_id == self.company)
        self.assertEqual(
            (review.year, review.quarter, review.state), (2025, 2, "draft")
        )
        self.assertFalse(review.department_id)
        self.assertLessEqual(self.agents | self.tl_a1, review.line_ids.employee_id)
        self.assertTrue(review.computed_on)
        self.assertTrue(self._activity_users(review))
        self.assertFalse(self.Review._cron_draft_reviews(date(2025, 8, 1)))
        self.assertEqual(
            self.Review.search_count([("year", "=", 2025), ("quarter", "=", 2)]), 1
        )


@tagged("post_install", "-at_install")
class TestRankReviewScale(TelesalesSalesCase):
    def _compute_queries(self, review):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        review.action_compute()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_forty_agent_centre_is_set_based(self):
        """The review of a 40-agent centre is computed in as many queries as
        the review of a few agents, then submitted, approved and applied."""
        small = self.Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_b.id}
        )
        small_queries = self._compute_queries(small)
        small.cancel_reason = "measure only"
        small.action_cancel()
        self.add_agents(17, self.team_a1)
        self.add_agents(16, self.team_b1)
        review = self.Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.centre.id}
        )
        queries = self._compute_queries(review)
        self.assertGreaterEqual(len(review.line_ids), 40)
        self.assertLessEqual(queries, small_queries + 2, (small_queries, queries))
        self.assertTrue(
            review.promote_count and review.keep_count and review.demote_count
        )
        review.with_user(self.director_user).action_submit()
        review.with_user(self.hr_user).action_approve()
        review.with_user(self.hr_user).action_apply()
        changed = review.line_ids.filtered(lambda ln: ln.change != "same")
        self.assertEqual(len(changed.history_id), len(changed))
        self.assertEqual(
            self.History._rank_at(changed.employee_id, date(2025, 7, 1)),
            {line.employee_id.id: line.final_rank_id for line in changed},
        )
