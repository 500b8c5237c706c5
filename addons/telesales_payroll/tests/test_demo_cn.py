# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo centre pays through l10n_cn_payroll: last month's batch computes,
for each agent, social insurance, housing fund, income tax and a NET = gross
− employee SI/HF − income tax − telesales deductions, every figure traced to
its parameter rows (Shanghai)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, tagged

EMPLOYEE_LINES = {
    "CN_PEN_EE": ("pension_ee", "pension_employee"),
    "CN_MED_EE": ("medical_ee", "medical_employee"),
    "CN_UNEMP_EE": ("unemployment_ee", "unemployment_employee"),
}
TS_DEDUCTIONS = ("TS_CARRY", "TS_ATT_DED", "TS_QA_DED", "TS_LIAB_DED")


def cent(value):
    return float(Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP))


@tagged("post_install", "-at_install")
class TestPayrollDemoChina(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.env.ref("telesales_payroll.structure_telesales")
        cls.shanghai = cls.env.ref("l10n_cn_payroll.city_shanghai")
        # the demo is built relative to the day it was installed
        cls.first = date.today().replace(day=1) - relativedelta(months=1)
        cls.batch = cls.env["hr.payslip.run"].search(
            [("struct_id", "=", cls.structure.id), ("date_start", "=", cls.first)]
        )
        cls.slips = cls.batch.slip_ids

    @staticmethod
    def lines(slip):
        return {line.code: line.total for line in slip.line_ids}

    def test_structure_is_a_child_of_china_statutory(self):
        self.assertEqual(
            self.structure.parent_id,
            self.env.ref("l10n_cn_payroll.structure_cn_statutory"),
        )
        rules = self.structure.get_structure_with_parents().get_all_rules()
        self.assertEqual([rule.sequence for rule in rules if rule.code == "NET"], [300])

    def test_each_agent_pays_si_hf_and_tax_traced_to_parameters(self):
        self.assertTrue(self.slips)
        for slip in self.slips:
            lines = self.lines(slip)
            param = self.shanghai.parameter_at(slip.date_from)
            base_row = self.env["l10n_cn.contribution.base"].valid_at(
                slip.employee_id, slip.date_from
            )
            self.assertEqual(slip.employee_id.l10n_cn_city_id, self.shanghai)
            self.assertEqual(slip.l10n_cn_parameter_id, param)
            self.assertEqual(slip.l10n_cn_base_id, base_row)
            self.assertEqual(
                slip.l10n_cn_si_base,
                min(max(base_row.si_base, param.si_base_min), param.si_base_max),
            )
            for code, (kind, rate_field) in EMPLOYEE_LINES.items():
                expected = cent(slip.l10n_cn_si_base * param[rate_field] / 100)
                self.assertEqual(slip["l10n_cn_" + kind], expected, code)
                self.assertEqual(lines.get(code, 0.0), -expected, code)
            hf = cent(slip.l10n_cn_hf_base * param.hf_rate_default / 100)
            self.assertEqual(lines["CN_HF_EE"], -hf)
            self.assertEqual(lines["CN_HF_ER"], hf)
            # income tax: cumulative withholding on this year's figures
            taxable = (
                slip.l10n_cn_cum_income
                - slip.l10n_cn_cum_tax_free
                - slip.l10n_cn_cum_basic
                - slip.l10n_cn_cum_social
                - slip.l10n_cn_cum_special
                - slip.l10n_cn_cum_other
            )
            self.assertAlmostEqual(slip.l10n_cn_cum_taxable, taxable, places=2)
            tax = max(
                0.0,
                cent(
                    max(taxable, 0.0) * slip.l10n_cn_iit_rate / 100
                    - slip.l10n_cn_iit_quick
                )
                - slip.l10n_cn_withheld_before,
            )
            self.assertAlmostEqual(slip.l10n_cn_iit, tax, places=2)
            self.assertEqual(lines["CN_IIT"], -slip.l10n_cn_iit)
            # the taxable income of the month is the gross less the pre-tax
            # (attendance) deductions
            self.assertAlmostEqual(
                slip.l10n_cn_income,
                lines["GROSS"] + lines.get("TS_ATT_DED", 0.0),
                places=2,
            )
            telesales = sum(lines.get(code, 0.0) for code in TS_DEDUCTIONS)
            self.assertAlmostEqual(
                lines["NET"],
                lines["GROSS"]
                - slip.l10n_cn_employee_contributions
                - slip.l10n_cn_iit
                + telesales,
                places=2,
            )
            # the deductions stay within the city's cap and over its floor
            limits = slip.l10n_cn_minimum_wage_floor()
            self.assertEqual(limits["city"], self.shanghai)
            self.assertLessEqual(
                -telesales, lines["GROSS"] * limits["cap_percent"] / 100 + 0.005
            )
            if telesales:
                self.assertGreaterEqual(
                    lines["GROSS"] + telesales + 0.005, limits["floor"]
                )

    def test_every_agent_reaches_the_minimum_wage(self):
        """Shanghai's minimum wage excludes the employee's own SI and HF: the
        pay after them reaches the minimum wage of the days employed, topped
        up (最低工资补差) where commission and base fall short."""
        topped = self.slips.filtered(lambda slip: "CN_MIN_TOPUP" in self.lines(slip))
        self.assertTrue(topped, "the demo's low ranks earn below the minimum")
        for slip in self.slips:
            lines = self.lines(slip)
            row = slip.l10n_cn_minimum_wage_id
            self.assertEqual(row, self.shanghai.minimum_wage_at(slip.date_from))
            self.assertTrue(row.excludes_contributions)
            minimum = cent(row.amount * slip.l10n_cn_minimum_wage_share)
            self.assertAlmostEqual(
                slip.l10n_cn_minimum_wage_due,
                minimum + slip.l10n_cn_employee_contributions,
                places=2,
            )
            self.assertGreaterEqual(
                lines["GROSS"] - slip.l10n_cn_employee_contributions + 0.005,
                minimum,
                slip.employee_id.name,
            )
            self.assertGreater(lines["NET"], 0.0, slip.employee_id.name)
        for slip in topped:
            lines = self.lines(slip)
            self.assertAlmostEqual(
                lines["GROSS"], slip.l10n_cn_minimum_wage_due, places=2
            )
            # a topped-up wage is at the floor: nothing is deducted from it
            self.assertFalse(any(lines.get(code) for code in TS_DEDUCTIONS))

    def test_year_to_date_shows(self):
        """The months before last month (same year) are done: the payslips
        of last month carry their income, contributions and tax."""
        done = self.env["hr.payslip"].search(
            [
                ("struct_id", "=", self.structure.id),
                ("state", "=", "done"),
                ("date_from", ">=", self.first.replace(month=1)),
                ("date_from", "<", self.first),
            ]
        )
        if self.first.month == 1:
            self.assertFalse(done)
            return
        self.assertGreaterEqual(len(done), 40)
        for slip in self.slips.filtered(lambda s: s.employee_id in done.employee_id):
            own = done.filtered(lambda s, slip=slip: s.employee_id == slip.employee_id)
            self.assertAlmostEqual(
                slip.l10n_cn_cum_income,
                slip.l10n_cn_income + sum(own.mapped("l10n_cn_income")),
                places=2,
            )
            self.assertAlmostEqual(
                slip.l10n_cn_withheld_before, sum(own.mapped("l10n_cn_iit")), places=2
            )
            self.assertGreater(
                slip.l10n_cn_cum_social, slip.l10n_cn_employee_contributions
            )

    def test_special_deductions_and_policies(self):
        with_deductions = self.slips.filtered("l10n_cn_special_deduction_ids")
        self.assertGreaterEqual(len(with_deductions), 3)
        for slip in with_deductions:
            self.assertGreater(slip.l10n_cn_cum_special, 0)
        for code in ("TELESALES_ATTENDANCE", "TELESALES_DISCIPLINE"):
            policy = self.env["l10n_cn.pay.policy"].in_force(code, self.first)
            self.assertTrue(policy, code)
        discipline = self.env["l10n_cn.pay.policy"].in_force(
            "TELESALES_DISCIPLINE", self.first
        )
        self.assertTrue(discipline.unacknowledged(self.slips.employee_id))

    def test_penalty_under_unacknowledged_policy_is_flagged(self):
        """The demo agent who never acknowledged the discipline rules: this
        month's payslip leaves the quality points out and flags them to HR."""
        today = date.today()
        policy = self.env["l10n_cn.pay.policy"].in_force("TELESALES_DISCIPLINE", today)
        employee = policy.unacknowledged(self.slips.employee_id)
        self.assertEqual(len(employee), 1)
        first = today.replace(day=1)
        slip = self.env["hr.payslip"].create(
            {
                "employee_id": employee.id,
                "contract_id": employee.contract_id.id,
                "struct_id": self.structure.id,
                "date_from": first,
                "date_to": first + relativedelta(months=1, days=-1),
            }
        )
        slip.compute_sheet()
        rows = slip.telesales_source_ids.filtered(
            lambda row: row.rule_code in ("TS_QA_DED", "TS_LIAB_DED")
        )
        self.assertTrue(rows, "the quality demo applies a case of this agent")
        for row in rows:
            self.assertEqual((row.amount, row.amount_carried), (0.0, 0.0))
            self.assertIn("not deducted", row.name)
        self.assertNotIn("TS_QA_DED", self.lines(slip))
        flag = self.env["telesales.flag"].search(
            [
                ("flag_type", "=", "pay_policy_unacknowledged"),
                ("employee_id", "=", employee.id),
                ("period_start", "=", first),
            ]
        )
        self.assertEqual(len(flag), 1)
