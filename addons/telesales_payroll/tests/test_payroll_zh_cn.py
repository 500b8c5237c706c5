# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll in Chinese: OCA payroll's terms its zh_CN leaves empty (shipped
in i18n_extra/payroll_zh_CN.po), payslip lines in the reader's language,
the payslip's month as Chinese writes it."""

from datetime import date

from odoo.tests import tagged
from odoo.tools.translate import code_translations

from .common import APRIL, PayrollCase


@tagged("post_install", "-at_install")
class TestPayrollZhCn(PayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search(
            [("name", "in", ["payroll", "telesales_payroll"])]
        )._update_translations(["zh_CN"])
        cls.zh = cls.env(context={"lang": "zh_CN"})

    def test_oca_terms_are_loaded_for_payroll(self):
        """Field labels, view terms and Python strings of module payroll."""
        fields = self.zh["hr.payslip"].fields_get(
            ["compute_date", "hide_child_lines"], ["string"]
        )
        self.assertEqual(fields["compute_date"]["string"], "计算日期")
        self.assertEqual(fields["hide_child_lines"]["string"], "隐藏子明细")
        arch = self.zh["hr.payslip"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn("重新获取工资单数据", arch)
        self.assertNotIn("Refetch Payslip Data", arch)
        python = code_translations.get_python_translations("payroll", "zh_CN")
        self.assertEqual(python.get("Refund: %s"), "退款：%s")
        # English stays English
        self.assertEqual(
            self.env["hr.payslip"].fields_get(["compute_date"], ["string"])[
                "compute_date"
            ]["string"],
            "Compute Date",
        )

    def test_lines_read_in_the_readers_language(self):
        """A payslip computed in English reads in Chinese for a zh_CN user,
        and the other way round."""
        slip = self.payslip(self.agent_a2)
        slip.compute_sheet()
        base = slip.line_ids.filtered(lambda line: line.code == "TS_BASE")
        rule = base.salary_rule_id
        self.assertEqual(base.name, "Base Wage of the Rank")
        zh_name = rule.with_env(self.zh).name
        self.assertNotEqual(zh_name, "Base Wage of the Rank")
        self.assertEqual(base.with_env(self.zh).name, zh_name)
        slip_zh = self.payslip(self.agent_a1).with_env(self.zh)
        slip_zh.compute_sheet()
        net = slip_zh.line_ids.filtered(lambda line: line.code == "NET")
        self.assertEqual(net.name, net.salary_rule_id.name)
        self.assertEqual(net.with_context(lang="en_US").name, "Net")

    def test_lines_get_translations_loaded_later(self):
        """The demo computes payslips before the rules' translations are
        loaded: loading them gives the lines the rule's new name."""
        slip = self.payslip(self.agent_a2)
        slip.compute_sheet()
        base = slip.line_ids.filtered(lambda line: line.code == "TS_BASE")
        base.salary_rule_id.update_field_translations("name", {"zh_CN": "新名称"})
        self.assertNotEqual(base.with_env(self.zh).name, "新名称")
        self.env["ir.module.module"]._telesales_load_extra_terms(["zh_CN"])
        self.assertEqual(base.with_env(self.zh).name, "新名称")
        self.assertEqual(base.name, "Base Wage of the Rank")

    def test_payslip_name_with_the_languages_month(self):
        Payslip = self.env["hr.payslip"]
        self.assertEqual(
            Payslip.with_env(self.zh)._telesales_month_label(date(2026, 11, 17)),
            "2026年11月",
        )
        self.assertEqual(
            Payslip._telesales_month_label(date(2026, 11, 17)), "November 2026"
        )
        slip = self.payslip(self.agent_a2, period=APRIL)
        self.assertEqual(
            slip.name, f"Salary Slip of {self.agent_a2.name} for April 2025"
        )
        slip.with_env(self.zh)._compute_name()
        self.assertIn("2025年4月", slip.name)
        self.assertIn(self.agent_a2.name, slip.name)
