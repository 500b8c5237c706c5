# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SIHF, PayrollCase


@tagged("post_install", "-at_install")
class TestPaidOnce(PayrollCase):
    def sources(self):
        self.make_compliance(self.agent_a2, date(2025, 4, 8), 40.0)
        self.make_milestone(self.agent_a2, date(2025, 4, 10), 100.0)
        return self.fake_sources(
            premium={self.agent_a2: 10000.0},
            quality={self.agent_a2: 4},
        )

    @staticmethod
    def snapshot(slip):
        return (
            sorted(
                slip.telesales_source_ids.mapped(
                    lambda r: (
                        r.rule_code,
                        r.res_model,
                        r.res_id,
                        r.date_from,
                        r.amount,
                        r.amount_carried,
                    )
                )
            ),
            sorted((line.code, line.total) for line in slip.line_ids),
        )

    @contextmanager
    def no_compute_on_confirm(self, slips):
        """OCA's setting (a system parameter) that confirms payslips as they
        were computed: a stale sheet reaches the paid-once checks. A client's
        ``without_compute_sheet`` key no longer does (the sheet is computed)."""
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("payroll.prevent_compute_on_confirm", True)
        slips.invalidate_recordset(["prevent_compute_on_confirm"])
        try:
            yield
        finally:
            Param.set_param("payroll.prevent_compute_on_confirm", False)
            slips.invalidate_recordset(["prevent_compute_on_confirm"])

    def test_recompute_is_idempotent(self):
        with self.sources():
            slip = self.payslip(self.agent_a2)
            slip.compute_sheet()
            first = self.snapshot(slip)
            slip.compute_sheet()
            slip.action_payslip_draft()
            slip.compute_sheet()
        self.assertEqual(self.snapshot(slip), first)
        self.assertEqual(
            len(first[0]), 5
        )  # base, commission, referral, attendance, quality
        self.assertEqual(dict(first[1])["NET"], 1780 + 350 + 100 - 40 - 20 - SIHF)
        self.assertEqual(set(slip.telesales_source_ids.mapped("state")), {"draft"})

    def test_double_payment_refused(self):
        """Two payslips for the same month: the first one done pays; the
        second, confirmed without computing again, is refused; computed
        again, it leaves out what is paid."""
        with self.sources():
            first = self.payslip(self.agent_a2)
            second = self.payslip(self.agent_a2)
            (first | second).compute_sheet()
            self.assertEqual(self.lines(second)["NET"], self.lines(first)["NET"])
            first.action_payslip_done()
            self.assertEqual(set(first.telesales_source_ids.mapped("state")), {"paid"})
            with (
                self.no_compute_on_confirm(second),
                self.assertRaisesText(UserError, "already paid by payslip"),
            ):
                second.action_payslip_done()
            self.assertEqual(second.state, "verify")
            second.action_payslip_done()
        self.assertEqual(second.state, "done")
        self.assertFalse(second.telesales_source_ids)
        # nothing telesales left; the month's SI and HF are still deducted
        self.assertEqual(self.lines(second)["NET"], -SIHF)

    def test_two_payslips_confirmed_together_refused(self):
        with self.sources():
            slips = self.payslip(self.agent_a2) | self.payslip(self.agent_a2)
            slips.compute_sheet()
            with (
                self.no_compute_on_confirm(slips),
                self.assertRaisesText(UserError, "already paid by payslip"),
            ):
                slips.action_payslip_done()

    def test_overlapping_period_pays_only_the_open_days(self):
        """A payslip for 16 April - 15 May after April is paid pays May's
        half only."""
        with self.sources():
            self.payslip(self.agent_a2).action_payslip_done()
            overlap = self.payslip(
                self.agent_a2, (date(2025, 4, 16), date(2025, 5, 15))
            )
            overlap.compute_sheet()
        base = overlap.telesales_source_ids.filtered(lambda r: r.rule_code == "TS_BASE")
        self.assertEqual(
            (base.date_from, base.date_to), (date(2025, 5, 1), date(2025, 5, 15))
        )
        self.assertAlmostEqual(
            base.amount, round(1780 * 11 / 22, 2)
        )  # 1-15 May: 11 of 22 days
        self.assertNotIn("TS_REF", self.lines(overlap))
        self.assertNotIn("TS_ATT_DED", self.lines(overlap))

    def test_cancel_releases_and_recompute_pays_again(self):
        with self.sources():
            first = self.payslip(self.agent_a2)
            first.action_payslip_done()
            paid_net = self.lines(first)["NET"]
            first.action_payslip_cancel()
            self.assertEqual(first.state, "cancel")
            self.assertEqual(
                set(first.telesales_source_ids.mapped("state")), {"released"}
            )
            second = self.payslip(self.agent_a2)
            second.action_payslip_done()
        self.assertEqual(self.lines(second)["NET"], paid_net)
        with self.assertRaisesText(UserError, "is done"):
            second.compute_sheet()
        with self.assertRaises(UserError):
            second.telesales_source_ids.unlink()

    def test_refund_releases_the_sources(self):
        with self.sources():
            first = self.payslip(self.agent_a2)
            first.action_payslip_done()
            first.refund_sheet()
            refund = first.refunded_id
            self.assertTrue(refund.credit_note)
            self.assertEqual(
                set(first.telesales_source_ids.mapped("state")), {"released"}
            )
            corrected = self.payslip(self.agent_a2)
            corrected.action_payslip_done()
            self.assertEqual(self.lines(corrected)["NET"], self.lines(first)["NET"])
            # the refund cannot be cancelled while the corrected payslip pays
            with self.assertRaisesText(UserError, "already paid by payslip"):
                refund.action_payslip_cancel()
            corrected.action_payslip_cancel()
            refund.action_payslip_cancel()
        self.assertEqual(set(first.telesales_source_ids.mapped("state")), {"paid"})
