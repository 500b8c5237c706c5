# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every dashboard figure equals the report it summarises, on real rows.

Daily compliance of April 2025 computed from real calls and punches (see
``ComplianceCase``), the sales of ``TelesalesReportCase``.
"""

from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .compliance_common import DAY, ComplianceCase
from .reports_common import TelesalesReportCase

APRIL = date(2025, 4, 1)
DAY2 = date(2025, 4, 3)


@tagged("post_install", "-at_install")
class TestDashboardSources(ComplianceCase, TelesalesReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Board = cls.env["telesales.team.leaderboard"]
        cls.AgentMonth = cls.env["telesales.agent.month"]
        cls.Kpi = cls.env["telesales.team.kpi"]

    def setUp(self):
        super().setUp()
        # agent_a1: two compliant days; agent_a1b: a compliant day and a day
        # with too few calls, late first call (KPI deductions)
        for day in (DAY, DAY2):
            self.perfect_day(self.agent_a1, day)
        self.perfect_day(self.agent_a1b, DAY)
        self.perfect_day(self.agent_a1b, DAY2, connected=5, talk=1800, first="10:45:00")
        self.compute(self.agent_a1 | self.agent_a1b, DAY, DAY2)
        self.AgentMonth.invalidate_model()
        self.Board.invalidate_model()

    def analysis(self, groupby, domain):
        """The Compliance Analysis report (pivot of the daily compliance
        rows): {group: (talk hours, rows, compliant rows)}."""
        Compliance = self.env["telesales.daily.compliance"]
        groups = Compliance._read_group(
            [("date", ">=", APRIL), ("date", "<=", date(2025, 4, 30)), *domain],
            [groupby],
            ["talk_hours:sum", "__count"],
        )
        compliant = dict(
            Compliance._read_group(
                [
                    ("date", ">=", APRIL),
                    ("date", "<=", date(2025, 4, 30)),
                    ("compliant", "=", True),
                    *domain,
                ],
                [groupby],
                ["__count"],
            )
        )
        return {
            key: (hours, count, compliant.get(key, 0)) for key, hours, count in groups
        }

    def test_agent_month_equals_compliance_analysis(self):
        report = self.analysis(
            "employee_id", [("employee_id", "in", (self.agent_a1 | self.agent_a1b).ids)]
        )
        self.assertEqual(report[self.agent_a1][1:], (2, 2))
        self.assertEqual(report[self.agent_a1b][1:], (2, 1))
        for agent in self.agent_a1 | self.agent_a1b:
            hours, count, compliant = report[agent]
            month = self.AgentMonth.search(
                [("employee_id", "=", agent.id), ("month", "=", APRIL)]
            )
            self.assertEqual(len(month), 1)
            self.assertAlmostEqual(month.talk_time, hours, places=1)
            self.assertAlmostEqual(
                month.compliance_rate, round(100.0 * compliant / count, 1)
            )
        a1 = self.AgentMonth.search(
            [("employee_id", "=", self.agent_a1.id), ("month", "=", APRIL)]
        )
        self.assertAlmostEqual(a1.talk_time, 8.0)  # 2 days of 4 h
        self.assertEqual(a1.compliance_rate, 100.0)
        b = self.AgentMonth.search(
            [("employee_id", "=", self.agent_a1b.id), ("month", "=", APRIL)]
        )
        self.assertAlmostEqual(b.talk_time, 4.5)  # 4 h + 0.5 h
        self.assertEqual(b.compliance_rate, 50.0)
        # the agent's own card, read as the agent through the web client
        records = self.AgentMonth.with_user(self.agent_a1_user).web_search_read(
            [("month", "=", APRIL)],
            {"talk_time": {}, "compliance_rate": {}, "kpi_score": {}},
        )["records"]
        self.assertEqual(len(records), 1)
        self.assertEqual(records[0]["talk_time"], a1.talk_time)
        self.assertEqual(records[0]["compliance_rate"], 100.0)

    def test_leaderboard_equals_compliance_analysis(self):
        report = self.analysis("department_id", [])
        hours, count, compliant = report[self.team_a1]
        board = self.Board.search(
            [("department_id", "=", self.team_a1.id), ("month", "=", APRIL)]
        )
        self.assertAlmostEqual(board.talk_time, hours, places=1)
        self.assertAlmostEqual(board.talk_time, 12.5)
        self.assertAlmostEqual(
            board.compliance_rate, round(100.0 * compliant / count, 1)
        )
        self.assertEqual(board.compliance_rate, 75.0)  # 3 of 4 agent-days
        # the team leader sees the same figures
        as_tl = self.Board.with_user(self.tl_a1_user).search(
            [("department_id", "=", self.team_a1.id), ("month", "=", APRIL)]
        )
        self.assertEqual(
            (as_tl.talk_time, as_tl.compliance_rate),
            (board.talk_time, board.compliance_rate),
        )

    def test_kpi_score_on_my_month(self):
        Deduction = self.env["telesales.kpi.deduction"]
        lost = dict(
            Deduction._read_group(
                [
                    ("employee_id", "in", (self.agent_a1 | self.agent_a1b).ids),
                    ("state", "=", "active"),
                    ("date", ">=", APRIL),
                    ("date", "<=", date(2025, 4, 30)),
                ],
                ["employee_id"],
                ["points:sum"],
            )
        )
        self.assertFalse(lost.get(self.agent_a1))
        self.assertGreater(lost[self.agent_a1b], 0)
        scores = Deduction._kpi_scores(self.agent_a1 | self.agent_a1b, APRIL)
        passed = self.env["hr.employee"]._telesales_kpi_passed(
            self.agent_a1 | self.agent_a1b, APRIL
        )
        for agent, user in (
            (self.agent_a1, self.agent_a1_user),
            (self.agent_a1b, self.tl_a1_user),
        ):
            month = self.AgentMonth.with_user(user).search(
                [("employee_id", "=", agent.id), ("month", "=", APRIL)]
            )
            expected = self.company.telesales_kpi_start - lost.get(agent, 0)
            self.assertRecordValues(
                month,
                [
                    {
                        "kpi_score": expected,
                        "kpi_pass_line": self.company.telesales_kpi_pass,
                        "kpi_margin": expected - self.company.telesales_kpi_pass,
                        "kpi_passed": passed[agent.id],
                    }
                ],
            )
            self.assertEqual(month.kpi_score, scores[agent.id])
        # settings move the start and the line (the newcomer allowance's)
        self.company.write({"telesales_kpi_start": 90, "telesales_kpi_pass": 95})
        self.AgentMonth.invalidate_model()
        a1 = self.AgentMonth.search(
            [("employee_id", "=", self.agent_a1.id), ("month", "=", APRIL)]
        )
        self.assertEqual((a1.kpi_score, a1.kpi_margin, a1.kpi_passed), (90, -5, False))
        # a cancelled deduction gives its points back
        deduction = Deduction.search(
            [("employee_id", "=", self.agent_a1b.id), ("state", "=", "active")],
            limit=1,
        )
        deduction.with_user(self.hr_user).write({"cancel_reason": "Dialer outage"})
        deduction.with_user(self.hr_user).action_cancel()
        self.AgentMonth.invalidate_model()
        b = self.AgentMonth.search(
            [("employee_id", "=", self.agent_a1b.id), ("month", "=", APRIL)]
        )
        self.assertEqual(b.kpi_score, 90 - lost[self.agent_a1b] + deduction.points)


@tagged("post_install", "-at_install")
class TestTeamKpiPremium(TelesalesReportCase):
    """Team KPIs count premium as the leaderboard and the premium report do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Board = cls.env["telesales.team.leaderboard"]
        cls.Kpi = cls.env["telesales.team.kpi"]
        cls.teams = cls.team_a1 | cls.team_a2 | cls.team_b1

    def premium_report(self, month):
        """The premium report (telesales.premium.month) by team."""
        return dict(
            self.env["telesales.premium.month"]._read_group(
                [("month", "=", month), ("department_id", "in", self.teams.ids)],
                ["department_id"],
                ["premium:sum"],
            )
        )

    def test_team_kpi_equals_leaderboard(self):
        # a transfer after the sales: April stays with team A1 everywhere
        self.agent_a1b.department_id = self.team_b1
        for month in (APRIL, date(2025, 5, 1), date(2025, 6, 1)):
            kpis = self.Kpi._compute_team_kpis(month, self.teams)
            report = self.premium_report(month)
            for kpi in kpis:
                board = self.Board.search(
                    [
                        ("department_id", "=", kpi.department_id.id),
                        ("month", "=", month),
                    ]
                )
                self.assertEqual(kpi.premium, board.premium or 0.0, (kpi.display_name))
                self.assertEqual(
                    kpi.premium, report.get(kpi.department_id, 0.0), kpi.display_name
                )
        april = self.Kpi._get_or_compute(self.teams, APRIL)
        self.assertEqual(april[self.team_a1.id].premium, 18000)
        self.assertEqual(april[self.team_a2.id].premium, 7000)
        self.assertEqual(april[self.team_b1.id].premium, 0)

    def test_stale_kpi_is_recomputed(self):
        """KPIs computed before the month's sales were imported (the demo's
        and a late import's case) are recomputed when read for the gate or
        the screen: the gate is judged on the ledger's figures."""
        kpi = self.Kpi._compute_team_kpis(APRIL, self.team_a1)
        self.assertEqual(kpi.premium, 18000)
        # the KPI was computed on 1 May, before a late import of April's sales
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE telesales_team_kpi SET date_computed = %s WHERE id = %s",
            [datetime(2025, 5, 1, 1, 0), kpi.id],
        )
        kpi.invalidate_recordset()
        self.sell(self.agent_a1, date(2025, 4, 28), 2500)
        self.assertEqual(
            self.Kpi._get_or_compute(self.team_a1, APRIL)[self.team_a1.id], kpi
        )
        self.assertEqual(kpi.premium, 20500)
        board = self.Board.search(
            [("department_id", "=", self.team_a1.id), ("month", "=", APRIL)]
        )
        self.assertEqual(kpi.premium, board.premium)
        # a fresh KPI is left alone
        computed = kpi.date_computed
        self.Kpi._get_or_compute(self.team_a1, APRIL)
        self.assertEqual(kpi.date_computed, computed)
        # the screen refreshes before it shows the KPIs (as the team leader)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE telesales_team_kpi SET date_computed = %s WHERE id = %s",
            [datetime(2025, 5, 1, 1, 0), kpi.id],
        )
        kpi.invalidate_recordset()
        self.sell(self.agent_a1, date(2025, 4, 29), 500)
        records = self.Kpi.with_user(self.tl_a1_user).web_search_read(
            [("month", "=", APRIL)], {"premium": {}, "department_id": {}}
        )["records"]
        records = [r for r in records if r["department_id"] == self.team_a1.id]
        self.assertEqual(records[0]["premium"], 21000)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE telesales_team_kpi SET date_computed = %s WHERE id = %s",
            [datetime(2025, 5, 1, 1, 0), kpi.id],
        )
        kpi.invalidate_recordset()
        self.sell(self.agent_a1, date(2025, 4, 30), 1000)
        groups = self.Kpi.with_user(self.tl_a1_user).web_read_group(
            [("month", "=", APRIL)], ["premium:sum"], ["department_id"]
        )["groups"]
        self.assertEqual(groups[0]["department_id"][0], self.team_a1.id)
        self.assertEqual(groups[0]["premium"], 22000)


@tagged("post_install", "-at_install")
class TestScreensOpenOnData(ComplianceCase, TelesalesReportCase):
    """The screens open on this month and the last one: at the start of a
    month (here 1 May 2025, then 5 January) the last month's rows show."""

    # (action xml id, model, search filter, its "this and last month" option)
    SCREENS = [
        ("action_telesales_agent_month", "telesales.agent.month", "filter_month"),
        (
            "action_telesales_team_leaderboard",
            "telesales.team.leaderboard",
            "filter_month",
        ),
        (
            "action_telesales_daily_compliance",
            "telesales.daily.compliance",
            "filter_date",
        ),
        (
            "action_telesales_daily_compliance_analysis",
            "telesales.daily.compliance",
            "filter_date",
        ),
        ("action_telesales_call", "telesales.call", "filter_call_date"),
    ]

    def default_domain(self, xmlid, model, filter_name, today, user):
        """The domain the web client applies when ``user`` opens the action
        on ``today``: the action's search default, the search view's default
        period of that filter and the domain of that period option."""
        action = self.env.ref(f"telesales_hr.{xmlid}")
        context = safe_eval(action.context or "{}")
        self.assertTrue(context.get(f"search_default_{filter_name}"), xmlid)
        arch = self.env[model].with_user(user).get_views([(False, "search")])
        search = etree.fromstring(arch["views"]["search"]["arch"])
        (node,) = search.xpath(f"//filter[@name='{filter_name}']")
        period = node.get("default_period")
        self.assertTrue(period and period.startswith("custom_"), xmlid)
        (option,) = node.xpath(f"filter[@name='{period[len('custom_') :]}']")
        self.assertTrue(option.get("string"))
        return safe_eval(
            option.get("domain"),
            {"context_today": lambda: today, "relativedelta": relativedelta},
        )

    def test_screens_open_on_this_and_last_month(self):
        self.perfect_day(self.agent_a1, DAY)
        self.compute(self.agent_a1, DAY)
        for xmlid, model, filter_name in self.SCREENS:
            domain = self.default_domain(
                xmlid, model, filter_name, date(2025, 5, 1), self.tl_a1_user
            )
            rows = self.env[model].with_user(self.tl_a1_user).search(domain)
            field = {"filter_date": "date", "filter_call_date": "call_date"}.get(
                filter_name, "month"
            )
            months = {day.replace(day=1) for day in rows.mapped(field)}
            self.assertIn(APRIL, months, xmlid)
            self.assertNotIn(date(2025, 3, 1), months, xmlid)
        # January: December of the year before is there
        domain = self.default_domain(
            *self.SCREENS[0], date(2026, 1, 5), self.agent_a1_user
        )
        self.assertEqual(domain, [("month", ">=", "2025-12-01")])

    def test_calendar_moves_the_period(self):
        """The agent's day calendar keeps no date filter: navigating to an
        earlier month shows its days."""
        action = self.env.ref("telesales_hr.action_telesales_daily_compliance_mine")
        self.assertEqual(action.view_mode.split(",")[0], "calendar")
        context = safe_eval(action.context or "{}")
        self.assertFalse([key for key in context if key.startswith("search_default")])
        self.perfect_day(self.agent_a1, DAY)
        self.compute(self.agent_a1, DAY)
        rows = (
            self.env["telesales.daily.compliance"]
            .with_user(self.agent_a1_user)
            .search(
                safe_eval(action.domain, {"uid": self.agent_a1_user.id})
                + [("date", ">=", APRIL), ("date", "<=", date(2025, 4, 30))]
            )
        )
        self.assertEqual(rows.mapped("date"), [DAY])
