# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The premium endpoint refuses to change a month a done payslip paid."""

from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.telesales_hr.tests.premium_api_common import PremiumApiMixin

from .common import MAY, PayrollCase


@tagged("post_install", "-at_install")
class TestPremiumPushPaid(PremiumApiMixin, PayrollCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sales_system()

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def test_paid_month_locked(self):
        """April is paid for agent a2: its April premium no longer changes
        (no cancellation, no refund dated in April, no new April sale); a
        refund dated in May is the way to take it back."""
        response = self.push(
            [
                self.line("PAID-1", agent="a2", day="2025-04-03", amount=30000),
                self.line("PAID-2", agent="a2", day="2025-04-09", amount=8000),
            ],
            key=self.key,
        )
        self.assertEqual(response.status_code, 200, response.text)
        april = self.payslip(self.agent_a2, user=self.hr_user)
        april.compute_sheet()
        april.action_payslip_done()
        self.assertAlmostEqual(self.lines(april)["TS_COMM"], 38000 * 0.035)
        label = april.number or april.name
        before = self.snapshot()
        for line, field in (
            (self.line("PAID-1", agent="a2", day="2025-04-03", amount=30000,
                       state="cancelled"), "state"),
            (self.line("PAID-2", agent="a2", day="2025-04-09", amount=8000,
                       state="refunded", refund_date="2025-04-25"), "state"),
            (self.line("PAID-3", agent="a2", day="2025-04-15", amount=500), "date"),
            (self.line("PAID-4", agent="a2", day="2025-03-20", amount=500,
                       state="refunded", refund_date="2025-04-02"), "refund_date"),
        ):  # fmt: skip
            with self.subTest(line=line["external_id"]):
                response = self.push([line], key=self.key)
                self.assert_refused(response, 1, field, status=409, text=label)
                self.assertIn("locked", response.json()["rows"][0]["error"])
        self.assertEqual(self.snapshot(), before)
        # what leaves April alone is accepted: a refund dated in May, a
        # cancelled line recorded for the ledger, May's sales, other agents
        response = self.push(
            [
                self.line("PAID-1", agent="a2", day="2025-04-03", amount=30000,
                          state="refunded", refund_date="2025-05-06"),
                self.line("PAID-5", agent="a2", day="2025-04-15", amount=500,
                          state="cancelled"),
                self.line("PAID-6", agent="a2", day="2025-05-02", amount=7000),
                self.line("PAID-7", agent="a1", day="2025-04-15", amount=900),
            ],
            key=self.key,
        )  # fmt: skip
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            response.json(),
            {"received": 4, "created": 3, "updated": 1, "unchanged": 0},
        )
        may = self.payslip(self.agent_a2, MAY, user=self.hr_user)
        may.compute_sheet()
        self.assertAlmostEqual(self.lines(may)["TS_COMM"], (7000 - 30000) * 0.035)
        # a cancelled payslip unlocks its month
        april.action_payslip_cancel()
        response = self.push(
            [
                self.line("PAID-2", agent="a2", day="2025-04-09", amount=8000,
                          state="cancelled"),
            ],
            key=self.key,
        )  # fmt: skip
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.premium_lines("PAID-2").state, "cancelled")
        self.assertEqual(self.premium_lines("PAID-1").refund_date, date(2025, 5, 6))
