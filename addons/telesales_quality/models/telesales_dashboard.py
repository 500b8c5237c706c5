# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""QA pass rates on the telesales dashboards (leaderboard, agent month).

One definition, the QA pass-rate report's (``telesales.qa.pass.rate``): the
share of the published inspections of the month's calls that passed. The
dashboards evaluate it per row of their SQL views; ``hr.department.
_telesales_qa_pass_rates`` (Team KPIs, headcount gate) runs the same query.
"""

from odoo import api, fields, models
from odoo.tools import SQL

from .telesales_qa_inspection import DONE_STATES


def qa_pass_rate_sql(scope):
    """Pass rate (0-100, NULL when nothing is inspected) of the published
    inspections ``i`` matching ``scope`` (an SQL condition) whose call is in
    month ``b.month``."""
    return SQL(
        """(SELECT 100.0 * COUNT(*) FILTER (WHERE i.passed) / NULLIF(COUNT(*), 0)
              FROM telesales_qa_inspection i
             WHERE i.state IN %(states)s AND %(scope)s
               AND i.call_date >= b.month
               AND i.call_date < b.month + INTERVAL '1 month')""",
        states=DONE_STATES,
        scope=scope,
    )


# a team's inspections, its sub-teams included (as hr.department reports them)
TEAM_SCOPE = SQL(
    """i.department_id IN (
           SELECT sub.id FROM hr_department sub, hr_department d
            WHERE d.id = b.department_id
              AND starts_with(sub.parent_path, d.parent_path))"""
)


# the rate of the team's Team KPI record of the month, when it was evaluated
TEAM_KPI_RATE = SQL(
    """(SELECT k.qa_pass_rate FROM telesales_team_kpi k
         WHERE k.department_id = b.department_id AND k.month = b.month
           AND k.qa_pass_rate_evaluated)"""
)


class TelesalesTeamLeaderboard(models.Model):
    _inherit = "telesales.team.leaderboard"

    qa_pass_rate = fields.Float(
        string="QA Pass Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Share of inspected calls that passed (quality module), as "
        "reported in the team's monthly KPIs.",
    )

    @api.model
    def _leaderboard_extra_columns(self):
        """The team's QA pass rate of the month from the inspections (the
        pass-rate report's rows), else the rate of its Team KPI record."""
        columns = super()._leaderboard_extra_columns()
        columns["qa_pass_rate"] = SQL(
            "COALESCE(%s, %s)", qa_pass_rate_sql(TEAM_SCOPE), TEAM_KPI_RATE
        )
        return columns


class TelesalesAgentMonth(models.Model):
    _inherit = "telesales.agent.month"

    qa_pass_rate = fields.Float(
        string="QA Pass Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Share of the agent's inspected calls that passed (quality module).",
    )

    @api.model
    def _agent_month_extra_columns(self):
        """The agent's QA pass rate of the month (inspected calls)."""
        columns = super()._agent_month_extra_columns()
        columns["qa_pass_rate"] = qa_pass_rate_sql(SQL("i.employee_id = b.employee_id"))
        return columns
