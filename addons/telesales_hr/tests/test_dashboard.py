# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from .reports_common import TelesalesReportCase

APRIL, MAY, JUNE = date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1)


@tagged("post_install", "-at_install")
class TestDashboard(TelesalesReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Board = cls.env["telesales.team.leaderboard"]
        cls.AgentMonth = cls.env["telesales.agent.month"]
        cls.teams = cls.team_a1 | cls.team_a2 | cls.team_b1

    def board(self, team, month, user=None):
        Board = self.Board.with_user(user) if user else self.Board
        return Board.search([("department_id", "=", team.id), ("month", "=", month)])

    def agent_month(self, employee, month, user=None):
        Model = self.AgentMonth.with_user(user) if user else self.AgentMonth
        return Model.search([("employee_id", "=", employee.id), ("month", "=", month)])

    # ------------------------------------------------------------------
    # Team leaderboard
    # ------------------------------------------------------------------
    def test_leaderboard_figures(self):
        a1, a2 = self.board(self.team_a1, APRIL), self.board(self.team_a2, APRIL)
        # A1: 10,000 + 5,000 + 3,000 (refunded in May: counts in April)
        self.assertEqual(len(a1), 1)
        self.assertEqual(a1.premium, 18000)
        self.assertEqual(a1.agent_count, 2)
        # the team's recorded target of the month
        self.assertEqual(a1.target, 20000)
        self.assertAlmostEqual(a1.achievement, 90.0)
        # A2: the sale refunded in its own month counts nowhere; no recorded
        # target: the sum of its agents' targets, as the target API says
        self.assertEqual(a2.premium, 7000)
        self.assertEqual(
            a2.target,
            self.Target._team_targets(self.team_a2, APRIL)[self.team_a2.id],
        )
        self.assertEqual(a2.target, self.s2.monthly_target + self.d1.monthly_target)
        self.assertAlmostEqual(a2.achievement, 7000 / a2.target * 100)
        # positions by premium among the company's teams of the month
        ahead = self.Board.search_count(
            [("month", "=", APRIL), ("premium", ">", 18000)]
        )
        self.assertEqual(a1.position, ahead + 1)
        self.assertGreater(a2.position, a1.position)
        # May: the refund of April is deducted from A1
        self.assertEqual(self.board(self.team_a1, MAY).premium, 20000 - 3000)
        self.assertEqual(self.board(self.team_b1, JUNE).premium, 15000)
        # the columns of the other modules: nothing until they are installed
        self.assertFalse(a1.talk_time)
        self.assertFalse(a1.compliance_rate)

    def test_leaderboard_extension_hook(self):
        """Another module fills a column by overriding the hook; the view is
        rebuilt by init() when that module is installed."""
        Board = type(self.Board)
        original = Board._leaderboard_extra_columns

        def extra(board):
            columns = original(board)
            columns["talk_time"] = SQL("12.5")
            columns["compliance_rate"] = SQL(
                "CASE WHEN b.premium > 10000 THEN 95.0 ELSE 80.0 END"
            )
            return columns

        with patch.object(Board, "_leaderboard_extra_columns", extra):
            self.Board.init()
        self.Board.invalidate_model()
        a1, a2 = self.board(self.team_a1, APRIL), self.board(self.team_a2, APRIL)
        self.assertEqual((a1.talk_time, a1.compliance_rate), (12.5, 95.0))
        self.assertEqual((a2.talk_time, a2.compliance_rate), (12.5, 80.0))

    def test_leaderboard_access(self):
        def teams(user):
            rows = self.Board.with_user(user).search([("month", "in", (APRIL, JUNE))])
            return rows.department_id & self.teams

        self.assertEqual(teams(self.tl_a1_user), self.team_a1)
        self.assertEqual(teams(self.manager_a_user), self.team_a1 | self.team_a2)
        self.assertEqual(teams(self.director_user), self.teams)
        self.assertEqual(teams(self.hr_user), self.teams)
        self.assertEqual(teams(self.auditor), self.teams)
        with self.assertRaises(AccessError):
            self.Board.with_user(self.agent_a1_user).search([])
        # the pivot's grouped totals as the manager of unit A sees them
        groups = self.Board.with_user(self.manager_a_user).read_group(
            [("month", "=", APRIL)], ["premium:sum", "target:sum"], ["month:month"]
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["premium"], 18000 + 7000)

    # ------------------------------------------------------------------
    # An agent's month
    # ------------------------------------------------------------------
    def test_agent_month_figures(self):
        april = self.agent_month(self.agent_a1, APRIL)
        self.assertEqual(len(april), 1)
        self.assertEqual(
            (april.premium, april.target, april.achievement, april.rank_id),
            (10000, 8000, 125.0, self.s1),
        )
        self.assertEqual(april.department_id, self.team_a1)
        self.assertEqual(april.line_count, 1)
        # a month without sales is there too, against the rank's target
        february = self.agent_month(self.agent_a1, date(2025, 2, 1))
        self.assertEqual(
            (february.premium, february.target, february.achievement),
            (0, self.s1.monthly_target, 0),
        )
        # a refund in a later month is deducted in that month
        self.assertEqual(self.agent_month(self.agent_a1b, MAY).premium, -3000)
        # months since the first rank, every month once
        months = self.AgentMonth.search([("employee_id", "=", self.agent_b1.id)])
        self.assertEqual(len(months), len(set(months.mapped("month"))))
        self.assertEqual(min(months.mapped("month")), date(2025, 1, 1))

    def test_agent_month_rank_at_month_end_and_transfer(self):
        self.set_rank(self.agent_a2, self.s3, date(2025, 5, 15))
        self.AgentMonth.invalidate_model()
        self.assertEqual(self.agent_month(self.agent_a2, APRIL).rank_id, self.s2)
        may = self.agent_month(self.agent_a2, MAY)
        self.assertEqual(may.rank_id, self.s3)
        self.assertEqual(may.target, self.s3.monthly_target)
        # a transfer leaves the months sold for team A1 with team A1
        self.agent_a1b.department_id = self.team_b1
        self.AgentMonth.invalidate_model()
        self.assertEqual(
            self.agent_month(self.agent_a1b, APRIL).department_id, self.team_a1
        )

    def test_agent_month_access(self):
        def employees(user):
            rows = self.AgentMonth.with_user(user).search([("month", "=", APRIL)])
            return rows.employee_id

        self.assertEqual(employees(self.agent_a1_user), self.agent_a1)
        self.assertEqual(
            employees(self.tl_a1_user),
            self.agent_a1 | self.agent_a1b | self.tl_a1,
        )
        self.assertLessEqual(
            self.agents - self.agent_b1, employees(self.manager_a_user)
        )
        self.assertNotIn(self.agent_b1, employees(self.manager_a_user))
        self.assertLessEqual(self.agents, employees(self.auditor))
        # "My Month" opens on the user's own current month
        action = self.env.ref("telesales_hr.action_telesales_agent_month")
        self.assertIn("search_default_filter_mine", action.context)

    def test_dashboard_views_per_group(self):
        views = {
            "telesales.team.leaderboard": ["list", "pivot", "graph", "search"],
            "telesales.agent.month": ["kanban", "list", "pivot", "graph", "search"],
        }
        users = {
            self.agent_a1_user: ["telesales.agent.month"],
            self.tl_a1_user: list(views),
            self.manager_a_user: list(views),
            self.hr_user: list(views),
            self.auditor: list(views),
        }
        for user, models in users.items():
            for model in models:
                result = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, view_type) for view_type in views[model]])
                )
                self.assertEqual(
                    set(result["views"]), set(views[model]), (user.login, model)
                )
        # the agent's card: their own figures through the web client's call
        records = self.AgentMonth.with_user(self.agent_a1_user).web_search_read(
            [("month", "=", APRIL)],
            {
                "premium": {},
                "target": {},
                "achievement": {},
                "rank_id": {"fields": {"display_name": {}}},
            },
        )["records"]
        self.assertEqual(len(records), 1)
        self.assertEqual(records[0]["premium"], 10000)
        self.assertEqual(records[0]["achievement"], 125.0)
        self.assertEqual(records[0]["rank_id"]["id"], self.s1.id)
