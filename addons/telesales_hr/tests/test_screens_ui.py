# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 15: each role's main screen read by a zh_CN user in the real web
client (headless Chromium): the figures prepared here on explicit dates, and
the Chinese labels (tours in static/tests/tours/telesales_screens_tour.js)."""

import io
import re
from datetime import date, datetime, timedelta

from openpyxl import load_workbook

from odoo.tests import HttpCase, tagged

from .compliance_common import DAY, ComplianceCase
from .sales_common import TelesalesSalesCase

#: modules whose zh_CN terms the screens of these tours show
ZH_MODULES = (
    "telesales_hr",
    "telesales_quality",
    "telesales_payroll",
    "l10n_cn_payroll",
    "payroll",
)


def load_zh_cn(env, users, modules=ZH_MODULES):
    """Chinese activated, the modules' zh_CN terms loaded, `users` reading
    Chinese."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"].search(
        [("name", "in", list(modules)), ("state", "=", "installed")]
    )._update_translations(["zh_CN"])
    for user in users:
        user.lang = "zh_CN"


def hours(value):
    """Hours of an XLSX duration cell: a number of hours, or a time format
    (openpyxl reads it as a timedelta)."""
    return value.total_seconds() / 3600 if isinstance(value, timedelta) else value


@tagged("post_install", "-at_install")
class TestScreensTours(HttpCase, ComplianceCase, TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.agent_a1_user | cls.tl_a1_user | cls.manager_a_user | cls.auditor
        load_zh_cn(cls.env, users)
        users.tz = "Asia/Shanghai"  # the centre's people read Shanghai time
        cls.company.write({"telesales_kpi_start": 100, "telesales_kpi_pass": 80})

    def test_agent_reads_their_month_and_kpi_score(self):
        self.sell(self.agent_a1, date(2025, 4, 10), 12345)
        self.sell(self.agent_a1b, date(2025, 4, 10), 999)  # not the agent's
        self.Deduction.create(
            {
                "employee_id": self.agent_a1.id,
                "date": date(2025, 4, 8),
                "points": 15,
                "breach_type": "other",
                "reason": "Test",
            }
        )
        Month = self.env["telesales.agent.month"]
        april = Month.search(
            [("employee_id", "=", self.agent_a1.id), ("month", "=", "2025-04-01")]
        )
        self.assertEqual(april.premium, 12345)
        self.assertEqual(april.kpi_score, 85, "the screen shows the payroll's score")
        self.start_tour(
            "/odoo/action-telesales_hr.action_telesales_agent_month",
            "telesales_agent_month_screen_tour",
            login=self.agent_a1_user.login,
        )

    def team_day(self):
        """2 April 2025: agent A1 compliant (4 h of talk, on time), agent
        A1b not (1 h, 20 minutes late), agent B1 of the other unit."""
        self.perfect_day(self.agent_a1)
        self.day_calls(self.agent_a1b, connected=20, talk=3600)
        self.punch(self.agent_a1b, check_in="09:20:00")
        self.perfect_day(self.agent_b1)
        rows = self.compute(self.agent_a1 | self.agent_a1b | self.agent_b1)
        self.assertEqual(len(rows), 3)
        return rows

    def download(self, report_name, records, user):
        """The XLSX export of `records` as the web client downloads it for
        `user` (the report route, the user's session), opened with openpyxl:
        the first sheet's rows."""
        self.authenticate(user.login, user.login)
        ids = ",".join(str(rec_id) for rec_id in records.ids)
        response = self.url_open(f"/report/xlsx/{report_name}/{ids}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_team_leader_reads_the_team_day(self):
        self.team_day()
        self.assertTrue(self.row(self.agent_a1).compliant)
        self.assertFalse(self.row(self.agent_a1b).compliant)
        team_day = self.env["telesales.team.daily.compliance"].search(
            [("department_id", "=", self.team_a1.id), ("date", "=", DAY)]
        )
        self.assertEqual((team_day.agent_count, team_day.compliant_count), (2, 1))
        self.assertAlmostEqual(team_day.avg_talk_hours, 2.5)
        self.start_tour(
            "/odoo/action-telesales_hr.action_telesales_team_daily_compliance",
            "telesales_tl_team_day_tour",
            login=self.tl_a1_user.login,
        )
        self.start_tour(
            "/odoo/action-telesales_hr.action_telesales_daily_compliance",
            "telesales_tl_agents_day_tour",
            login=self.tl_a1_user.login,
        )

    def test_manager_reviews_their_unit(self):
        self.sell(self.agent_a1, date(2025, 4, 10), 95000)  # S1 → S2
        self.sell(self.agent_b1, date(2025, 4, 10), 95000)  # the other unit
        review = self.Review.with_user(self.manager_a_user).create(
            {"year": 2025, "quarter": 2, "department_id": self.unit_a.id}
        )
        review.action_compute()
        self.assertNotIn(self.agent_b1, review.line_ids.employee_id)
        self.start_tour(
            f"/odoo/action-telesales_hr.action_telesales_rank_review/{review.id}",
            "telesales_manager_unit_review_tour",
            login=self.manager_a_user.login,
        )
        self.assertEqual(review.state, "submitted")
        line = review.line_ids.filtered(lambda ln: ln.employee_id == self.agent_a1)
        self.assertEqual(line.proposed_rank_id, self.s2)

    def test_auditor_opens_the_compliance_exports(self):
        """The auditor's daily compliance and attendance exceptions exports,
        in Chinese, with local clock times."""
        rows = self.team_day()
        late = self.row(self.agent_a1b)
        table = self.download("telesales_hr.daily_compliance_xlsx", rows, self.auditor)
        self.assertEqual(table[0][:3], ["日期", "坐席", "小组"])
        header = table[0]
        body = {
            row[1]: dict(zip(header, row, strict=True))
            for row in table[1:]
            if isinstance(row[0], datetime)
        }
        self.assertEqual(hours(body["Agent A1"]["通时（小时）"]), 4)
        self.assertEqual(hours(body["Agent A1B"]["通时（小时）"]), 1)
        self.assertIn("Agent B1", body)
        total = table[1 + len(body)]
        self.assertEqual(total[0], "总计")
        self.assertEqual(total[3], "=SUBTOTAL(9,D2:D4)", "the dials summed")

        table = self.download(
            "telesales_hr.attendance_exception_xlsx", rows, self.auditor
        )
        header = table[0]
        self.assertEqual(header[:4], ["日期", "坐席", "小组", "签到"])
        body = {
            row[1]: dict(zip(header, row, strict=True))
            for row in table[1:]
            if isinstance(row[0], datetime)
        }
        self.assertNotIn("Agent A1", body, "on time: no exception")
        exception = body["Agent A1B"]
        self.assertEqual(exception["迟到分钟数"], 20)
        self.assertAlmostEqual(exception["考勤扣款"], late.attendance_deduction, 2)
        self.assertGreater(exception["考勤扣款"], 0)

    def test_compliance_exports_read_like_the_screen(self):
        """Local clock times, real time formats and Chinese values in the
        exports (issue 15, "Exports": depends on that fix and on the zh_CN
        terms of the reasons)."""
        rows = self.team_day()
        table = self.download(
            "telesales_hr.attendance_exception_xlsx", rows, self.auditor
        )
        exception = dict(zip(table[0], table[1], strict=True))
        self.assertEqual(exception["坐席"], "Agent A1B")
        # the clock time of Shanghai, not UTC's 01:20
        self.assertEqual(exception["签到"].strftime("%H:%M"), "09:20")
        table = self.download("telesales_hr.daily_compliance_xlsx", rows, self.auditor)
        body = {
            row[1]: dict(zip(table[0], row, strict=True))
            for row in table[1:]
            if isinstance(row[0], datetime)
        }
        late = body["Agent A1B"]
        self.assertNotIsInstance(late["首呼时间"], float, "a time, not 9.08 hours")
        self.assertTrue(late["合规"] not in (None, ""), "合规 says no")
        english = re.findall(r"[A-Za-z]{3,}", late["原因"] or "")
        self.assertFalse(english, late["原因"])
