# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A done payslip pays: nobody takes it back to draft, deletes it, rewrites
it or its sources; cancelling or refunding it is the way back."""

from datetime import date

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import APRIL, PayrollCase


@tagged("post_install", "-at_install")
class TestPayslipWorkflow(PayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.payroll_manager = new_test_user(
            cls.env,
            login="ts_payroll_manager",
            groups="payroll.group_payroll_manager,telesales_hr.group_telesales_hr",
            name="Payroll Manager",
            lang="en_US",
        )
        cls.users = (cls.hr_user, cls.payroll_manager)

    def done_slip(self, employee=None, user=None):
        employee = employee or self.agent_a2
        self.make_compliance(employee, date(2025, 4, 8), 40.0)
        slip = self.payslip(employee, user=user or self.hr_user)
        slip.compute_sheet()
        slip.action_payslip_done()
        self.assertEqual(slip.state, "done")
        return slip.with_env(self.env)

    @staticmethod
    def snapshot(slip):
        slip.invalidate_recordset()
        return (
            slip.state,
            slip.date_from,
            slip.date_to,
            slip.employee_id,
            slip.contract_id,
            slip.struct_id,
            sorted((line.code, line.total) for line in slip.line_ids),
            sorted(
                (row.id, row.rule_code, row.state, row.amount, row.date_from)
                for row in slip.telesales_source_ids
            ),
        )

    def test_done_payslip_never_back_to_draft(self):
        slip = self.done_slip()
        before = self.snapshot(slip)
        for user in self.users:
            with self.assertRaisesText(UserError, "never goes back to draft"):
                slip.with_user(user).action_payslip_draft()
            with self.assertRaisesText(UserError, "changes only through"):
                slip.with_user(user).write({"state": "draft"})
        with self.assertRaisesText(UserError, "never goes back to draft"):
            slip.action_payslip_draft()  # superuser too
        self.assertEqual(self.snapshot(slip), before)

    def test_done_payslip_never_deleted(self):
        slip = self.done_slip()
        before = self.snapshot(slip)
        for user in self.users:
            with self.assertRaisesText(UserError, "never deleted"):
                slip.with_user(user).unlink()
        with self.assertRaisesText(UserError, "never deleted"):
            slip.unlink()
        self.assertEqual(self.snapshot(slip), before)

    def test_paid_sources_never_deleted_by_a_cascade(self):
        """Even below the ORM, the database refuses to delete a payslip whose
        sources are paid (the link is ON DELETE RESTRICT)."""
        slip = self.done_slip()
        self.env.flush_all()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.ForeignKeyViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute("DELETE FROM hr_payslip WHERE id = %s", [slip.id])
        self.assertEqual(set(slip.telesales_source_ids.mapped("state")), {"paid"})
        for user in self.users:
            with self.assertRaises(UserError):  # AccessError included
                slip.telesales_source_ids.with_user(user).unlink()
        with self.assertRaisesText(UserError, "never deleted"):
            slip.telesales_source_ids.sudo().unlink()

    def test_confirm_without_the_workflow_refused(self):
        slip = self.payslip(self.agent_a2, user=self.hr_user)
        slip.compute_sheet()
        for user in self.users:
            with self.assertRaisesText(UserError, "changes only through"):
                slip.with_user(user).write({"state": "done"})
        with self.assertRaisesText(UserError, "changes only through"):
            slip.sudo().write({"state": "done"})
        with self.assertRaisesText(UserError, "created in draft"):
            self.Payslip.with_user(self.hr_user).create(
                {
                    "employee_id": self.agent_a1.id,
                    "contract_id": self.contracts[self.agent_a1].id,
                    "struct_id": self.structure.id,
                    "date_from": APRIL[0],
                    "date_to": APRIL[1],
                    "state": "done",
                }
            )
        self.assertEqual(slip.state, "verify")
        self.assertEqual(set(slip.telesales_source_ids.mapped("state")), {"draft"})

    def test_done_payslip_frozen(self):
        slip = self.done_slip()
        before = self.snapshot(slip)
        other_contract = self.contracts[self.agent_a1]
        other_struct = self.env["hr.payroll.structure"].create(
            {"name": "Other structure", "code": "TS_OTHER"}
        )
        attempts = [
            {"date_from": date(2025, 4, 2)},
            {"date_to": date(2025, 4, 20)},
            {"employee_id": self.agent_a1.id},
            {"contract_id": other_contract.id},
            {"struct_id": other_struct.id},
            {"line_ids": [(1, slip.line_ids[0].id, {"amount": 1.0})]},
            {"line_ids": [(2, slip.line_ids[0].id)]},
            {"name": "rewritten"},
        ]
        for user in (*self.users, self.env.user):
            for vals in attempts:
                with self.assertRaises(UserError, msg=f"{user.login}: {vals}"):
                    slip.with_user(user).write(vals)
        with self.assertRaisesText(UserError, "changes only through"):
            slip.with_user(self.payroll_manager).write(
                {"telesales_source_ids": [(2, slip.telesales_source_ids[0].id)]}
            )
        # the lines, worked days and inputs themselves
        line = slip.line_ids[0]
        for user in (*self.users, self.env.user):
            with self.assertRaisesText(UserError, "can no longer be changed"):
                line.with_user(user).write({"amount": 1.0})
            with self.assertRaisesText(UserError, "can no longer be changed"):
                line.with_user(user).unlink()
        with self.assertRaisesText(UserError, "can no longer be changed"):
            line.copy({"slip_id": slip.id})
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.env["hr.payslip.worked_days"].create(
                {
                    "name": "Extra",
                    "code": "EXTRA",
                    "payslip_id": slip.id,
                    "contract_id": slip.contract_id.id,
                    "number_of_days": 5,
                }
            )
        # display toggles stay free
        slip.with_user(self.hr_user).write({"hide_child_lines": True})
        self.assertEqual(self.snapshot(slip), before)

    def test_sources_and_carryover_frozen_for_every_caller(self):
        slip = self.done_slip()
        row = slip.telesales_source_ids[0]
        for vals in ({"amount": 0.0}, {"state": "released"}, {"date_to": APRIL[0]}):
            with self.assertRaises(UserError):
                row.sudo().write(vals)
        with self.assertRaisesText(UserError, "cannot be created by hand"):
            self.Source.sudo().create(
                {
                    "payslip_id": slip.id,
                    "employee_id": slip.employee_id.id,
                    "rule_code": "TS_BASE",
                    "name": "forged",
                    "amount": 1000.0,
                }
            )
        with self.assertRaisesText(UserError, "cannot be created by hand"):
            self.Carry.sudo().create(
                {
                    "employee_id": slip.employee_id.id,
                    "date": APRIL[1],
                    "amount": 500.0,
                    "origin_payslip_id": slip.id,
                }
            )
        self.assertEqual(row.state, "paid")

    def test_cancel_releases_then_draft_and_delete(self):
        """OCA's cancel is the way back: it releases the sources; the cancelled
        payslip may then go to draft or be deleted, and the month is paid
        again by a new payslip, once."""
        slip = self.done_slip(user=self.payroll_manager)
        net = self.lines(slip)["NET"]
        slip.with_user(self.payroll_manager).action_payslip_cancel()
        self.assertEqual(slip.state, "cancel")
        self.assertEqual(set(slip.telesales_source_ids.mapped("state")), {"released"})
        with self.assertRaisesText(UserError, "can no longer be changed"):
            slip.with_user(self.hr_user).write({"date_from": date(2025, 4, 2)})
        with self.assertRaisesText(UserError, "cannot be computed"):
            slip.with_user(self.hr_user).compute_sheet()
        slip.with_user(self.hr_user).action_payslip_draft()
        self.assertEqual(slip.state, "draft")
        slip.with_user(self.hr_user).unlink()
        self.assertFalse(slip.exists())
        again = self.payslip(self.agent_a2, user=self.hr_user)
        again.action_payslip_done()
        self.assertEqual(self.lines(again)["NET"], net)
        with self.assertRaisesText(UserError, "cannot be confirmed"):
            again.with_user(self.hr_user).action_payslip_done()

    def test_rank_change_inside_the_month_pays_both_ranks(self):
        """The paid-once constraint lets a month split by a rank change pay
        both (touching, not overlapping) ranges."""
        self.set_rank(self.agent_a2, self.s3, date(2025, 4, 16))
        slip = self.done_slip()
        base = slip.telesales_source_ids.filtered(lambda r: r.rule_code == "TS_BASE")
        self.assertEqual(
            base.mapped(lambda r: (r.date_from, r.date_to, r.state)),
            [
                (date(2025, 4, 1), date(2025, 4, 15), "paid"),
                (date(2025, 4, 16), date(2025, 4, 30), "paid"),
            ],
        )

    def test_agent_and_auditor_cannot_move_payslips(self):
        slip = self.payslip(self.agent_a1)
        slip.compute_sheet()
        for user in (self.agent_a1_user, self.auditor):
            for action in (
                "action_payslip_done",
                "action_payslip_cancel",
                "action_payslip_draft",
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} {action}"):
                    getattr(slip.with_user(user), action)()
        self.assertEqual(slip.state, "verify")

    def test_refund_as_payroll_officer_releases(self):
        slip = self.done_slip()
        slip.with_user(self.hr_user).refund_sheet()
        refund = slip.refunded_id
        self.assertEqual((refund.state, refund.credit_note), ("done", True))
        self.assertEqual(set(slip.telesales_source_ids.mapped("state")), {"released"})
        for payslip in (slip, refund):
            with self.assertRaisesText(UserError, "never goes back to draft"):
                payslip.with_user(self.hr_user).action_payslip_draft()
            with self.assertRaisesText(UserError, "never deleted"):
                payslip.with_user(self.payroll_manager).unlink()
        with self.assertRaisesText(UserError, "changes only through"):
            slip.with_user(self.hr_user).write({"refunded_id": False})
        self.assertEqual(slip.refunded_id, refund)
