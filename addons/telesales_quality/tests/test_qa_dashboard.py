# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The QA pass rate of the dashboards and the Team KPIs equals the QA
pass-rate report's on real published inspections of March 2025."""

from datetime import date, datetime

from odoo.tests import tagged

from .common import QualityCase

MARCH = date(2025, 3, 1)


@tagged("post_install", "-at_install")
class TestQaDashboard(QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Board = cls.env["telesales.team.leaderboard"]
        cls.AgentMonth = cls.env["telesales.agent.month"]
        cls.Kpi = cls.env["telesales.team.kpi"]
        cls.Rate = cls.env["telesales.qa.pass.rate"]
        # a leaderboard row for each team of March: its target of the month
        for team in cls.team_a1 | cls.team_a2:
            cls.env["telesales.target"].create(
                {"department_id": team.id, "month": MARCH, "amount": 10000}
            )

    def setUp(self):
        super().setUp()
        # agent_a1: 2 passed, 1 failed; agent_a1b: 1 failed; agent_a2: 1 passed
        self.inspect(self.agent_a1, start=datetime(2025, 3, 3, 2))
        self.inspect(self.agent_a1, start=datetime(2025, 3, 4, 2))
        self.inspect(
            self.agent_a1, failed=self.item_abuse, start=datetime(2025, 3, 5, 2)
        )
        self.inspect(
            self.agent_a1b, failed=self.item_abuse, start=datetime(2025, 3, 6, 2)
        )
        self.inspect(self.agent_a2, start=datetime(2025, 3, 7, 2))
        # a draft does not count
        self.inspect(
            self.agent_a1,
            failed=self.item_abuse,
            start=datetime(2025, 3, 8, 2),
            publish=False,
        )
        self.Board.invalidate_model()
        self.AgentMonth.invalidate_model()

    def report(self, groupby):
        """The QA pass-rate report: {group: pass rate} of March 2025."""
        return dict(
            self.Rate._read_group([("month", "=", MARCH)], [groupby], ["rate:avg"])
        )

    def test_leaderboard_equals_pass_rate_report(self):
        report = self.report("department_id")
        self.assertAlmostEqual(report[self.team_a1], 50.0)  # 2 of 4
        self.assertAlmostEqual(report[self.team_a2], 100.0)
        for team in self.team_a1 | self.team_a2:
            board = self.Board.search(
                [("department_id", "=", team.id), ("month", "=", MARCH)]
            )
            self.assertEqual(len(board), 1)
            self.assertAlmostEqual(board.qa_pass_rate, report[team], places=6)
        # the team leader sees the report's rate too
        as_tl = self.Board.with_user(self.tl_a1_user).search(
            [("department_id", "=", self.team_a1.id), ("month", "=", MARCH)]
        )
        self.assertAlmostEqual(as_tl.qa_pass_rate, 50.0)

    def test_agent_month_equals_pass_rate_report(self):
        report = self.report("employee_id")
        expected = {self.agent_a1: 200 / 3, self.agent_a1b: 0.0, self.agent_a2: 100.0}
        for agent, rate in expected.items():
            self.assertAlmostEqual(report[agent], rate)
            month = self.AgentMonth.search(
                [("employee_id", "=", agent.id), ("month", "=", MARCH)]
            )
            self.assertAlmostEqual(month.qa_pass_rate, report[agent], places=6)
        own = self.AgentMonth.with_user(self.agent_a1_user).search(
            [("month", "=", MARCH)]
        )
        self.assertEqual(own.employee_id, self.agent_a1)
        self.assertAlmostEqual(own.qa_pass_rate, 200 / 3)
        # no inspection in April: no rate (not 0 %)
        april = self.AgentMonth.search(
            [("employee_id", "=", self.agent_a1.id), ("month", "=", date(2025, 4, 1))]
        )
        self.assertFalse(self.Rate.search_count([("month", "=", date(2025, 4, 1))]))
        self.env.cr.execute(
            "SELECT qa_pass_rate FROM telesales_agent_month WHERE id = %s", [april.id]
        )
        self.assertIsNone(self.env.cr.fetchone()[0])

    def test_team_kpi_equals_pass_rate_report(self):
        report = self.report("department_id")
        kpis = self.Kpi._get_or_compute(self.team_a1 | self.team_a2, MARCH)
        for team in self.team_a1 | self.team_a2:
            self.assertTrue(kpis[team.id].qa_pass_rate_evaluated)
            self.assertAlmostEqual(kpis[team.id].qa_pass_rate, report[team], places=1)
            board = self.Board.search(
                [("department_id", "=", team.id), ("month", "=", MARCH)]
            )
            self.assertAlmostEqual(
                kpis[team.id].qa_pass_rate, board.qa_pass_rate, places=1
            )

    def test_stale_kpi_after_new_inspections(self):
        """A KPI computed before the month's inspections were published is
        recomputed when the gate reads it."""
        kpi = self.Kpi._compute_team_kpis(MARCH, self.team_a2)
        self.assertEqual(kpi.qa_pass_rate, 100.0)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE telesales_team_kpi SET date_computed = %s WHERE id = %s",
            [datetime(2025, 4, 1, 1, 0), kpi.id],
        )
        kpi.invalidate_recordset()
        self.inspect(
            self.agent_a2, failed=self.item_abuse, start=datetime(2025, 3, 10, 2)
        )
        self.assertEqual(
            self.Kpi._get_or_compute(self.team_a2, MARCH)[self.team_a2.id], kpi
        )
        self.assertAlmostEqual(kpi.qa_pass_rate, 50.0)
        self.assertAlmostEqual(
            kpi.qa_pass_rate, self.report("department_id")[self.team_a2]
        )
