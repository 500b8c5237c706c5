# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a person reads in the exports (issue 15): local times, real Excel
times and durations, 是/否, reasons and labels in the user's language,
percentages as rounded percentage cells."""

import io
from datetime import datetime, time, timedelta

from openpyxl import load_workbook

from odoo.tests import tagged

from .compliance_common import ComplianceCase

# daily compliance export columns
DIALS, TALK, FIRST, NOON, CHECK_IN, CHECK_OUT, OVERTIME = 3, 5, 6, 7, 8, 9, 10
DEDUCTION, COMPLIANT, PROVISIONAL, REASONS = 11, 12, 13, 14


@tagged("post_install", "-at_install")
class TestComplianceXlsxFormat(ComplianceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_user.tz = "Asia/Shanghai"

    def setUp(self):
        super().setUp()
        # agent_a1: a perfect day; agent_a2: 1 minute late, 39 connected
        # calls and 5 minutes of the hour of overtime required
        self.perfect_day(self.agent_a1)
        self.day_calls(self.agent_a2, connected=39)
        self.punch(self.agent_a2, check_in="09:01:00", check_out="18:05:00")
        self.rows = self.compute(self.agent_a1 | self.agent_a2)

    def sheet(self, report_name, user=None):
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(user or self.hr_user)
            ._render_xlsx(report_name, self.rows.ids, {})
        )
        return load_workbook(io.BytesIO(content), data_only=True).worksheets[0]

    @staticmethod
    def line(sheet, name):
        return next(row for row in sheet.iter_rows(min_row=2) if row[1].value == name)

    def test_attendance_exceptions_in_local_time(self):
        """Check-in 09:01 in Shanghai, not 01:01 UTC, as a date-time cell."""
        sheet = self.sheet("telesales_hr.attendance_exception_xlsx")
        row = self.line(sheet, "Agent A2")
        self.assertEqual(row[3].value, datetime(2025, 4, 2, 9, 1))
        self.assertEqual(row[3].number_format, "yyyy-mm-dd hh:mm")
        self.assertEqual(row[4].value, datetime(2025, 4, 2, 18, 5))
        self.assertEqual(row[5].value, 1)  # late minutes
        self.assertEqual(row[7].value, "None")  # the absence's label
        self.assertEqual([row[9].value, row[10].value], ["No", "No"])

    def test_daily_compliance_cells(self):
        sheet = self.sheet("telesales_hr.daily_compliance_xlsx")
        a1, a2 = self.line(sheet, "Agent A1"), self.line(sheet, "Agent A2")
        self.assertEqual(a1[0].value, datetime(2025, 4, 2))
        # clock times: Excel times, not 9.083333 hours
        self.assertEqual(a1[FIRST].value, time(9, 5))
        self.assertEqual(a1[FIRST].number_format, "hh:mm")
        self.assertEqual(a1[NOON].value, time(13, 35))
        self.assertEqual(a1[CHECK_IN].value, datetime(2025, 4, 2, 8, 55))
        self.assertEqual(a1[CHECK_IN].number_format, "hh:mm")
        # durations: 4 h of talk, 5 min of overtime
        self.assertEqual(a1[TALK].value, timedelta(hours=4))
        self.assertEqual(a1[TALK].number_format, "[h]:mm")
        self.assertEqual(a2[OVERTIME].value, timedelta(minutes=5))
        # 是/否 (here in English: Yes/No), never a blank
        self.assertEqual(a1[COMPLIANT].value, "Yes")
        self.assertEqual(a2[COMPLIANT].value, "No")
        self.assertEqual(a2[PROVISIONAL].value, "No")
        self.assertEqual(
            a2[REASONS].value,
            "Late by 1 min\nConnected calls 39 < 40\nOvertime 0:05 of 1:00 required",
        )
        self.assertEqual(a2[REASONS].value, self.row(self.agent_a2).reasons)
        self.assertEqual(a2[DEDUCTION].value, self.row(self.agent_a2).late_deduction)
        total = next(r for r in sheet.iter_rows() if r[0].value == "Total")
        self.assertEqual(total[COMPLIANT].value, 1, "the compliant days are counted")
        self.assertEqual(total[PROVISIONAL].value, 0)
        self.assertEqual(total[TALK].value, timedelta(hours=4 + 4))

    def test_daily_compliance_in_chinese(self):
        """A zh_CN user reads the reasons and labels in Chinese, although the
        rows were computed in English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["telesales_hr"], ["zh_CN"])
        self.hr_user.lang = "zh_CN"
        sheet = self.sheet("telesales_hr.daily_compliance_xlsx")
        header = [cell.value for cell in next(sheet.iter_rows())]
        self.assertEqual(header[:3], ["日期", "坐席", "小组"])
        a2 = self.line(sheet, "Agent A2")
        self.assertTrue(
            a2[REASONS].value.startswith("迟到 1 分钟\n"), a2[REASONS].value
        )
        Report = self.env["report.telesales_hr.daily_compliance_xlsx"]
        no = Report.with_context(lang="zh_CN")._xlsx_bool_labels()[False]
        self.assertEqual(a2[COMPLIANT].value, no)
