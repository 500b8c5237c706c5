# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Whoever proposes a case never decides it, and an appeal always reaches
someone other than the one it is against (issue 15, workflow gaps); every
step as the real user of its group."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import QualityCase

_HR = "telesales_hr.group_telesales_hr"


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")
class TestDisciplineProposer(QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_user2 = new_test_user(cls.env, login="ts_hr2", groups=_HR)
        # a QA inspector who also sits on the committee
        cls.qa_member = new_test_user(
            cls.env,
            login="ts_qa_member",
            groups="telesales_quality.group_qa_inspector,"
            "telesales_quality.group_quality_committee",
        )

    def hr_case(self, proposer):
        return (
            self.Case.with_user(proposer)
            .create(
                {
                    "employee_id": self.agent_a1.id,
                    "level_id": self.public.id,
                    "facts": "Called a customer on the do-not-call list.",
                }
            )
            .with_env(self.env)
        )

    def only_hr(self, *users):
        """The company's HR officers are ``users`` and nobody else."""
        group = self.env.ref(_HR)
        group.users = [(6, 0, [u.id for u in users])]

    def test_hr_proposer_never_approves_her_case(self):
        case = self.hr_case(self.hr_user)
        self.assertEqual(case.proposer_id, self.hr_user)
        case.with_user(self.hr_user).action_submit()
        self.assertEqual(case.state, "to_approve")
        self.assertNotIn(self.hr_user, case.activity_ids.user_id)
        self.assertIn(self.hr_user2, case.activity_ids.user_id)
        self.assertFalse(case.with_user(self.hr_user).can_decide)
        with self.assertRaisesRegex(AccessError, "cannot also approve"):
            case.with_user(self.hr_user).action_approve()
        with self.assertRaisesRegex(AccessError, "cannot also approve"):
            case.with_user(self.hr_user).action_reject("Changed my mind.")
        self.assertEqual(case.state, "to_approve")
        self.assertTrue(case.with_user(self.hr_user2).can_decide)
        case.with_user(self.hr_user2).action_approve()
        self.assertEqual(case.state, "approved")
        self.assertEqual(case.approval_ids.decided_by_id, self.hr_user2)

    def test_no_other_hr_officer_refuses_the_submission(self):
        self.only_hr(self.hr_user)
        case = self.hr_case(self.hr_user)
        with self.assertRaisesRegex(UserError, "HR officer role"):
            case.with_user(self.hr_user).action_submit()
        self.assertEqual(case.state, "draft")
        self.assertFalse(case.approval_ids)
        # QA's case still goes to that HR officer
        other = self.make_case(self.agent_a1, self.public)
        other.with_user(self.inspector).action_submit()
        other.with_user(self.hr_user).action_approve()
        self.assertEqual(other.state, "approved")

    def test_committee_member_never_votes_on_their_case(self):
        self.company.telesales_committee_user_ids = [(4, self.qa_member.id)]
        case = self.Case.with_user(self.qa_member).create(
            {
                "employee_id": self.agent_a1.id,
                "level_id": self.warning.id,
                "severity": "serious",
                "facts": "Abused a customer.",
            }
        )
        case.action_submit()
        case = case.with_env(self.env)
        self.assertEqual(case.approval_ids.user_id, self.member1 | self.member2)
        self.assertEqual(case.activity_ids.user_id, self.member1 | self.member2)
        with self.assertRaises(AccessError):
            case.with_user(self.qa_member).action_approve()
        case.with_user(self.member1).action_approve()
        case.with_user(self.member2).action_approve()
        self.assertEqual(case.state, "approved")
        # the appeal goes to the committee but its proposer
        case.with_user(self.agent_a1_user).action_appeal("It was my first time.")
        self.assertEqual(case.activity_ids.user_id, self.member1 | self.member2)
        with self.assertRaisesRegex(AccessError, "cannot also decide its appeal"):
            case.with_user(self.qa_member).action_propose_appeal_decision(
                "upheld", "The facts stand."
            )
        case.with_user(self.member1).action_propose_appeal_decision(
            "upheld", "The facts stand."
        )
        self.assertEqual(
            case.approval_ids.filtered(lambda a: a.stage == "appeal").user_id,
            self.member1 | self.member2,
        )
        case.with_user(self.member2).action_approve()
        self.assertEqual(case.state, "approved")

    def test_committee_of_the_proposer_only_refuses_the_submission(self):
        self.company.telesales_committee_user_ids = [(6, 0, self.qa_member.ids)]
        case = self.Case.with_user(self.qa_member).create(
            {
                "employee_id": self.agent_a1.id,
                "level_id": self.warning.id,
                "severity": "serious",
                "facts": "Abused a customer.",
            }
        )
        with self.assertRaisesRegex(UserError, "Add another member"):
            case.action_submit()
        self.assertEqual(case.with_env(self.env).state, "draft")

    def test_inspection_appeal_reaches_hr_when_the_committee_is_its_inspector(self):
        self.company.telesales_committee_user_ids = [(6, 0, self.inspector.ids)]
        self.only_hr(self.hr_user)
        with freeze_time("2025-03-03 09:00:00"):
            inspection = self.inspect(failed=self.item_verify)
            inspection.with_user(self.agent_a1_user).action_appeal("I had consent.")
        self.assertEqual(inspection.state, "appealed")
        self.assertEqual(inspection.activity_ids.user_id, self.hr_user)
        with self.assertRaises(AccessError):
            inspection.with_user(self.inspector).action_review("upheld", "Mine.")
        inspection.with_user(self.hr_user).action_review("upheld", "Heard it.")
        self.assertEqual(inspection.state, "reviewed")
        self.assertEqual(inspection.reviewer_id, self.hr_user)

    def test_inspection_appeal_to_nobody_is_refused(self):
        self.company.telesales_committee_user_ids = [(6, 0, self.inspector.ids)]
        self.only_hr()
        with freeze_time("2025-03-03 09:00:00"):
            inspection = self.inspect(
                failed=self.item_verify, start=datetime(2025, 3, 3, 10)
            )
            with self.assertRaisesRegex(UserError, "quality committee"):
                inspection.with_user(self.agent_a1_user).action_appeal("Consent.")
        self.assertEqual(inspection.state, "published")
        self.assertFalse(inspection.appeal_reason)
