# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import YEAR, CnPayrollCase


@tagged("post_install", "-at_install")
class TestSpecialDeductions(CnPayrollCase):
    def test_dated_special_deductions(self):
        employee = self.make_employee("Parent", wage=20000.0)
        Deduction = self.env["l10n_cn.special.deduction"]
        Deduction.create(
            [
                {
                    "employee_id": employee.id,
                    "deduction_type": "child_education",
                    "amount": 2000.0,
                    "date_from": date(YEAR, 3, 10),
                },
                {
                    "employee_id": employee.id,
                    "deduction_type": "housing_rent",
                    "amount": 1500.0,
                    "date_from": date(YEAR - 1, 1, 1),
                    "date_to": date(YEAR, 2, 28),
                },
                {
                    "employee_id": employee.id,
                    "deduction_type": "continuing_education",
                    "frequency": "once",
                    "amount": 3600.0,
                    "date_from": date(YEAR, 5, 20),
                },
            ]
        )
        slips = self.run_year(employee, months=range(1, 7))
        june = slips[-1]
        self.assertEqual(june.l10n_cn_cum_child_education, 8000.0)  # Mar–Jun
        self.assertEqual(june.l10n_cn_cum_housing_rent, 3000.0)  # Jan–Feb
        self.assertEqual(june.l10n_cn_cum_continuing_education, 3600.0)
        self.assertEqual(june.l10n_cn_cum_special, 14600.0)
        self.assertEqual(len(june.l10n_cn_special_deduction_ids), 3)
        # 120,000 − 30,000 − 18,000 − 14,600 = 57,400 → 10 %: 5,740 − 2,520
        self.assertEqual(june.l10n_cn_cum_taxable, 57400.0)
        self.assertEqual(june.l10n_cn_cum_tax, 3220.0)
        self.assertAlmostEqual(
            sum(-self.line(slip, "CN_IIT") for slip in slips), 3220.0, places=2
        )

    def test_late_declaration_catches_up(self):
        """A deduction declared in April from January counts all four months
        in April (补扣), without touching the done payslips."""
        employee = self.make_employee("Late", wage=15000.0)
        slips = self.run_year(employee, months=range(1, 4))
        self.assertEqual([-self.line(s, "CN_IIT") for s in slips], [232.5] * 3)
        self.env["l10n_cn.special.deduction"].create(
            {
                "employee_id": employee.id,
                "deduction_type": "elderly_support",
                "amount": 3000.0,
                "date_from": date(YEAR, 1, 1),
            }
        )
        april = self.done(employee, 4)
        self.assertEqual(april.l10n_cn_cum_elderly_support, 12000.0)
        # (15,000 − 5,000 − 2,250 − 3,000) × 4 × 3 % = 570 < 697.50 withheld
        self.assertEqual(april.l10n_cn_cum_tax, 570.0)
        self.assertEqual(self.line(april, "CN_IIT"), 0.0)

    def test_opening_balance_special_deductions(self):
        employee = self.make_employee("Opening Special")
        self.env["l10n_cn.iit.opening"].create(
            {
                "employee_id": employee.id,
                "year": YEAR,
                "month_to": 3,
                "income": 30000.0,
                "pension": 2400.0,
                "medical": 600.0,
                "housing_fund": 1500.0,
                "mortgage_interest": 3000.0,
                "tax_withheld": 225.0,
            }
        )
        self.env["l10n_cn.special.deduction"].create(
            {
                "employee_id": employee.id,
                "deduction_type": "mortgage_interest",
                "amount": 1000.0,
                "date_from": date(YEAR - 2, 1, 1),
            }
        )
        april = self.done(employee, 4)
        # the opening balance holds January–March; the row counts from April
        self.assertEqual(april.l10n_cn_cum_mortgage_interest, 4000.0)
        self.assertEqual(april.l10n_cn_opening_id.month_to, 3)
        # (10,000 − 5,000 − 1,500 − 1,000) × 4 × 3 % = 300 − 225
        self.assertEqual(-self.line(april, "CN_IIT"), 75.0)
