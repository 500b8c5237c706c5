# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestDisciplineApproval(QualityCase):
    def test_case_from_an_inspection(self):
        inspection = self.inspect(failed=self.item_intent | self.item_verify)
        action = inspection.with_user(self.inspector).action_propose_case()
        ctx = action["context"]
        self.assertEqual(ctx["default_employee_id"], self.agent_a1.id)
        self.assertEqual(ctx["default_severity"], "serious")
        self.assertEqual(ctx["default_call_id"], inspection.call_id.id)
        case = self.make_case(
            self.agent_a1,
            self.warning,
            "serious",
            source="inspection",
            inspection_id=inspection.id,
        )
        self.assertEqual(case.call_id, inspection.call_id)
        self.assertEqual(case.department_id, self.team_a1)
        self.assertEqual(case.direct_supervisor_id, self.tl_a1)
        self.assertEqual(case.indirect_supervisor_id, self.manager_a)
        self.assertEqual(case.proposer_id, self.inspector)
        self.assertEqual(case.points, 40)
        self.assertEqual(inspection.discipline_count, 1)

    def test_general_case_approved_by_hr(self):
        case = self.make_case(self.agent_a1, self.public)
        self.assertEqual(case.approval_path, "hr")
        case.with_user(self.inspector).action_submit()
        self.assertEqual(case.state, "to_approve")
        self.assertIn(self.hr_user, case.activity_ids.user_id)
        for outsider in (
            self.member1,
            self.agent_a1_user,
            self.tl_a1_user,
            self.inspector,
        ):
            with self.assertRaises(AccessError):
                case.with_user(outsider).action_approve()
        self.assertTrue(case.with_user(self.hr_user).can_decide)
        case.with_user(self.hr_user).action_approve()
        self.assertEqual(case.state, "approved")
        self.assertTrue(case.date_approved)
        line = case.approval_ids
        self.assertEqual(
            (line.decision, line.decided_by_id), ("approved", self.hr_user)
        )
        # the employee is asked to confirm the facts
        self.assertEqual(case.activity_ids.user_id, self.agent_a1_user)
        case.with_user(self.agent_a1_user).action_confirm_facts()
        self.assertEqual(case.state, "facts_confirmed")
        self.assertEqual(case.facts_confirmation, "employee")

    def test_general_case_rejected_with_reason_then_resubmitted(self):
        case = self.make_case(self.agent_a1, self.verbal)
        case.with_user(self.inspector).action_submit()
        with self.assertRaises(UserError):
            case.with_user(self.hr_user).action_reject("  ")
        case.with_user(self.hr_user).action_reject("The recording is inaudible.")
        self.assertEqual(case.state, "rejected")
        self.assertEqual(case.rejection_reason, "The recording is inaudible.")
        self.assertEqual(case.approval_ids.reason, "The recording is inaudible.")
        self.assertEqual(case.activity_ids.user_id, self.inspector)
        # QA completes the evidence and submits again: a new round
        case.with_user(self.inspector).facts = "Clear recording attached."
        case.with_user(self.inspector).action_submit()
        self.assertEqual(case.state, "to_approve")
        self.assertEqual(sorted(case.approval_ids.mapped("round")), [1, 2])
        case.with_user(self.hr_user).action_approve()
        self.assertEqual(case.state, "approved")

    def test_serious_case_needs_every_committee_member(self):
        case = self.make_case(self.agent_a1, self.warning, "serious")
        self.assertEqual(case.approval_path, "committee")
        case.with_user(self.inspector).action_submit()
        self.assertEqual(case.approval_ids.user_id, self.member1 | self.member2)
        self.assertEqual(case.activity_ids.user_id, self.member1 | self.member2)
        with self.assertRaises(AccessError):
            case.with_user(self.hr_user).action_approve()
        case.with_user(self.member1).action_approve()
        self.assertEqual(
            case.state, "to_approve", "consensus: one member is not enough"
        )
        with self.assertRaises(AccessError):
            case.with_user(self.member1).action_approve()
        case.with_user(self.member2).action_approve()
        self.assertEqual(case.state, "approved")
        self.assertEqual(set(case.approval_ids.mapped("decision")), {"approved"})

    def test_serious_case_rejected_by_one_member(self):
        case = self.make_case(self.agent_a1, self.warning, "major")
        case.with_user(self.inspector).action_submit()
        case.with_user(self.member1).action_approve()
        with self.assertRaises(UserError):
            case.with_user(self.member2).action_reject("")
        case.with_user(self.member2).action_reject("Not proven.")
        self.assertEqual(case.state, "rejected")
        by_user = {line.user_id: line for line in case.approval_ids}
        self.assertEqual(by_user[self.member1].decision, "approved")
        self.assertEqual(by_user[self.member2].decision, "rejected")
        self.assertEqual(by_user[self.member2].reason, "Not proven.")

    def test_heavy_level_goes_to_the_committee(self):
        """记过 and above go to the committee even for a general violation; a
        cover-up always does."""
        self.assertEqual(
            self.make_case(self.agent_a1, self.demerit).approval_path, "committee"
        )
        self.assertEqual(
            self.make_case(self.agent_a1, self.warning).approval_path, "hr"
        )
        cover_up = self.make_case(self.tl_a1, self.verbal, case_type="cover_up")
        self.assertEqual(cover_up.approval_path, "committee")

    def test_committee_must_be_configured(self):
        self.company.telesales_committee_user_ids = False
        case = self.make_case(self.agent_a1, self.warning, "serious")
        with self.assertRaises(UserError):
            case.with_user(self.inspector).action_submit()
        self.assertEqual(case.state, "draft")

    def test_committee_members_get_the_group(self):
        user = self.agent_b1_user
        self.company.telesales_committee_user_ids = [(4, user.id)]
        self.assertTrue(user.has_group("telesales_quality.group_quality_committee"))

    def test_submitted_case_is_locked(self):
        case = self.make_case(self.agent_a1, self.public)
        case.with_user(self.inspector).action_submit()
        with self.assertRaises(UserError):
            case.with_user(self.inspector).level_id = self.verbal
        with self.assertRaises(UserError):
            case.with_user(self.hr_user).facts = "Something else"

    def test_appeal_level_changed_by_consensus(self):
        case = self.approve(self.make_case(self.agent_a1, self.warning, "serious"))
        with self.assertRaises(AccessError):
            case.with_user(self.agent_a1b_user).action_appeal("Not me")
        case.with_user(self.agent_a1_user).action_appeal("It was my first time.")
        self.assertEqual(case.state, "appealed")
        with self.assertRaises(UserError):
            case.with_user(self.agent_a1_user).action_confirm_facts()
        with self.assertRaises(AccessError):
            case.with_user(self.hr_user).action_propose_appeal_decision(
                "changed", "Mild", self.public
            )
        case.with_user(self.member1).action_propose_appeal_decision(
            "changed", "First offence: public criticism.", self.public
        )
        self.assertEqual(case.state, "appealed", "member2 has not voted yet")
        self.assertEqual(case.level_id, self.warning)
        case.with_user(self.member2).action_approve()
        self.assertEqual(case.state, "approved")
        self.assertEqual(case.level_id, self.public)
        self.assertEqual(case.points, 20)
        self.assertEqual(case.appeal_decision, "changed")
        # one appeal only
        with self.assertRaises(UserError):
            case.with_user(self.agent_a1_user).action_appeal("Again")
        case.with_user(self.agent_a1_user).action_confirm_facts()
        self.assertEqual(case.state, "facts_confirmed")

    def test_appeal_proposal_rejected_then_overturned(self):
        case = self.approve(self.make_case(self.agent_a1, self.public))
        case.with_user(self.agent_a1_user).action_appeal("The customer consented.")
        case.with_user(self.member1).action_propose_appeal_decision(
            "upheld", "The facts stand."
        )
        with self.assertRaises(UserError):
            case.with_user(self.member2).action_reject(False)
        case.with_user(self.member2).action_reject("The consent is on the recording.")
        self.assertEqual(case.state, "appealed")
        self.assertFalse(case.appeal_vote_pending)
        self.assertFalse(case.appeal_decision)
        case.with_user(self.member2).action_propose_appeal_decision(
            "overturned", "Consent recorded at 02:13."
        )
        case.with_user(self.member1).action_approve()
        self.assertEqual(case.state, "cancelled")
        self.assertEqual(case.cancel_reason, "Consent recorded at 02:13.")
        self.assertEqual(case.appeal_decision, "overturned")

    def test_only_hr_records_a_refusal_and_applies(self):
        case = self.approve(self.make_case(self.agent_a1, self.verbal))
        with self.assertRaises(AccessError):
            case.with_user(self.inspector).action_record_refusal("Refused")
        with self.assertRaises(UserError):
            case.with_user(self.hr_user).action_apply()
        case.with_user(self.hr_user).action_record_refusal(
            "Refused to sign on 3 March."
        )
        self.assertEqual(case.facts_confirmation, "refused")
        with self.assertRaises(AccessError):
            case.with_user(self.inspector).action_apply()
        case.with_user(self.hr_user).action_apply()
        self.assertEqual(case.state, "applied")

    def test_never_deleted_only_cancelled_with_reason(self):
        draft = self.make_case(self.agent_a1, self.verbal)
        draft.with_user(self.inspector).unlink()
        self.assertFalse(draft.exists())
        case = self.approve(self.make_case(self.agent_a1, self.public))
        with self.assertRaises(UserError):
            case.with_user(self.hr_user).unlink()
        with self.assertRaises(UserError):
            case.with_user(self.hr_user).action_cancel("")
        with self.assertRaises(AccessError):
            case.with_user(self.inspector).action_cancel("Duplicate")
        case.with_user(self.hr_user).action_cancel("Duplicate of another case.")
        self.assertEqual(case.state, "cancelled")
        self.assertEqual(case.cancel_reason, "Duplicate of another case.")
        with self.assertRaises(UserError):
            case.unlink()
        self.assertTrue(case.exists())

    def test_every_step_in_the_chatter(self):
        env = self.env(context=dict(self.env.context, tracking_disable=False))

        def flush_tracking():
            self.env.flush_all()
            self.env.cr.precommit.run()

        # created without tracking by the fixture: start tracking from here
        case = self.make_case(self.agent_a1, self.warning, "serious")
        flush_tracking()
        case = case.with_env(env)
        case.with_user(self.inspector).action_submit()
        flush_tracking()
        case.with_user(self.member1).action_approve()
        case.with_user(self.member2).action_reject("Evidence missing.")
        flush_tracking()
        tracked = case.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")), ["Rejected", "To Approve"]
        )
        bodies = " ".join(case.message_ids.mapped("body"))
        self.assertIn("Approved by", bodies)
        self.assertIn("Evidence missing.", bodies)
