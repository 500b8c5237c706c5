# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestQaInspection(QualityCase):
    def test_score_and_pass_line(self):
        perfect = self.inspect(publish=False)
        self.assertEqual(len(perfect.line_ids), self.form.item_count)
        self.assertEqual(perfect.score, 100)
        self.assertTrue(perfect.passed)
        self.assertFalse(perfect.severity)

        inspection = self.inspect(failed=self.item_verify | self.item_status)
        self.assertEqual(inspection.deduction, 15)
        self.assertEqual(inspection.score, 85)
        self.assertTrue(inspection.passed)
        self.assertEqual(inspection.severity, "general")
        self.assertEqual(inspection.department_id, self.team_a1)

        failed = self.inspect(failed=self.item_verify | self.item_intent)
        self.assertEqual(failed.score, 70)
        self.assertFalse(failed.passed)
        self.assertEqual(failed.severity, "serious")

    def test_pass_line_is_a_setting(self):
        self.company.telesales_qa_pass_score = 90
        inspection = self.inspect(failed=self.item_verify | self.item_status)
        self.assertEqual(inspection.pass_score, 90)
        self.assertEqual(inspection.score, 85)
        self.assertFalse(inspection.passed)

    def test_fatal_item_scores_zero(self):
        inspection = self.inspect(failed=self.item_dnc)
        self.assertTrue(inspection.fatal_failed)
        self.assertEqual(inspection.score, 0)
        self.assertFalse(inspection.passed)
        self.assertEqual(inspection.severity, "major")

    def test_call_inspected_once(self):
        inspection = self.inspect()
        with self.assertRaises(ValidationError):
            self.Inspection.create({"call_id": inspection.call_id.id})

    def test_published_inspection_is_frozen(self):
        inspection = self.inspect(failed=self.item_verify)
        with self.assertRaises(UserError):
            inspection.with_user(self.inspector).line_ids[:1].failed = True
        with self.assertRaises(UserError):
            inspection.unlink()
        draft = self.inspect(publish=False)
        draft.with_user(self.inspector).unlink()
        self.assertFalse(draft.exists())

    @freeze_time("2025-03-03 09:00:00")  # a Monday
    def test_acknowledge_within_deadline(self):
        inspection = self.inspect(failed=self.item_verify)
        self.assertEqual(inspection.state, "published")
        # three working days after the publication day
        self.assertEqual(inspection.appeal_deadline, date(2025, 3, 6))
        activity = inspection.activity_ids
        self.assertEqual(activity.user_id, self.agent_a1_user)
        with self.assertRaises(AccessError):
            inspection.with_user(self.agent_a1b_user).action_acknowledge()
        with self.assertRaises(AccessError):
            inspection.with_user(self.tl_a1_user).action_acknowledge()
        inspection.with_user(self.agent_a1_user).action_acknowledge()
        self.assertEqual(inspection.state, "acknowledged")
        self.assertFalse(inspection.activity_ids)
        with self.assertRaises(UserError):
            inspection.with_user(self.agent_a1_user).action_appeal("Changed my mind")

    def test_deadline_counts_working_days_of_the_schedule(self):
        with freeze_time("2025-03-06 09:00:00"):  # a Thursday
            inspection = self.inspect(failed=self.item_verify)
        # Friday, Monday, Tuesday: the weekend does not count
        self.assertEqual(inspection.appeal_deadline, date(2025, 3, 11))
        self.company.telesales_qa_appeal_days = 1
        with freeze_time("2025-03-07 09:00:00"):  # a Friday
            inspection = self.inspect(failed=self.item_verify)
        self.assertEqual(inspection.appeal_deadline, date(2025, 3, 10))
        # a public holiday of the company's calendar is skipped too
        calendar = self.agent_a1.resource_calendar_id
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": calendar.id,
                "resource_id": False,
                "date_from": datetime(2025, 3, 9, 0, 0),
                "date_to": datetime(2025, 3, 11, 0, 0),
            }
        )
        with freeze_time("2025-03-07 09:00:00"):
            inspection = self.inspect(failed=self.item_verify)
        self.assertEqual(inspection.appeal_deadline, date(2025, 3, 11))

    def test_answer_after_deadline_refused(self):
        with freeze_time("2025-03-03 09:00:00"):
            inspection = self.inspect(failed=self.item_verify)
        with freeze_time("2025-03-07 09:00:00"):
            with self.assertRaises(UserError):
                inspection.with_user(self.agent_a1_user).action_acknowledge()
            with self.assertRaises(UserError):
                inspection.with_user(self.agent_a1_user).action_appeal("Too late")
            self.assertEqual(inspection.state, "published")
            expired = self.Inspection._cron_acknowledge_expired()
        self.assertIn(inspection, expired)
        self.assertEqual(inspection.state, "acknowledged")
        self.assertTrue(inspection.acknowledged_auto)

    @freeze_time("2025-03-03 09:00:00")
    def test_one_appeal_upheld(self):
        inspection = self.inspect(failed=self.item_verify | self.item_intent)
        with self.assertRaises(UserError):
            inspection.with_user(self.agent_a1_user).action_appeal("")
        inspection.with_user(self.agent_a1_user).action_appeal("The customer agreed.")
        self.assertEqual(inspection.state, "appealed")
        self.assertEqual(inspection.score_before_review, 70)
        self.assertEqual(inspection.activity_ids.user_id, self.member1 | self.member2)
        with self.assertRaises(UserError):
            inspection.with_user(self.agent_a1_user).action_appeal("Again")
        # the inspector never reviews their own inspection, nor does the agent
        # (the inspector is chosen before publication, frozen afterwards)
        own = self.inspect(
            failed=self.item_verify,
            start=datetime(2025, 3, 3, 11),
            publish=False,
        )
        own.inspector_id = self.member1
        own.with_user(self.inspector).action_publish()
        own.with_user(self.agent_a1_user).action_appeal("The customer agreed.")
        with self.assertRaises(AccessError):
            own.with_user(self.member1).action_review("upheld", "No")
        with self.assertRaises(AccessError):
            inspection.with_user(self.agent_a1_user).action_review("upheld", "No")
        inspection.with_user(self.member2).action_review("upheld", "Heard it twice.")
        self.assertEqual(inspection.state, "reviewed")
        self.assertEqual(inspection.review_decision, "upheld")
        self.assertEqual(inspection.score, 70)
        self.assertEqual(inspection.reviewer_id, self.member2)

    @freeze_time("2025-03-03 09:00:00")
    def test_appeal_overturned_and_adjusted(self):
        overturned = self.inspect(failed=self.item_dnc)
        overturned.with_user(self.agent_a1_user).action_appeal("Number was not listed")
        overturned.with_user(self.hr_user).action_review("overturned", "Listed later.")
        self.assertEqual(overturned.score, 100)
        self.assertTrue(overturned.passed)
        self.assertEqual(overturned.score_before_review, 0)

        adjusted = self.inspect(failed=self.item_verify | self.item_intent)
        adjusted.with_user(self.agent_a1_user).action_appeal("I asked for consent")
        # only a reviewer corrects the items while the appeal is open
        with self.assertRaises(UserError):
            adjusted.with_user(self.inspector).line_ids.filtered(
                lambda rec: rec.item_id == self.item_intent
            ).failed = False
        adjusted.with_user(self.member1).line_ids.filtered(
            lambda rec: rec.item_id == self.item_intent
        ).failed = False
        adjusted.with_user(self.member1).action_review("adjusted", "Consent heard.")
        self.assertEqual(adjusted.review_decision, "adjusted")
        self.assertEqual(adjusted.score, 90)
        self.assertEqual(adjusted.score_before_review, 70)
        self.assertTrue(adjusted.passed)
