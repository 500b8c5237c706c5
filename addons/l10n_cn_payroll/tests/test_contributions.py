# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import YEAR, CnPayrollCase


@tagged("post_install", "-at_install")
class TestContributions(CnPayrollCase):
    def test_base_clamped_at_floor(self):
        employee = self.make_employee("Low Base", wage=2800.0, base=2000.0)
        slip = self.done(employee, 3)
        self.assertEqual(slip.l10n_cn_declared_base, 2000.0)
        self.assertEqual(slip.l10n_cn_si_base, 3000.0)
        self.assertEqual(slip.l10n_cn_hf_base, 2500.0)
        self.assertEqual(self.line(slip, "CN_PEN_EE"), -240.0)
        self.assertEqual(self.line(slip, "CN_MED_EE"), -60.0)
        self.assertEqual(self.line(slip, "CN_HF_EE"), -125.0)
        self.assertEqual(self.line(slip, "CN_HF_ER"), 125.0)
        # zero-rate unemployment leaves no employee line
        self.assertFalse(
            slip.line_ids.filtered(lambda line: line.code == "CN_UNEMP_EE")
        )
        self.assertEqual(self.line(slip, "CN_UNEMP_ER"), 15.0)

    def test_base_clamped_at_ceiling(self):
        employee = self.make_employee("High Base", wage=50000.0)
        slip = self.done(employee, 3)
        self.assertEqual(slip.l10n_cn_si_base, 30000.0)
        self.assertEqual(slip.l10n_cn_hf_base, 28000.0)
        self.assertEqual(slip.l10n_cn_employee_contributions, 2400 + 600 + 1400.0)
        self.assertEqual(
            slip.l10n_cn_employer_contributions, 4800 + 2700 + 150 + 60 + 1400.0
        )
        # employer shares are a company cost, outside the net
        self.assertEqual(
            self.line(slip, "NET"),
            50000.0 - 4400.0 + self.line(slip, "CN_IIT"),
        )
        self.assertEqual(self.line(slip, "CN_COST"), 50000.0 + 9110.0)

    def test_base_row_and_rates_change_by_date(self):
        employee = self.make_employee("July Change")
        employee.l10n_cn_base_ids.date_to = date(YEAR, 6, 30)
        self.env["l10n_cn.contribution.base"].create(
            {
                "employee_id": employee.id,
                "date_from": date(YEAR, 7, 1),
                "si_base": 12000.0,
                "hf_rate": 7.0,
            }
        )
        self.param.date_to = date(YEAR, 6, 30)
        new_param = self.param.copy(
            {"date_from": date(YEAR, 7, 1), "date_to": False, "pension_employee": 8.5}
        )
        june = self.done(employee, 6)
        july = self.done(employee, 7)
        self.assertEqual(june.l10n_cn_parameter_id, self.param)
        self.assertEqual(july.l10n_cn_parameter_id, new_param)
        self.assertEqual(self.line(july, "CN_PEN_EE"), -1020.0)
        self.assertEqual(self.line(july, "CN_HF_EE"), -840.0)
        self.assertEqual(self.line(july, "CN_HF_ER"), 840.0)

    def test_overlapping_parameters_refused(self):
        with self.assertRaises(ValidationError):
            self.param.copy({"date_from": date(YEAR, 3, 1)})

    def test_hf_rate_outside_range_refused(self):
        employee = self.make_employee("HF 15")
        employee.l10n_cn_base_ids.hf_rate = 15.0
        with self.assertRaises(UserError):
            self.payslip(employee, 1)

    def test_city_required(self):
        employee = self.make_employee("No City")
        employee.l10n_cn_city_id = False
        with self.assertRaises(UserError):
            self.payslip(employee, 1)

    def test_rounding_rule_of_the_city(self):
        self.param.rounding = "yuan"
        employee = self.make_employee("Odd Base", wage=10333.0)
        slip = self.done(employee, 1)
        # 10,333 × 8 % = 826.64 → 827; × 2 % = 206.66 → 207; × 5 % = 516.65 → 517
        self.assertEqual(self.line(slip, "CN_PEN_EE"), -827.0)
        self.assertEqual(self.line(slip, "CN_MED_EE"), -207.0)
        self.assertEqual(self.line(slip, "CN_HF_EE"), -517.0)

    def test_work_injury_by_risk_class(self):
        employee = self.make_employee("Class 2")
        employee.l10n_cn_injury_class = "2"
        slip = self.done(employee, 1)
        self.assertEqual(self.line(slip, "CN_INJ_ER"), 40.0)

    def test_minimum_wage_floor(self):
        employee = self.make_employee("Floor")
        slip = self.payslip(employee, 1)
        floor = slip.l10n_cn_minimum_wage_floor()
        self.assertEqual(floor["minimum_wage"], 2500.0)
        self.assertEqual(floor["contributions"], 1500.0)
        self.assertEqual(floor["floor"], 4000.0)
        self.assertEqual(floor["cap_percent"], 20.0)
        self.assertEqual(floor["city"], self.city)
        self.min_wage.excludes_contributions = False
        slip.compute_sheet()
        self.assertEqual(slip.l10n_cn_minimum_wage_floor()["floor"], 2500.0)

    def test_shipped_cities(self):
        for code in ("SH", "BJ", "SZ", "GZ"):
            city = self.env["l10n_cn.city"].search([("code", "=", code)])
            param = city.parameter_at(date(2025, 8, 1))
            self.assertTrue(param.source, code)
            self.assertTrue(param.si_base_min < param.si_base_max, code)
            self.assertEqual(len(param.injury_rate_ids), 8, code)
            self.assertTrue(city.minimum_wage_at(date(2025, 8, 1)).amount, code)
        shanghai = self.env.ref("l10n_cn_payroll.city_shanghai")
        self.assertTrue(
            shanghai.minimum_wage_at(date(2025, 8, 1)).excludes_contributions
        )
        shenzhen = self.env.ref("l10n_cn_payroll.city_shenzhen")
        self.assertFalse(
            shenzhen.minimum_wage_at(date(2025, 8, 1)).excludes_contributions
        )
