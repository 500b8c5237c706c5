# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 15: each role's main screen read by a zh_CN user in the real web
client (headless Chromium): the figures prepared here on explicit dates, and
the Chinese labels (tours in static/tests/tours/telesales_screens_tour.js)."""

from datetime import date

from odoo.tests import HttpCase, tagged

from .compliance_common import DAY, ComplianceCase
from .sales_common import TelesalesSalesCase

#: modules whose zh_CN terms the screens of these tours show
ZH_MODULES = ["telesales_hr", "telesales_quality", "telesales_payroll", "payroll"]


def load_zh_cn(env, users, modules=ZH_MODULES):
    """Chinese activated, the modules' zh_CN terms loaded, `users` reading
    Chinese."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"].search(
        [("name", "in", modules), ("state", "=", "installed")]
    )._update_translations(["zh_CN"])
    for user in users:
        user.lang = "zh_CN"


@tagged("post_install", "-at_install")
class TestScreensTours(HttpCase, ComplianceCase, TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(
            cls.env, [cls.agent_a1_user, cls.tl_a1_user, cls.manager_a_user]
        )
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

    def test_team_leader_reads_the_team_day(self):
        self.perfect_day(self.agent_a1)  # 4 h of talk, on time
        self.day_calls(self.agent_a1b, connected=20, talk=3600)
        self.punch(self.agent_a1b, check_in="09:20:00")  # 20 minutes late
        self.perfect_day(self.agent_b1)  # the other unit
        rows = self.compute(self.agent_a1 | self.agent_a1b | self.agent_b1)
        self.assertEqual(len(rows), 3)
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
