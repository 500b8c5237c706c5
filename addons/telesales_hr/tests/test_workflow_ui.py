# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 15, workflow gaps: users without email act, a manager decides on
their own unit's review only, flags ask for a note and say what they cost,
a coaching is done with its activity, the source link never fails."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase
from .sales_common import TelesalesSalesCase

REVIEW_ACTIVITY = "telesales_hr.mail_activity_telesales_rank_review"


def without_email(*users):
    for user in users:
        user.partner_id.email = False
    return users


@tagged("post_install", "-at_install")
class TestReviewWithoutEmail(TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sell(cls.agent_a1, date(2025, 4, 10), 95000)  # S1 → S2
        # like every demo user but admin: no email address
        without_email(cls.manager_a_user, cls.hr_user, cls.tl_a1_user)

    def test_manager_without_email_overrides_and_submits(self):
        """The override is saved, posted on the chatter under the manager's
        own name, and the review goes to HR (whose activity notification is
        sent on the manager's behalf) then is applied."""
        # tracking on: the chatter is written as in production
        Review = self.Review.with_user(self.manager_a_user).with_context(
            tracking_disable=False
        )
        review = Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_a.id}
        )
        review.action_compute()
        line = review.line_ids.filtered(lambda ln: ln.employee_id == self.agent_a1)
        line.write({"override_rank_id": self.s3.id, "override_reason": "Coached A2"})
        self.assertEqual(line.final_rank_id, self.s3)
        message = review.sudo().message_ids.filtered(
            lambda m: "Coached A2" in (m.body or "")
        )
        self.assertEqual(message.author_id, self.manager_a_user.partner_id)
        review.action_submit()
        self.assertEqual(review.state, "submitted")
        self.env.cr.precommit.run()  # the tracking is written at commit
        activity = review.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(REVIEW_ACTIVITY)
        )
        self.assertIn(self.hr_user, activity.user_id)
        hr_review = review.with_user(self.hr_user)
        hr_review.action_approve()
        self.env.cr.precommit.run()
        hr_review.action_apply()
        self.assertEqual(review.state, "applied")
        self.env.cr.precommit.run()
        tracked = (
            self.env["mail.message"]
            .search([("model", "=", review._name), ("res_id", "=", review.id)])
            .tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        )
        self.assertIn("Applied", tracked.mapped("new_value_char"))
        self.assertIn(self.hr_user.partner_id, tracked.mail_message_id.author_id)


@tagged("post_install", "-at_install")
class TestReviewScopedToUnit(TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre_review = cls.Review.create(
            {"year": 2025, "quarter": 2, "department_id": cls.centre.id}
        )
        cls.centre_review.action_compute()

    def test_unit_manager_cannot_decide_the_centre(self):
        review = self.centre_review
        self.assertIn(self.agent_b1, review.line_ids.employee_id)
        for user in (self.manager_a_user, self.manager_b_user):
            with self.assertRaises(AccessError) as caught, self.cr.savepoint():
                review.with_user(user).action_submit()
            self.assertIn(review.name, str(caught.exception))
            with self.assertRaises(AccessError), self.cr.savepoint():
                review.with_user(user).action_compute()
            review.cancel_reason = "Reorganised"
            with self.assertRaises(AccessError), self.cr.savepoint():
                review.with_user(user).action_cancel()
            review.cancel_reason = False
        self.assertEqual(review.state, "draft")
        self.assertTrue(review.line_ids)
        # the director heads the whole centre
        review.with_user(self.director_user).action_submit()
        self.assertEqual(review.state, "submitted")
        with self.assertRaises(AccessError):
            review.with_user(self.manager_a_user).action_reset_draft()
        # HR sees and moves every review
        review.with_user(self.hr_user).action_reset_draft()
        self.assertEqual(review.state, "draft")

    def test_each_manager_submits_their_own_unit(self):
        self.centre_review.cancel_reason = "One review per unit"
        self.centre_review.action_cancel()
        reviews = {}
        for user, unit in (
            (self.manager_a_user, self.unit_a),
            (self.manager_b_user, self.unit_b),
        ):
            Review = self.Review.with_user(user)
            # a manager starts with the unit they head
            self.assertEqual(
                Review.default_get(["department_id"])["department_id"], unit.id
            )
            reviews[user] = Review.create({"year": 2025, "quarter": 2})
            self.assertEqual(reviews[user].department_id, unit)
            reviews[user].action_compute()
        review_a = reviews[self.manager_a_user]
        review_b = reviews[self.manager_b_user]
        self.assertIn(self.agent_a1, review_a.line_ids.employee_id)
        self.assertEqual(review_b.line_ids.employee_id & self.agents, self.agent_b1)
        with self.assertRaises(AccessError):
            review_a.with_user(self.manager_b_user).action_submit()
        with self.assertRaises(AccessError):
            review_b.with_user(self.manager_a_user).action_submit()
        review_a.with_user(self.manager_a_user).action_submit()
        review_b.with_user(self.manager_b_user).action_submit()
        self.assertEqual({review_a.state, review_b.state}, {"submitted"})
        # HR reads both and starts the company's review
        self.assertFalse(
            self.Review.with_user(self.hr_user)
            .default_get(["department_id"])
            .get("department_id")
        )

    def test_company_review_goes_to_the_centre_head(self):
        self.centre_review.cancel_reason = "x"
        self.centre_review.action_cancel()
        review = self.Review.create({"year": 2025, "quarter": 2})
        users = review.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(REVIEW_ACTIVITY)
        ).user_id
        self.assertIn(self.director_user, users)
        self.assertNotIn(self.manager_a_user, users)
        self.assertNotIn(self.manager_b_user, users)


@tagged("post_install", "-at_install")
class TestFlagDecisions(ComplianceCase):
    def setUp(self):
        super().setUp()
        without_email(self.tl_a1_user, self.hr_user)
        self.attendance = self.punch(self.agent_a1, check_in="08:50:00", ip="10.0.0.7")
        self.punch(self.agent_a2, check_in="08:51:00", ip="10.0.0.7")
        self.compute(self.agent_a1 | self.agent_a2)
        self.flag = self.Flag.search(
            [("flag_type", "=", "proxy_punch"), ("employee_id", "=", self.agent_a1.id)]
        )
        self.assertEqual(len(self.flag), 1)

    def decide(self, flag, user, decision, note=None):
        action = getattr(flag.with_user(user), f"action_open_{decision}")()
        wizard = self.env[action["res_model"]].with_user(user).browse(action["res_id"])
        if note is not None:
            wizard.decision_note = note
        return wizard

    def test_proxy_punch_needs_a_note_and_says_what_it_costs(self):
        wizard = self.decide(self.flag, self.tl_a1_user, "confirm")
        self.assertTrue(wizard.note_required)
        self.assertIn("10 KPI points from Agent A1", wizard.consequences)
        self.assertIn("5 KPI points from Tl A1", wizard.consequences)
        with self.assertRaises(UserError), self.cr.savepoint():
            wizard.action_decide()
        self.assertEqual(self.flag.state, "open")
        with self.assertRaises(UserError), self.cr.savepoint():
            self.flag.with_user(self.tl_a1_user).action_confirm()
        wizard.decision_note = "Seen on camera"
        result = wizard.action_decide()
        self.assertEqual(self.flag.state, "confirmed")
        self.assertEqual(self.flag.decision_note, "Seen on camera")
        message = result["params"]["message"]
        self.assertIn("10 KPI points from Agent A1", message)
        self.assertIn("5 KPI points from Tl A1", message)
        self.assertIn("2025-04", message)
        posted = self.flag.sudo().message_ids.filtered(
            lambda m: "10 KPI points from Agent A1" in (m.body or "")
        )
        self.assertEqual(posted.author_id, self.tl_a1_user.partner_id)
        deductions = self.Deduction.search(
            [("source_ref", "=", f"telesales.flag,{self.flag.id}")]
        )
        self.assertEqual(sorted(deductions.mapped("points")), [5, 10])

    def test_dismissing_needs_no_note(self):
        other = self.Flag.search(
            [("flag_type", "=", "proxy_punch"), ("employee_id", "=", self.agent_a2.id)]
        )
        wizard = self.decide(other, self.tl_a2_user, "dismiss")
        self.assertFalse(wizard.note_required)
        self.assertFalse(wizard.consequences)
        wizard.action_decide()
        self.assertEqual(other.state, "dismissed")
        self.assertFalse(
            self.Deduction.search([("source_ref", "=", f"telesales.flag,{other.id}")])
        )

    def test_source_link_only_when_readable(self):
        flag = self.flag
        self.assertEqual(flag.source_ref, self.attendance)
        spec = {
            "source_ref": {"fields": {"display_name": {}}},
            "source_name": {},
            "source_readable": {},
        }
        for user in (self.hr_user, self.tl_a1_user, self.agent_a1_user):
            record = flag.with_user(user)
            readable = self.attendance.with_user(user).has_access("read")
            values = record.web_read(spec)[0]
            self.assertEqual(values["source_readable"], readable, user.login)
            self.assertTrue(values["source_name"].startswith("Attendance"))
        # an attendance administrator opens it
        self.hr_user.groups_id |= self.env.ref(
            "hr_attendance.group_hr_attendance_manager"
        )
        self.env.invalidate_all()
        self.assertTrue(flag.with_user(self.hr_user).source_readable)
        self.assertFalse(flag.with_user(self.tl_a1_user).source_readable)
        # a source the user may not open: named, not linked
        other = self.env["hr.attendance"].search(
            [("employee_id", "=", self.agent_a2.id)], limit=1
        )
        # (what raised a flag is frozen for clients: the rule writes it)
        flag._workflow_write({"source_ref": f"{other._name},{other.id}"})
        record = flag.with_user(self.agent_a1_user)
        self.assertFalse(record.source_readable)
        self.assertIn("Attendance", record.source_name)

    def test_coaching_done_with_its_activity(self):
        flag = self.Flag.sudo()._raise_flags(
            [
                {
                    "name": "Coaching for Agent A1",
                    "flag_type": "newcomer_coaching",
                    "employee_id": self.agent_a1.id,
                    "date": DAY,
                    "period_start": DAY,
                    "period_end": DAY,
                    "responsible_user_id": self.tl_a1_user.id,
                }
            ],
            activity_summary="Coaching: listen to recordings together",
        )
        self.assertEqual(flag.state, "open")
        activity = flag.activity_ids.with_user(self.tl_a1_user)
        self.assertEqual(activity.user_id, self.tl_a1_user)
        activity.action_feedback(feedback="Listened to five calls together")
        self.assertEqual(flag.state, "confirmed")
        self.assertEqual(flag.decision_note, "Listened to five calls together")
        # a proxy punch is decided, not done: its activity leaves it open
        self.flag.activity_ids.with_user(self.tl_a1_user).action_feedback()
        self.assertEqual(self.flag.state, "open")


@tagged("post_install", "-at_install")
class TestExpectedViews(TelesalesSalesCase):
    def test_kanban_and_activity_views_load(self):
        views = [[False, mode] for mode in ("list", "kanban", "form", "activity")]
        views.append([False, "search"])
        for model in ("telesales.rank.review", "telesales.flag"):
            action = self.env.ref(
                "telesales_hr.action_telesales_rank_review"
                if model == "telesales.rank.review"
                else "telesales_hr.action_telesales_flag"
            )
            self.assertIn("kanban", action.view_mode)
            self.assertIn("activity", action.view_mode)
            for user in (
                self.tl_a1_user,
                self.manager_a_user,
                self.hr_user,
                self.auditor,
            ):
                result = self.env[model].with_user(user).get_views(views)
                self.assertEqual(
                    set(result["views"]),
                    {"list", "kanban", "form", "activity", "search"},
                )
                self.assertIn("<kanban", result["views"]["kanban"]["arch"])
                self.env[model].with_user(user).web_search_read(
                    [], {"name": {}, "state": {}, "activity_ids": {}}
                )
        self.env["telesales.flag.decide"].with_user(self.tl_a1_user).get_views(
            [[False, "form"]]
        )

    def test_rank_found_by_code(self):
        Rank = self.Rank.with_user(self.manager_a_user)
        self.assertEqual(self.s1.display_name[:4], "[S1]")
        found = [rank_id for rank_id, _name in Rank.name_search("S1")]
        self.assertIn(self.s1.id, found)
        self.assertIn(self.s1, Rank.search([("display_name", "ilike", "s1")]))
        arch = Rank.get_views([[False, "search"]])["views"]["search"]["arch"]
        self.assertIn("code", arch)

    def test_year_is_not_formatted(self):
        arch = self.Review.get_views([[False, "form"]])["views"]["form"]["arch"]
        self.assertRegex(
            arch,
            r'name="year"[^>]*enable_formatting&quot;: false|'
            r"name=\"year\"[^>]*'enable_formatting': false",
        )

    def test_dial_cap_shown_once_and_kept_in_step(self):
        from odoo.tests import Form

        admin = self.env.ref("base.user_admin")
        admin.groups_id |= self.env.ref("telesales_hr.group_telesales_hr")
        Settings = self.env["res.config.settings"].with_user(admin)
        arch = Settings.get_views([[False, "form"]])["views"]["form"]["arch"]
        self.assertEqual(arch.count('name="telesales_daily_dial_cap"'), 1)
        self.assertNotIn("telesales_max_dials", arch)
        settings = Form(Settings)
        settings.telesales_daily_dial_cap = 150
        settings.save().execute()
        # the one setting is the cap of the calls and of the compliance day
        day_cap = self.env["telesales.daily.compliance"]._company_params(self.company)
        self.assertEqual(
            (self.company.telesales_daily_dial_cap, day_cap["max_dials"]),
            (150, 150),
        )
