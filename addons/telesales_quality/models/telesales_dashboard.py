# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""QA pass rates on the telesales dashboards and the Team KPIs.

One definition, the QA pass-rate report's (``telesales.qa.pass.rate``): the
share of the published inspections of the month's calls that passed. The
dashboards evaluate it per row of their SQL views; ``hr.department.
_telesales_qa_pass_rates`` (Team KPIs, headcount gate) runs the same query.
"""

from odoo import api, models
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


class TelesalesTeamLeaderboard(models.Model):
    _inherit = "telesales.team.leaderboard"

    @api.model
    def _leaderboard_extra_columns(self):
        """The team's QA pass rate of the month from the inspections (the
        pass-rate report's rows), else the rate of its Team KPI record."""
        columns = super()._leaderboard_extra_columns()
        columns["qa_pass_rate"] = SQL(
            "COALESCE(%s, %s)", qa_pass_rate_sql(TEAM_SCOPE), columns["qa_pass_rate"]
        )
        return columns


class TelesalesAgentMonth(models.Model):
    _inherit = "telesales.agent.month"

    @api.model
    def _agent_month_extra_columns(self):
        """The agent's QA pass rate of the month (inspected calls)."""
        columns = super()._agent_month_extra_columns()
        columns["qa_pass_rate"] = qa_pass_rate_sql(SQL("i.employee_id = b.employee_id"))
        return columns


class TelesalesTeamKpi(models.Model):
    _inherit = "telesales.team.kpi"

    def _stale_kpis(self):
        """Also stale: a KPI whose team had inspections of the month's calls
        written after it was computed (published, reviewed, cancelled)."""
        stale = super()._stale_kpis()
        rest = self - stale
        if not rest:
            return stale
        self.env["telesales.qa.inspection"].flush_model()
        self.env.cr.execute(
            """
            SELECT k.id
              FROM telesales_team_kpi k
              JOIN hr_department d ON d.id = k.department_id
             WHERE k.id IN %s
               AND EXISTS (
                    SELECT 1
                      FROM telesales_qa_inspection i
                      JOIN hr_department sub ON sub.id = i.department_id
                     WHERE starts_with(sub.parent_path, d.parent_path)
                       AND i.write_date > k.date_computed
                       AND i.call_date >= k.month
                       AND i.call_date < k.month + INTERVAL '1 month')
            """,
            [tuple(rest.ids)],
        )
        return stale | self.browse(row[0] for row in self.env.cr.fetchall())
