# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..models.telesales_payroll_tools import (
    cap_deductions,
    cap_liability,
    liability_cap,
    month_pieces,
    prorate,
    subtract,
)
from .common import APRIL, MAY, SIHF, PayrollCase


@tagged("post_install", "-at_install")
class TestCapEngine(BaseCase):
    """The cap on plain numbers: any list of deductions, in order."""

    def test_cap_is_a_share_of_the_wage(self):
        items = [{"amount_due": 200.0}, {"amount_due": 300.0}, {"amount_due": 150.0}]
        deducted = cap_deductions(1780.0, items, 20.0, 1000.0)
        self.assertEqual(deducted, 356.0)
        self.assertEqual([item["applied"] for item in items], [200.0, 156.0, 0.0])
        self.assertEqual([item["carried"] for item in items], [0.0, 144.0, 150.0])

    def test_minimum_wage_floor(self):
        items = [{"amount_due": 500.0}]
        self.assertEqual(cap_deductions(2500.0, items, 20.0, 2360.0), 140.0)
        self.assertEqual(items[0]["carried"], 360.0)
        items = [{"amount_due": 500.0}]
        self.assertEqual(cap_deductions(1500.0, items, 20.0, 2360.0), 0.0)
        self.assertEqual(items[0]["carried"], 500.0)

    def test_liability_cap_rule(self):
        """The one rule the liability and the payslip cap with."""
        self.assertEqual(liability_cap(1500.0, 20.0), 300.0)
        self.assertEqual(cap_liability([360.0], 300.0), [300.0])
        self.assertEqual(cap_liability([200.0, 150.0], 300.0, 0.01), [200.0, 100.0])
        self.assertEqual(cap_liability([0.125], 1.0, 0.01), [0.13])

    def test_prorate_by_working_days(self):
        # 10 of 20 working days in April, 21 of 21 in May
        self.assertEqual(prorate(3000.0, [(10, 20), (21, 21)]), (4500.0, 31, 21))
        self.assertEqual(prorate(3000.0, [(3, 0)]), (0.0, 3, 0))
        self.assertEqual(prorate(3000.0, []), (0.0, 0, 0))

    def test_date_helpers(self):
        self.assertEqual(
            subtract(
                date(2025, 4, 1),
                date(2025, 4, 30),
                [(date(2025, 4, 10), date(2025, 4, 19))],
            ),
            [
                (date(2025, 4, 1), date(2025, 4, 9)),
                (date(2025, 4, 20), date(2025, 4, 30)),
            ],
        )
        self.assertEqual(
            subtract(
                date(2025, 4, 1),
                date(2025, 4, 30),
                [(date(2025, 3, 1), date(2025, 5, 1))],
            ),
            [],
        )
        self.assertEqual(
            month_pieces(date(2025, 4, 20), date(2025, 5, 3)),
            [
                (date(2025, 4, 20), date(2025, 4, 30), date(2025, 4, 1)),
                (date(2025, 5, 1), date(2025, 5, 3), date(2025, 5, 1)),
            ],
        )


@tagged("post_install", "-at_install")
class TestCarryOver(PayrollCase):
    """agent_a2 (S2, 1,780 a month): the cap is 356 a month."""

    def setUp(self):
        super().setUp()
        self.make_compliance(self.agent_a2, date(2025, 4, 2), 200.0)
        self.make_compliance(self.agent_a2, date(2025, 4, 9), 300.0)
        self.make_compliance(self.agent_a2, date(2025, 5, 6), 100.0)

    def april(self):
        with self.fake_sources(quality={self.agent_a2: 30}):
            slip = self.payslip(self.agent_a2, APRIL)
            slip.action_payslip_done()
        return slip

    def may(self):
        slip = self.payslip(self.agent_a2, MAY)
        slip.action_payslip_done()
        return slip

    def test_cap_and_floor_carried_over_two_months(self):
        april = self.april()
        lines = self.lines(april)
        self.assertEqual(april.state, "done")
        self.assertEqual(lines["TS_ATT_DED"], -356.0)
        self.assertNotIn("TS_QA_DED", lines)  # nothing left under the cap
        self.assertEqual(lines["NET"], 1780.0 - 356.0 - SIHF)
        self.assertEqual(lines["TS_CARRY_NEXT"], 144.0 + 150.0)
        carry = self.Carry.search([("employee_id", "=", self.agent_a2.id)])
        self.assertEqual(
            (carry.amount, carry.state, carry.origin_payslip_id), (294.0, "open", april)
        )
        self.assertEqual(april.telesales_carryover_ids, carry)
        # May: the minimum wage (1,600, of the contribution city) leaves only
        # 180 to deduct, spent on April's carry first; the rest and May's
        # deduction are carried again.
        self.cn_min_wage.amount = 1600.0
        may = self.may()
        lines = self.lines(may)
        self.assertEqual(lines["TS_CARRY"], -180.0)
        self.assertNotIn("TS_ATT_DED", lines)
        self.assertEqual(lines["NET"], 1600.0 - SIHF)
        self.assertEqual(lines["TS_CARRY_NEXT"], 114.0 + 100.0)
        self.assertEqual((carry.state, carry.consumed_payslip_id), ("consumed", may))
        new_carry = may.telesales_carryover_ids
        self.assertEqual((new_carry.amount, new_carry.state), (214.0, "open"))
        carried_row = may.telesales_source_ids.filtered(
            lambda r: r.rule_code == "TS_CARRY"
        )
        self.assertEqual(carried_row.source_ref, carry)

    def test_cancel_releases_the_carry_in_order(self):
        april = self.april()
        may = self.may()
        carry = april.telesales_carryover_ids
        with self.assertRaisesText(UserError, "Cancel or refund"):
            april.action_payslip_cancel()
        self.assertEqual(april.state, "done")
        may.action_payslip_cancel()
        self.assertEqual(may.state, "cancel")
        self.assertEqual(may.telesales_carryover_ids.state, "cancelled")
        self.assertEqual((carry.state, carry.consumed_payslip_id.id), ("open", False))
        self.assertEqual(set(may.telesales_source_ids.mapped("state")), {"released"})
        april.action_payslip_cancel()
        self.assertEqual(carry.state, "cancelled")
        # a new May payslip has no carry to deduct any more
        again = self.may()
        self.assertNotIn("TS_CARRY", self.lines(again))
        self.assertEqual(self.lines(again)["TS_ATT_DED"], -100.0)
        with self.assertRaises(UserError):
            carry.unlink()
        with self.assertRaises(UserError):
            april.unlink()  # cancelled, but the origin of a carried amount

    def test_settings_defaults(self):
        """Deduction cap 20 % and a minimum wage are company settings."""
        company = self.env["res.company"].create({"name": "Other centre"})
        self.assertEqual(company.telesales_deduction_cap, 20.0)
        self.assertEqual(company.telesales_min_monthly_wage, 2740.0)
        settings = self.env["res.config.settings"].create(
            {"telesales_deduction_cap": 15.0}
        )
        settings.execute()
        self.assertEqual(self.env.company.telesales_deduction_cap, 15.0)
