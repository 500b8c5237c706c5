# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The minimum-wage top-up (最低工资补差) on real payslips of the test city:
minimum wage 2,500, excluding the employee's own SI and HF (15 % of the base:
pension 8 %, medical 2 % of the SI base, housing fund 5 % of the HF base)."""

from datetime import date
from decimal import Decimal

from odoo.tests import tagged

from ..models.cn_tax import minimum_wage_due, minimum_wage_topup
from .common import YEAR, CnPayrollCase


@tagged("post_install", "-at_install")
class TestMinimumWage(CnPayrollCase):
    def test_pure_functions(self):
        self.assertEqual(
            minimum_wage_due(2740, 1, 971.3, excludes=True), Decimal("3711.30")
        )
        self.assertEqual(
            minimum_wage_due(2740, 1, 971.3, excludes=False), Decimal("2740.00")
        )
        self.assertEqual(minimum_wage_due(2500, 0.5238), Decimal("1309.50"))
        self.assertEqual(
            minimum_wage_topup(Decimal("3711.30"), 1680), Decimal("2031.30")
        )
        self.assertEqual(minimum_wage_topup(Decimal("2500"), 2500.01), Decimal("0"))

    def test_low_wage_topped_up_net_of_own_contributions(self):
        """Wage 2,800 on the SI floor 3,000 (pension 240, medical 60) and the HF
        floor 2,500 (125): 425 of own contributions. Pay after them must reach
        2,500, so the wage is topped up by 2,500 + 425 − 2,800 = 125."""
        employee = self.make_employee("Low Wage", wage=2800.0, base=2000.0)
        slip = self.done(employee, 3)
        self.assertEqual(slip.l10n_cn_minimum_wage_share, 1.0)
        self.assertEqual(slip.l10n_cn_minimum_wage_due, 2925.0)
        self.assertEqual(self.line(slip, "CN_MIN_TOPUP"), 125.0)
        self.assertEqual(self.line(slip, "GROSS"), 2925.0)
        self.assertEqual(self.line(slip, "CN_IIT"), 0.0)
        self.assertEqual(self.line(slip, "NET"), 2500.0)
        # the top-up is income: it is in the month's income for the tax
        self.assertEqual(slip.l10n_cn_income, 2925.0)

    def test_city_whose_minimum_wage_includes_contributions(self):
        self.min_wage.excludes_contributions = False
        employee = self.make_employee("Includes", wage=2000.0)
        slip = self.payslip(employee, 3)
        self.assertEqual(slip.l10n_cn_minimum_wage_due, 2500.0)
        self.assertEqual(self.line(slip, "CN_MIN_TOPUP"), 500.0)
        self.assertEqual(self.line(slip, "GROSS"), 2500.0)
        self.assertEqual(self.line(slip, "NET"), 2500.0 - 425.0)

    def test_wage_above_the_minimum_has_no_top_up(self):
        employee = self.make_employee("Above", wage=2925.0, base=2000.0)
        slip = self.payslip(employee, 3)
        self.assertEqual(slip.l10n_cn_minimum_wage_due, 2925.0)
        self.assertFalse(
            slip.line_ids.filtered(lambda line: line.code == "CN_MIN_TOPUP")
        )
        self.assertEqual(self.line(slip, "GROSS"), 2925.0)

    def test_mid_month_hire_earns_the_minimum_of_the_days_employed(self):
        """Hired on Monday 17 March 2025: 11 of March's 21 working days. The
        minimum wage is prorated, the month's own contributions are not."""
        employee = self.make_employee(
            "Hired", wage=1000.0, start=date(YEAR, 3, 17), base=1000.0
        )
        slip = self.payslip(employee, 3)
        self.assertEqual(slip.l10n_cn_minimum_wage_share, round(11 / 21, 4))
        # 2,500 × 0.5238 = 1,309.50, + 425 of own contributions
        self.assertEqual(slip.l10n_cn_minimum_wage_due, 1734.5)
        self.assertEqual(self.line(slip, "CN_MIN_TOPUP"), 734.5)
        self.assertEqual(self.line(slip, "NET"), 1309.5)

    def test_topped_up_once_a_month(self):
        """A second payslip of March counts what the first one paid."""
        employee = self.make_employee("Twice", wage=2800.0, base=2000.0)
        first = self.done(employee, 3)
        self.assertEqual(self.line(first, "CN_MIN_TOPUP"), 125.0)
        second = self.payslip(employee, 3)
        self.assertEqual(self.line(second, "CN_MIN_TOPUP"), 0.0)
        # once the first is refunded, the second tops up again
        first.refund_sheet()
        second.compute_sheet()
        self.assertEqual(self.line(second, "CN_MIN_TOPUP"), 125.0)

    def test_unpaid_leave_lowers_the_minimum_due(self):
        """A week of unpaid leave (Monday 10 to Friday 14 March 2025): 16 of
        21 working days are due the minimum wage."""
        employee = self.make_employee("On Leave", wage=1000.0, base=1000.0)
        self.unpaid_leave(employee, date(YEAR, 3, 10), date(YEAR, 3, 14))
        slip = self.payslip(employee, 3)
        self.assertEqual(slip.l10n_cn_minimum_wage_share, round(16 / 21, 4))
        # 2,500 × 0.7619 = 1,904.75, + 425 of own contributions
        self.assertEqual(slip.l10n_cn_minimum_wage_due, 2329.75)
        self.assertEqual(self.line(slip, "CN_MIN_TOPUP"), 1329.75)

    def test_no_minimum_wage_row_no_top_up(self):
        self.min_wage.date_from = date(YEAR + 5, 1, 1)
        employee = self.make_employee("No Row", wage=1000.0)
        slip = self.payslip(employee, 3)
        self.assertFalse(slip.l10n_cn_minimum_wage_id)
        self.assertEqual(slip.l10n_cn_minimum_wage_due, 0.0)
        self.assertEqual(self.line(slip, "CN_MIN_TOPUP"), 0.0)
