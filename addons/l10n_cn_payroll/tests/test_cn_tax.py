# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from decimal import Decimal

from odoo.tests import TransactionCase, tagged

from odoo.addons.l10n_cn_payroll.models import cn_tax


@tagged("post_install", "-at_install")
class TestCnTax(TransactionCase):
    """The plain calculation functions, on the shipped tax tables."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cumulative = cls.env.ref(
            "l10n_cn_payroll.iit_table_cumulative_2019"
        ).brackets()
        cls.monthly = cls.env.ref("l10n_cn_payroll.iit_table_bonus_2019").brackets()

    def withhold_year(self, monthly_income, monthly_social, special=0):
        taxes, withheld = [], Decimal(0)
        for month in range(1, 13):
            result = cn_tax.cumulative_withholding(
                monthly_income * month,
                5000 * month,
                monthly_social * month,
                special * month,
                withheld,
                self.cumulative,
            )
            taxes.append(result["tax"])
            withheld += result["tax"]
        return taxes

    def test_worked_example(self):
        taxes = self.withhold_year(10000, 1500)
        self.assertEqual(taxes[:10], [Decimal("105.00")] * 10)
        self.assertEqual(taxes[10], Decimal("280.00"))
        self.assertEqual(taxes[11], Decimal("350.00"))
        self.assertEqual(sum(taxes), Decimal("1680.00"))

    def test_table_bounds(self):
        # an upper bound belongs to its bracket: "up to 36,000"
        self.assertEqual(
            cn_tax.tax_on_table(36000, self.cumulative)[0], Decimal("1080.00")
        )
        self.assertEqual(
            cn_tax.tax_on_table(36001, self.cumulative)[0], Decimal("1080.10")
        )
        self.assertEqual(
            cn_tax.tax_on_table(1000000, self.cumulative)[0], Decimal("268080.00")
        )
        self.assertEqual(cn_tax.tax_on_table(-10, self.cumulative)[0], Decimal("0.00"))

    def test_annual_bonus(self):
        self.assertEqual(
            cn_tax.annual_bonus_tax(36000, self.monthly)[0], Decimal("1080.00")
        )
        self.assertEqual(
            cn_tax.annual_bonus_tax(36001, self.monthly)[0], Decimal("3390.10")
        )
        self.assertEqual(
            cn_tax.annual_bonus_tax(144000, self.monthly)[0], Decimal("14190.00")
        )
        self.assertEqual(cn_tax.annual_bonus_tax(0, self.monthly)[0], Decimal("0.00"))

    def test_no_refund(self):
        result = cn_tax.cumulative_withholding(
            20000, 15000, 3000, 0, Decimal("100.00"), self.cumulative
        )
        self.assertEqual(result["taxable"], Decimal("2000.00"))
        self.assertEqual(result["cumulative_tax"], Decimal("60.00"))
        self.assertEqual(result["tax"], Decimal("0.00"))

    def test_clamp_base(self):
        self.assertEqual(cn_tax.clamp_base(2000, 7460, 37302), Decimal("7460"))
        self.assertEqual(cn_tax.clamp_base(50000, 7460, 37302), Decimal("37302"))
        self.assertEqual(cn_tax.clamp_base(12345.67, 7460, 37302), Decimal("12345.67"))
        self.assertEqual(cn_tax.clamp_base(50000, 7460, 0), Decimal("50000"))

    def test_rounding_rules(self):
        self.assertEqual(cn_tax.round_contribution(Decimal("12.345")), Decimal("12.35"))
        self.assertEqual(
            cn_tax.round_contribution(Decimal("12.345"), "cent_down"), Decimal("12.34")
        )
        self.assertEqual(
            cn_tax.round_contribution(Decimal("12.35"), "jiao"), Decimal("12.40")
        )
        self.assertEqual(
            cn_tax.round_contribution(Decimal("12.5"), "yuan"), Decimal("13.00")
        )
        self.assertEqual(
            cn_tax.round_contribution(Decimal("12.01"), "yuan_up"), Decimal("13.00")
        )
        # 7,460 × 0.5 % = 37.30; Beijing's medical 2 % + 3 yuan
        self.assertEqual(cn_tax.contribution(7460, 0.5), Decimal("37.30"))
        self.assertEqual(cn_tax.contribution(7162, 2, fixed=3), Decimal("146.24"))

    def test_months_employed(self):
        self.assertEqual(cn_tax.months_employed(2025, 7, date(2020, 1, 1)), 7)
        self.assertEqual(cn_tax.months_employed(2025, 7, date(2025, 4, 15)), 4)
        self.assertEqual(
            cn_tax.months_employed(2025, 7, date(2025, 4, 15), first_job_of_year=True),
            7,
        )
        self.assertEqual(cn_tax.months_employed(2025, 3, date(2025, 4, 1)), 0)

    def test_months_covered(self):
        self.assertEqual(
            cn_tax.months_covered(2025, 1, 12, date(2025, 3, 20), date(2025, 8, 2)), 6
        )
        self.assertEqual(cn_tax.months_covered(2025, 4, 6, date(2024, 1, 1), None), 3)
        self.assertEqual(
            cn_tax.months_covered(2025, 1, 12, date(2024, 1, 1), date(2024, 12, 31)), 0
        )
