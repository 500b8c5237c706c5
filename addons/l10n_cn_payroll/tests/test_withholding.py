# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import YEAR, CnPayrollCase


@tagged("post_install", "-at_install")
class TestWithholding(CnPayrollCase):
    """Cumulative withholding on real payslips over a whole year."""

    def test_worked_example(self):
        employee = self.make_employee("Worked Example")
        slips = self.run_year(employee)
        self.assertEqual(
            [slip.l10n_cn_employee_contributions for slip in slips], [1500.0] * 12
        )
        taxes = [-self.line(slip, "CN_IIT") for slip in slips]
        self.assertEqual(taxes, [105.0] * 10 + [280.0, 350.0])
        last = slips[-1]
        self.assertEqual(last.l10n_cn_cum_income, 120000.0)
        self.assertEqual(last.l10n_cn_cum_basic, 60000.0)
        self.assertEqual(last.l10n_cn_cum_social, 18000.0)
        self.assertEqual(last.l10n_cn_cum_taxable, 42000.0)
        self.assertEqual(last.l10n_cn_cum_tax, 1680.0)
        self.assertEqual(last.l10n_cn_withheld_before, 1330.0)
        self.assertEqual(last.l10n_cn_iit_rate, 10.0)
        self.assertEqual(last.l10n_cn_iit_quick, 2520.0)
        # NET = gross − employee SI/HF − tax; employer shares not deducted
        self.assertEqual(self.line(last, "NET"), 10000.0 - 1500.0 - 350.0)
        self.assertEqual(self.line(last, "CN_PEN_ER"), 1600.0)
        self.assertEqual(self.line(last, "CN_INJ_ER"), 20.0)
        # the figures trace to their parameter rows
        self.assertEqual(last.l10n_cn_parameter_id, self.param)
        self.assertEqual(
            last.l10n_cn_iit_table_id,
            self.env.ref("l10n_cn_payroll.iit_table_cumulative_2019"),
        )

    def test_negative_month_refunds_nothing(self):
        employee = self.make_employee("Unpaid Leave", wage=20000.0)
        contract = employee.contract_ids
        slips = self.run_year(employee, months=range(1, 4))
        # 20,000 − 5,000 − 3,000 = 12,000 taxable a month at 3 %
        self.assertEqual([-self.line(s, "CN_IIT") for s in slips], [360.0] * 3)
        # a month of unpaid leave (事假), base unchanged: no minimum wage is due
        self.unpaid_leave(employee, date(YEAR, 4, 1), date(YEAR, 4, 30))
        contract.wage = 3000.0
        april = self.done(employee, 4)
        # cumulative taxable 36,000 + 3,000 − 5,000 − 3,000 = 31,000: tax 930
        # < 1,080 withheld: nothing is refunded
        self.assertEqual(april.l10n_cn_cum_taxable, 31000.0)
        self.assertEqual(april.l10n_cn_cum_tax, 930.0)
        self.assertEqual(self.line(april, "CN_IIT"), 0.0)
        contract.wage = 20000.0
        may = self.done(employee, 5)
        # 43,000 × 10 % − 2,520 = 1,780 − 1,080 withheld
        self.assertEqual(may.l10n_cn_cum_taxable, 43000.0)
        self.assertEqual(-self.line(may, "CN_IIT"), 700.0)

    def test_bracket_change(self):
        employee = self.make_employee("High Earner", wage=30000.0)
        slips = self.run_year(employee)
        # contributions 8 % + 2 % of 30,000 (the ceiling) + 5 % of 28,000 HF
        self.assertEqual(slips[0].l10n_cn_employee_contributions, 4400.0)
        # 20,600 taxable a month: bracket 10 % from month 2, 20 % from month 7
        taxes = [-self.line(s, "CN_IIT") for s in slips]
        self.assertEqual(taxes[0], 618.0)
        self.assertEqual(taxes[1], 41200 * 0.10 - 2520 - 618.0)
        self.assertEqual(slips[6].l10n_cn_iit_rate, 20.0)
        self.assertEqual(slips[6].l10n_cn_cum_taxable, 144200.0)
        self.assertAlmostEqual(sum(taxes), 247200 * 0.20 - 16920, places=2)

    def test_mid_year_hire(self):
        employee = self.make_employee("New Hire", start=date(YEAR, 4, 15))
        slips = self.run_year(employee, months=range(4, 13))
        self.assertEqual(slips[0].l10n_cn_months, 1)
        self.assertEqual(slips[0].l10n_cn_cum_basic, 5000.0)
        self.assertEqual(slips[-1].l10n_cn_months, 9)
        # same as the worked example, starting in April
        taxes = [-self.line(s, "CN_IIT") for s in slips]
        self.assertEqual(taxes, [105.0] * 9)

    def test_first_job_of_year(self):
        """2020年第13号: the basic deduction counts from January."""
        employee = self.make_employee("Graduate", start=date(YEAR, 7, 1))
        self.env["l10n_cn.tax.year"].create(
            {"employee_id": employee.id, "year": YEAR, "first_job_of_year": True}
        )
        july = self.done(employee, 7)
        self.assertEqual(july.l10n_cn_months, 7)
        self.assertEqual(july.l10n_cn_cum_basic, 35000.0)
        self.assertEqual(self.line(july, "CN_IIT"), 0.0)

    def test_previous_year_low_income(self):
        """2020年第19号: 60,000 deducted from January."""
        employee = self.make_employee("Low Earner", wage=8000.0)
        self.env["l10n_cn.tax.year"].create(
            {"employee_id": employee.id, "year": YEAR, "previous_year_low_income": True}
        )
        slips = self.run_year(employee, months=range(1, 11))
        self.assertEqual(slips[0].l10n_cn_cum_basic, 60000.0)
        # (8,000 − 1,200) × 9 = 61,200 > 60,000: tax starts in September
        taxes = [-self.line(s, "CN_IIT") for s in slips]
        self.assertEqual(taxes[:8], [0.0] * 8)
        self.assertEqual(taxes[8], 36.0)
        self.assertEqual(taxes[9], 204.0)

    def test_mid_year_go_live_with_opening_balance(self):
        """Odoo pays from July; January–June come from the old system."""
        employee = self.make_employee("Go Live")
        self.env["l10n_cn.iit.opening"].create(
            {
                "employee_id": employee.id,
                "year": YEAR,
                "month_to": 6,
                "income": 60000.0,
                "pension": 4800.0,
                "medical": 1200.0,
                "housing_fund": 3000.0,
                "tax_withheld": 630.0,
            }
        )
        slips = self.run_year(employee, months=range(7, 13))
        self.assertEqual(slips[0].l10n_cn_months, 7)
        self.assertEqual(slips[0].l10n_cn_cum_income, 70000.0)
        self.assertEqual(slips[0].l10n_cn_withheld_before, 630.0)
        taxes = [-self.line(s, "CN_IIT") for s in slips]
        self.assertEqual(taxes, [105.0] * 4 + [280.0, 350.0])

    def test_refund_counts_negative(self):
        employee = self.make_employee("Refunded")
        january = self.done(employee, 1)
        january.refund_sheet()
        redo = self.done(employee, 1)
        # the refund cancels the first January: the redo withholds 105 again
        self.assertEqual(redo.l10n_cn_withheld_before, 0.0)
        self.assertEqual(-self.line(redo, "CN_IIT"), 105.0)
        february = self.done(employee, 2)
        self.assertEqual(february.l10n_cn_withheld_before, 105.0)
        self.assertEqual(february.l10n_cn_cum_income, 20000.0)

    def test_annual_bonus_separate(self):
        employee = self.make_employee("Bonus")
        self.done(employee, 1)
        february = self.done(employee, 2, bonus=36000.0)
        self.assertEqual(self.line(february, "CN_IIT_BONUS"), -1080.0)
        self.assertEqual(-self.line(february, "CN_IIT"), 105.0)
        self.assertEqual(february.l10n_cn_income, 10000.0)
        self.assertEqual(self.line(february, "NET"), 46000.0 - 1500.0 - 105.0 - 1080.0)
        other = self.make_employee("Bonus 2")
        march = self.done(other, 3, bonus=36001.0)
        self.assertEqual(self.line(march, "CN_IIT_BONUS"), -3390.10)
        # only one separate bonus a year: a second one is wage income
        april = self.done(other, 4, bonus=1000.0)
        self.assertEqual(self.line(april, "CN_IIT_BONUS"), 0.0)
        self.assertEqual(april.l10n_cn_income, 11000.0)

    def test_annual_bonus_joined(self):
        employee = self.make_employee("Bonus Joined")
        self.env["l10n_cn.tax.year"].create(
            {"employee_id": employee.id, "year": YEAR, "bonus_separate": False}
        )
        january = self.done(employee, 1, bonus=36000.0)
        self.assertEqual(self.line(january, "CN_IIT_BONUS"), 0.0)
        # (46,000 − 5,000 − 1,500) × 10 % − 2,520
        self.assertEqual(-self.line(january, "CN_IIT"), 1430.0)

    def test_bonus_policy_ends_2027(self):
        employee = self.make_employee("Bonus 2028")
        slip = self.done(employee, 1, year=2028, bonus=36000.0)
        self.assertFalse(slip.l10n_cn_bonus_table_id)
        self.assertEqual(self.line(slip, "CN_IIT_BONUS"), 0.0)
        self.assertEqual(slip.l10n_cn_income, 46000.0)
