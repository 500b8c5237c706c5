# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Adversarial review of issue 11: what a client can still send (Odoo's own
context keys, user defaults, the liability's fields) is refused for every
real user, and the database stays as it was."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import QualityCase

FORCE_UNLINK = {"_force_unlink": True}  # Odoo's uninstall flag


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")
class TestAdversarialGuard(QualityCase):
    # ------------------------------------------------ Odoo's uninstall flag
    def test_uninstall_flag_does_not_delete_an_applied_case(self):
        case = self.apply(self.make_case(self.agent_a1, self.public))
        with self.assertRaises(UserError), self.cr.savepoint():
            case.with_user(self.hr_user).with_context(**FORCE_UNLINK).unlink()
        self.assertTrue(case.exists())
        self.assertEqual(case.state, "applied")

    # ------------------------------------------ defaults sent by the client
    def test_context_default_state_does_not_create_an_applied_case(self):
        Case = self.Case.with_user(self.inspector)
        vals = {
            "employee_id": self.agent_a1.id,
            "level_id": self.public.id,
            "facts": "x",
        }
        points = Case.create(dict(vals)).points
        for context in (
            {"default_state": "applied", "default_period": "2025-03-01"},
            {"default_points": 50, "default_date_applied": "2025-03-01"},
        ):
            with self.subTest(context=context):
                case = Case.with_context(**context).create(dict(vals))
                # the keys of a workflow field are dropped: a draft case
                self.assertEqual(case.state, "draft")
                self.assertFalse(case.period)
                self.assertFalse(case.date_applied)
                self.assertEqual(case.points, points)
        # given as a value, refused as before
        with self.assertRaises(UserError), self.cr.savepoint():
            Case.create({**vals, "state": "applied"})

    def test_user_default_of_the_state_is_refused(self):
        # any internal user may set their own defaults (ir.default)
        self.env["ir.default"].with_user(self.inspector).set(
            "telesales.discipline", "state", "applied", user_id=True
        )
        count = self.Case.search_count([])
        with self.assertRaises(UserError), self.cr.savepoint():
            self.Case.with_user(self.inspector).create(
                {
                    "employee_id": self.agent_a1.id,
                    "level_id": self.public.id,
                    "facts": "x",
                }
            )
        self.assertEqual(self.Case.search_count([]), count)

    # ------------------------------------------------------- the liability
    def _liability(self):
        self.d1.management_allowance = 2000  # tl_a1
        self.apply(self.make_case(self.agent_a1, self.warning, "general"))
        Liability = self.env["telesales.liability"]
        return Liability._compute_month(date(2025, 3, 1))

    def test_liability_frozen_for_hr(self):
        liabilities = self._liability()
        self.assertTrue(liabilities, "the case charges a supervisor")
        liability = liabilities[0].with_user(self.hr_user)
        # the money fields (telesales_payroll) are checked in its
        # tests/test_liability_value.py
        before = liability.read(["state", "points"])
        for vals in (
            {"state": "cancelled"},
            {"state": "confirmed"},
            {"supervisor_id": self.agent_a2.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                with self.cr.savepoint():
                    liability.write(vals)
        with self.assertRaises(UserError), self.cr.savepoint():
            liability.line_ids[:1].write({"points": 0.0})
        with self.assertRaises(UserError), self.cr.savepoint():
            liability.write({"line_ids": [(2, liability.line_ids[:1].id)]})
        liability.invalidate_recordset()
        self.assertEqual(liability.read(["state", "points"]), before)
        # the buttons, by HR
        liability.action_confirm()
        self.assertEqual(liability.state, "confirmed")
        with self.assertRaises(UserError), self.cr.savepoint():
            liability.unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            liability.with_context(**FORCE_UNLINK).unlink()
        with self.assertRaises(UserError), self.cr.savepoint():
            liability.action_cancel(" ")
        liability.action_cancel("Wrong team.")
        self.assertEqual(liability.state, "cancelled")

    def test_liability_buttons_are_hr_only(self):
        liability = self._liability()[:1]
        for user in (
            self.inspector,
            self.tl_a1_user,
            self.auditor,
            self.manager_a_user,
        ):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                with self.cr.savepoint():
                    liability.with_user(user).action_confirm()
        self.assertEqual(liability.state, "draft")

    # ------------------------------------- who is inspected, who is charged
    def test_inspection_is_of_the_call_agent(self):
        inspection = self.inspect(publish=False)
        self.assertEqual(inspection.employee_id, self.agent_a1)
        with self.assertRaises(UserError), self.cr.savepoint():
            inspection.with_user(self.inspector).write(
                {"employee_id": self.agent_a2.id}
            )
        call = self.make_call(self.agent_a1, datetime(2025, 3, 4, 10))
        with self.assertRaises(UserError), self.cr.savepoint():
            self.Inspection.with_user(self.inspector).create(
                {"call_id": call.id, "employee_id": self.agent_a2.id}
            )
        self.assertEqual(inspection.employee_id, self.agent_a1)

    def test_liability_supervisors_are_never_chosen_by_hand(self):
        case = self.make_case(self.agent_a1, self.public)
        self.assertEqual(case.direct_supervisor_id, self.tl_a1)
        for user in (self.inspector, self.hr_user):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                with self.cr.savepoint():
                    case.with_user(user).write({"direct_supervisor_id": self.tl_b1.id})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.Case.with_user(self.inspector).create(
                {
                    "employee_id": self.agent_a1.id,
                    "level_id": self.public.id,
                    "facts": "x",
                    "indirect_supervisor_id": self.tl_b1.id,
                }
            )
        self.assertEqual(case.direct_supervisor_id, self.tl_a1)

    # ------------------------------------------- nobody decides about self
    def test_approver_never_decides_a_case_about_themselves(self):
        hr2 = new_test_user(
            self.env, login="ts_hr2", groups="telesales_hr.group_telesales_hr"
        )
        subject = self.env["hr.employee"].create(
            {
                "name": "HR Subject",
                "user_id": self.hr_user.id,
                "department_id": self.team_a1.id,
                "company_id": self.company.id,
            }
        )
        case = self.make_case(subject, self.public)
        case.with_user(self.inspector).action_submit()
        self.assertEqual(case.approval_path, "hr")
        for decide in (
            lambda c: c.action_approve(),
            lambda c: c.action_reject("Not me."),
        ):
            with self.assertRaises(AccessError), self.cr.savepoint():
                decide(case.with_user(self.hr_user))
        self.assertEqual(case.state, "to_approve")
        case.with_user(hr2).action_approve()
        self.assertEqual(case.state, "approved")

    def test_committee_member_never_votes_on_a_case_about_themselves(self):
        member3 = new_test_user(
            self.env,
            login="ts_member3",
            groups="telesales_quality.group_quality_committee",
        )
        self.company.telesales_committee_user_ids = [(4, member3.id)]
        subject = self.env["hr.employee"].create(
            {
                "name": "Member Subject",
                "user_id": self.member1.id,
                "department_id": self.team_a1.id,
                "company_id": self.company.id,
            }
        )
        case = self.make_case(subject, self.demerit, "serious")
        case.with_user(self.inspector).action_submit()
        self.assertEqual(case.approval_path, "committee")
        self.assertNotIn(self.member1, case.approval_ids.user_id)
        with self.assertRaises(AccessError), self.cr.savepoint():
            case.with_user(self.member1).action_reject("Not me.")
        case.with_user(self.member2).action_approve()
        case.with_user(member3).action_approve()
        self.assertEqual(case.state, "approved")
