# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Nothing approved, scored or applied is skipped, rewritten or deleted by a
client, whatever it sends (issue 11): each attempt as the real user of the
group, and the database stays as it was."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import QualityCase

MARCH = (date(2025, 3, 1), date(2025, 3, 31))
REFUSED = UserError  # AccessError is a UserError


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")
class TestQualityWorkflowGuard(QualityCase):
    def quality_points(self, employee):
        return self.Case._quality_points(employee, *MARCH).get(employee.id, 0)

    # ------------------------------------------------------------ cases
    def test_inspector_cannot_write_a_draft_case_applied(self):
        case = self.make_case(self.agent_a1, self.public)
        with self.assertRaises(UserError):
            case.with_user(self.inspector).write(
                {"state": "applied", "period": date(2025, 3, 1)}
            )
        with self.assertRaises(UserError):
            case.with_user(self.inspector).write({"period": date(2025, 3, 1)})
        self.assertEqual(case.state, "draft")
        self.assertFalse(case.period)
        self.assertEqual(self.quality_points(self.agent_a1), 0)

    def test_hr_cannot_approve_over_pending_votes(self):
        case = self.make_case(self.agent_a1, self.demerit, "serious")
        case.with_user(self.inspector).action_submit()
        case.with_user(self.member1).action_approve()
        with self.assertRaises(UserError):
            case.with_user(self.hr_user).write({"state": "approved"})
        with self.assertRaises(UserError):
            case.sudo().write({"state": "approved"})
        self.assertEqual(case.state, "to_approve")
        pending = case.approval_ids.filtered(lambda a: a.decision == "pending")
        self.assertEqual(pending.user_id, self.member2)
        # HR is no committee member: the action refuses it as well
        with self.assertRaises(AccessError):
            case.with_user(self.hr_user).action_approve()
        self.assertEqual(case.state, "to_approve")

    def test_applied_case_frozen_even_with_the_old_context_key(self):
        case = self.apply(self.make_case(self.agent_a1, self.public))
        hr_case = case.with_user(self.hr_user).with_context(
            telesales_discipline_workflow=True
        )
        for vals in (
            {"level_id": self.dismissal.id},
            {"facts": "Rewritten"},
            {"direct_supervisor_id": self.tl_b1.id},
            {"state": "draft"},
            {"points": 0},
        ):
            with self.assertRaises(UserError):
                hr_case.write(vals)
        self.assertEqual(case.level_id, self.public)
        self.assertEqual(case.state, "applied")
        self.assertEqual(case.direct_supervisor_id, self.tl_a1)
        self.assertEqual(self.quality_points(self.agent_a1), 20)
        with self.assertRaises(UserError):
            case.sudo().unlink()
        self.assertTrue(case.exists())

    def test_votes_written_only_by_the_actions(self):
        case = self.make_case(self.agent_a1, self.demerit, "serious")
        case.with_user(self.inspector).action_submit()
        line = case.approval_ids.filtered(lambda a: a.user_id == self.member1)
        for user in (self.member1, self.hr_user):
            with self.assertRaises(REFUSED):
                line.with_user(user).write({"decision": "approved"})
        with self.assertRaises(UserError):
            line.sudo().write({"decision": "approved", "decided_by_id": self.uid})
        with self.assertRaises(UserError):
            line.sudo().unlink()
        with self.assertRaises(UserError):
            self.env["telesales.discipline.approval"].create(
                {"discipline_id": case.id, "user_id": self.member1.id}
            )
        self.assertEqual(line.decision, "pending")
        self.assertEqual(len(case.approval_ids), 2)
        case.with_user(self.member1).action_approve()
        case.with_user(self.member2).action_approve()
        self.assertEqual(case.state, "approved")
        with self.assertRaises(UserError):
            case.approval_ids.sudo().unlink()

    def test_auditor_cannot_submit(self):
        case = self.make_case(self.agent_a1, self.public)
        with self.assertRaises(AccessError):
            case.with_user(self.auditor).action_submit()
        # nor an agent, a team leader or a committee member: QA proposes
        for user in (self.agent_a1_user, self.tl_a1_user, self.member1):
            with self.assertRaises(REFUSED):
                case.with_user(user).action_submit()
        self.assertEqual(case.state, "draft")
        self.assertFalse(case.sudo().approval_ids)

    # ------------------------------------------------------------ inspections
    def test_published_inspection_score_and_pass_line_frozen(self):
        inspection = self.inspect(failed=self.item_verify)
        self.assertEqual((inspection.score, inspection.pass_score), (90, 80))
        as_inspector = inspection.with_user(self.inspector)
        for vals in ({"score": 100}, {"pass_score": 50}, {"passed": False}):
            with self.assertRaises(UserError):
                as_inspector.write(vals)
        line = as_inspector.line_ids.filtered(lambda r: r.item_id == self.item_verify)
        with self.assertRaises(UserError):
            line.with_context(telesales_qa_review=True).write({"failed": False})
        with self.assertRaises(UserError):
            as_inspector.with_context(telesales_qa_review=True).write(
                {"line_ids": [(1, line.id, {"failed": False})]}
            )
        with self.assertRaises(UserError):
            as_inspector.write({"state": "draft"})
        self.assertEqual((inspection.score, inspection.pass_score), (90, 80))
        self.assertEqual(inspection.state, "published")

    def test_appeal_review_through_its_action_only(self):
        inspection = self.inspect(failed=self.item_verify)
        inspection.with_user(self.agent_a1_user).action_appeal("Consent given")
        # the reviewer corrects the items, nothing else
        with self.assertRaises(UserError):
            inspection.with_user(self.member1).write({"pass_score": 95})
        with self.assertRaises(UserError):
            inspection.with_user(self.member1).write({"state": "reviewed"})
        # the inspector is no reviewer
        with self.assertRaises(AccessError):
            inspection.with_user(self.inspector).action_review("overturned", "x")
        inspection.with_user(self.member1).action_review("overturned", "Heard.")
        self.assertEqual((inspection.state, inspection.score), ("reviewed", 100))
        with self.assertRaises(UserError):
            inspection.line_ids.with_user(self.member1).write({"failed": True})

    # ------------------------------------------------------------ coaching
    def coaching_of(self, employee):
        return (
            self.env["telesales.coaching"]
            .with_user(self.hr_user)
            .create(
                {
                    "employee_id": employee.id,
                    "date_from": date(2025, 3, 12),
                    "date_to": date(2025, 3, 13),
                    "reason": "Script not followed",
                }
            )
            .with_env(self.env)
        )

    def test_forced_coaching_cancelled_with_a_reason_not_by_the_coached(self):
        case = self.apply(self.make_case(self.agent_a1, self.warning))
        coaching = case.coaching_ids
        as_tl = coaching.with_user(self.tl_a1_user)
        with self.assertRaises(UserError):
            as_tl.action_cancel()
        with self.assertRaises(UserError):
            as_tl.action_cancel("  ")
        with self.assertRaises(UserError):
            as_tl.write({"state": "cancelled"})
        with self.assertRaises(UserError):
            as_tl.write({"discipline_id": False})
        self.assertEqual(coaching.state, "planned")
        # a coaching of the team leader themselves
        own = self.coaching_of(self.tl_a1)
        with self.assertRaises(AccessError):
            own.with_user(self.tl_a1_user).action_cancel("Not needed")
        with self.assertRaises(AccessError):
            own.with_user(self.tl_a1_user).action_done()
        self.assertEqual(own.state, "planned")
        # an agent does not close their own coaching either
        with self.assertRaises(REFUSED):
            coaching.with_user(self.agent_a1_user).action_done()
        as_tl.action_cancel("The agent is on sick leave; HR plans a new one.")
        self.assertEqual(coaching.state, "cancelled")
        self.assertIn("sick leave", coaching.cancel_reason)
        with self.assertRaises(UserError):
            as_tl.action_done()
        with self.assertRaises(UserError):
            coaching.sudo().unlink()

    # ------------------------------------------------------------ liability
    def test_liability_of_the_team_on_the_date_of_the_facts(self):
        # the facts: a call in team A1 on 3 March
        call = self.make_call(self.agent_a1, datetime(2025, 3, 3, 10))
        self.assertEqual(call.department_id, self.team_a1)
        # transferred to team B1 before the case is opened on 12 March
        self.agent_a1.department_id = self.team_b1
        case = self.make_case(
            self.agent_a1,
            self.warning,
            date=date(2025, 3, 3),
            source="complaint",
            complaint_ref="CMP-1",
        )
        self.assertEqual(case.department_id, self.team_a1)
        self.assertEqual(case.direct_supervisor_id, self.tl_a1)
        self.assertEqual(case.indirect_supervisor_id, self.manager_a)
        self.apply(case)
        by_sup = {
            rec.supervisor_id: rec
            for rec in self.env["telesales.liability"]._compute_month(date(2025, 3, 1))
        }
        self.assertIn(self.tl_a1, by_sup)
        self.assertNotIn(self.tl_b1, by_sup)
        self.assertAlmostEqual(by_sup[self.tl_a1].points, 24)  # 60 % of 40
        # a case on facts after the transfer is charged to the new team
        later = self.make_case(self.agent_a1, self.public, date=date(2025, 3, 12))
        self.assertEqual(later.direct_supervisor_id, self.tl_b1)
