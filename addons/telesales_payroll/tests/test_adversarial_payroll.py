# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Adversarial review of issue 11 (payroll): what a payroll officer can
still send to pay an amount that is not the computed one, or to reverse a
payment twice."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PayrollCase


@tagged("post_install", "-at_install")
class TestAdversarialPayroll(PayrollCase):
    def computed_slip(self):
        self.make_compliance(self.agent_a2, date(2025, 4, 8), 40.0)
        slip = self.payslip(self.agent_a2, user=self.hr_user)
        slip.compute_sheet()
        return slip

    def test_confirm_with_the_context_key_still_computes(self):
        """OCA's ``without_compute_sheet`` key (meant for its refunds) sent by
        a client does not confirm a sheet edited by hand: confirming
        computes it again."""
        slip = self.computed_slip()
        computed = self.lines(slip)
        line = slip.line_ids.filtered(lambda ln: ln.code == "TS_ATT_DED")
        self.assertTrue(line)
        line.write({"amount": 0.0})
        slip.with_context(without_compute_sheet=True).action_payslip_done()
        self.assertEqual(slip.state, "done")
        self.assertEqual(self.lines(slip), computed)

    def test_a_payslip_is_refunded_once(self):
        slip = self.computed_slip()
        slip.action_payslip_done()
        slip.refund_sheet()
        refund = slip.refunded_id
        self.assertTrue(refund.credit_note)
        refunds = self.Payslip.search_count([("credit_note", "=", True)])
        with self.assertRaisesText(UserError, "refunded"), self.cr.savepoint():
            slip.refund_sheet()
        # nor is a refund refunded
        with self.assertRaises(UserError), self.cr.savepoint():
            refund.refund_sheet()
        self.assertEqual(
            self.Payslip.search_count([("credit_note", "=", True)]), refunds
        )
        self.assertEqual(slip.refunded_id, refund)
        # once the refund is cancelled, the payslip may be refunded again
        refund.action_payslip_cancel()
        slip.refund_sheet()
        self.assertNotEqual(slip.refunded_id, refund)
