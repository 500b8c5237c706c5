# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 15: a payslip read by a zh_CN payroll officer in the web client,
its lines in Chinese (tour telesales_payslip_zh_cn_tour), and the auditor's
payroll summary downloaded through the report route and opened with
openpyxl."""

import io

import openpyxl

from odoo.tests import HttpCase, tagged

from odoo.addons.telesales_hr.tests.test_screens_ui import load_zh_cn

from .common import APRIL, SIHF, PayrollCase

SUMMARY = "telesales_payroll.payslip_run_summary_xlsx"


@tagged("post_install", "-at_install")
class TestPayrollScreensZhCn(HttpCase, PayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env, [cls.hr_user, cls.auditor])

    def computed_slip(self, employee, run=None):
        """`employee`'s April 2025 payslip, created by the zh_CN payroll
        officer and computed; agent A2 sold 20,000 (commission 3.5 %)."""
        with self.fake_sources(kpi={}, premium={self.agent_a2: 20000.0}):
            slip = self.payslip(employee, period=APRIL, run=run, user=self.hr_user)
            # in the officer's language, as the web client calls them
            slip = slip.with_context(lang=self.hr_user.lang)
            slip._compute_name()
            slip.compute_sheet()
        return slip.with_env(self.env)

    def test_payslip_lines_read_in_chinese(self):
        slip = self.computed_slip(self.agent_a2)
        lines = self.lines(slip)
        expected = {"TS_BASE": 1780.0, "TS_COMM": 700.0, "GROSS": 2480.0}
        expected["NET"] = 2480.0 - SIHF  # less the employee's own SI and HF
        self.assertEqual({code: lines[code] for code in expected}, expected)
        self.assertIn("2025年4月", slip.name)
        self.start_tour(
            f"/odoo/action-payroll.hr_payslip_action/{slip.id}",
            "telesales_payslip_zh_cn_tour",
            login=self.hr_user.login,
        )

    def test_auditor_opens_the_payroll_summary(self):
        run = self.env["hr.payslip.run"].create(
            {"name": "2025年4月", "date_start": APRIL[0], "date_end": APRIL[1]}
        )
        self.computed_slip(self.agent_a2, run=run)
        self.computed_slip(self.agent_a1, run=run)
        self.authenticate(self.auditor.login, self.auditor.login)
        response = self.url_open(f"/report/xlsx/{SUMMARY}/{run.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        header, names = rows[1], rows[2]
        self.assertEqual(header[:2], ["员工", "团队"])
        codes = header[2:]
        name_of = dict(zip(codes, names[2:], strict=True))
        self.assertEqual(
            [name_of[code] for code in ("TS_BASE", "TS_COMM", "GROSS", "NET")],
            ["职级底薪", "提成", "应发工资", "实发工资"],
        )
        body = {row[0]: dict(zip(codes, row[2:], strict=True)) for row in rows[3:-1]}
        self.assertEqual(set(body), {"Agent A1", "Agent A2"})
        self.assertEqual(body["Agent A2"]["TS_BASE"], 1780)
        self.assertEqual(body["Agent A2"]["TS_COMM"], 700)
        self.assertEqual(body["Agent A2"]["NET"], 2480 - SIHF)
        self.assertEqual(body["Agent A1"]["TS_BASE"], 1580)
        self.assertIn("合计", rows[-1][0])
        self.assertEqual(rows[-1][2 + codes.index("TS_BASE")], 1780 + 1580)
