# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The telesales deductions on China statutory payroll: the cap and the
minimum-wage floor of the employee's contribution city (Shanghai: the
minimum wage net of the employee's SI and HF), and the pay policies the
deductions stand on (劳动合同法 §4)."""

from datetime import date

from odoo.tests import tagged

from .common import APRIL, SIHF, PayrollCase


@tagged("post_install", "-at_install")
class TestPayrollChina(PayrollCase):
    """agent_a2 (S2, 1,780 a month, commission 3.5 %)."""

    def test_structure_adds_si_hf_and_tax(self):
        slip = self.payslip(self.agent_a2, user=self.hr_user)
        slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(lines["GROSS"], 1780.0)
        self.assertEqual(
            (
                lines["CN_PEN_EE"],
                lines["CN_MED_EE"],
                lines["CN_UNEMP_EE"],
                lines["CN_HF_EE"],
            ),
            (-400.0, -100.0, -25.0, -350.0),
        )
        self.assertEqual(lines["CN_IIT"], 0.0)  # 1,780 < 5,000 × 4 months
        self.assertEqual(lines["NET"], 1780.0 - SIHF)
        self.assertEqual(slip.l10n_cn_parameter_id, self.cn_param)
        self.assertEqual(slip.l10n_cn_minimum_wage_id, self.cn_min_wage)

    def test_shanghai_floor_is_minimum_wage_plus_own_contributions(self):
        """Shanghai 2024-07 to 2025-06: the 5,000 base is raised to the floor
        7,384: pension 590.72, medical 147.68, unemployment 36.92; housing fund
        7 % of 5,000 = 350.00; 1,125.32 in all. The minimum wage 2,690 excludes
        them: pay after deductions must reach 3,815.32. Gross 1,780 + 3.5 % of
        60,000 = 3,880, so only 64.68 of the 200 can be deducted (the company's
        1,000 would allow 200)."""
        self.agent_a2.l10n_cn_city_id = self.env.ref("l10n_cn_payroll.city_shanghai")
        self.make_compliance(self.agent_a2, date(2025, 4, 2), 200.0)
        with self.fake_sources(premium={self.agent_a2: 60000.0}):
            slip = self.payslip(self.agent_a2, user=self.hr_user)
            slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(lines["GROSS"], 3880.0)
        self.assertEqual(lines["CN_PEN_EE"], -590.72)
        self.assertEqual(lines["CN_MED_EE"], -147.68)
        self.assertEqual(lines["CN_UNEMP_EE"], -36.92)
        self.assertEqual(lines["CN_HF_EE"], -350.0)
        self.assertEqual(lines["TS_ATT_DED"], -64.68)
        self.assertEqual(lines["TS_CARRY_NEXT"], 135.32)
        self.assertEqual(lines["CN_IIT"], 0.0)
        self.assertAlmostEqual(lines["NET"], 2690.0, places=2)
        limits = slip.l10n_cn_minimum_wage_floor()
        self.assertEqual(limits["minimum_wage"], 2690.0)
        self.assertAlmostEqual(limits["contributions"], 1125.32, places=2)
        self.assertAlmostEqual(limits["floor"], 3815.32, places=2)
        # the attendance deduction lowers the taxable income of the month
        self.assertAlmostEqual(slip.l10n_cn_income, 3880.0 - 64.68, places=2)

    def test_city_cap_replaces_the_company_setting(self):
        self.cn_city.deduction_cap_percent = 10.0
        self.make_compliance(self.agent_a2, date(2025, 4, 2), 300.0)
        slip = self.payslip(self.agent_a2, user=self.hr_user)
        slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(self.company.telesales_deduction_cap, 20.0)
        self.assertEqual(lines["TS_ATT_DED"], -178.0)
        self.assertEqual(lines["TS_CARRY_NEXT"], 122.0)
        self.assertEqual(lines["NET"], 1780.0 - 178.0 - SIHF)

    def test_unacknowledged_policy_is_not_deducted_and_flagged(self):
        """agent_a2 never acknowledged the attendance policy: the late day
        is not deducted nor carried, HR gets a flag; the quality points (the
        discipline policy, acknowledged) are deducted."""
        attendance = self.policies.filtered(
            lambda policy: policy.code == "TELESALES_ATTENDANCE"
        )
        attendance.ack_ids.filtered(
            lambda ack: ack.employee_id == self.agent_a2
        ).unlink()
        self.company.telesales_flag_hr_user_id = self.hr_user
        day = self.make_compliance(self.agent_a2, date(2025, 4, 2), 200.0)
        with self.fake_sources(quality={self.agent_a2: 10}):
            slip = self.payslip(self.agent_a2, user=self.hr_user)
            slip.compute_sheet()
            slip.compute_sheet()  # computing again raises no second flag
            lines = self.lines(slip)
            self.assertNotIn("TS_ATT_DED", lines)
            self.assertNotIn("TS_CARRY_NEXT", lines)
            self.assertEqual(lines["TS_QA_DED"], -50.0)
            self.assertEqual(lines["NET"], 1780.0 - 50.0 - SIHF)
            row = slip.telesales_source_ids.filtered(
                lambda r: r.rule_code == "TS_ATT_DED"
            )
            self.assertEqual(
                (row.amount_due, row.amount, row.amount_carried), (200, 0, 0)
            )
            self.assertIn("not deducted", row.name)
            self.assertEqual(row.source_ref, day)
            flag = self.env["telesales.flag"].search(
                [
                    ("flag_type", "=", "pay_policy_unacknowledged"),
                    ("employee_id", "=", self.agent_a2.id),
                ]
            )
            self.assertEqual(len(flag), 1)
            self.assertEqual((flag.period_start, flag.period_end), APRIL)
            self.assertEqual(flag.responsible_user_id, self.hr_user)
            self.assertIn("200.00", flag.description)
            slip.with_user(self.hr_user).action_payslip_done()
        # the case is settled: not deducted, not carried to May
        self.assertFalse(slip.telesales_carryover_ids)
        row = slip.telesales_source_ids.filtered(lambda r: r.rule_code == "TS_ATT_DED")
        self.assertEqual((row.state, row.amount), ("paid", 0.0))
        self.assertTrue(day.locked)

    def test_acknowledged_after_the_case_does_not_bind_it(self):
        attendance = self.policies.filtered(
            lambda policy: policy.code == "TELESALES_ATTENDANCE"
        )
        ack = attendance.ack_ids.filtered(lambda a: a.employee_id == self.agent_a2)
        ack.date = date(2025, 4, 5)
        self.make_compliance(self.agent_a2, date(2025, 4, 2), 200.0)
        self.make_compliance(self.agent_a2, date(2025, 4, 9), 100.0)
        slip = self.payslip(self.agent_a2, user=self.hr_user)
        slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(lines["TS_ATT_DED"], -100.0)
        self.assertEqual(lines["NET"], 1780.0 - 100.0 - SIHF)
