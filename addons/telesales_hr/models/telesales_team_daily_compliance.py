# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class TelesalesTeamDailyCompliance(models.Model):
    """A team's day: its agents' average talk time against the company's team
    threshold (SPEC §4: the team's average talk time must reach it too).

    A SQL view over the daily rows, so it is always in step with them; agents
    absent all day are left out of the average.
    """

    _name = "telesales.team.daily.compliance"
    _description = "Telesales Team Daily Compliance"
    _auto = False
    _order = "date desc, department_id"
    _rec_name = "department_id"

    date = fields.Date(readonly=True)
    department_id = fields.Many2one("hr.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    agent_count = fields.Integer(string="Agents", readonly=True)
    compliant_count = fields.Integer(string="Compliant Agents", readonly=True)
    avg_talk_hours = fields.Float(
        string="Average Talk Hours", readonly=True, aggregator="avg"
    )
    threshold_hours = fields.Float(
        string="Team Threshold (hours)", readonly=True, aggregator="max"
    )
    below_threshold = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT MIN(d.id) AS id,
                       d.date,
                       d.department_id,
                       d.company_id,
                       COUNT(*) AS agent_count,
                       COUNT(*) FILTER (WHERE d.compliant) AS compliant_count,
                       AVG(d.talk_seconds) / 3600.0 AS avg_talk_hours,
                       c.telesales_team_min_talk_hours AS threshold_hours,
                       AVG(d.talk_seconds) / 3600.0
                           < COALESCE(c.telesales_team_min_talk_hours, 0)
                           AS below_threshold
                  FROM telesales_daily_compliance d
                  JOIN res_company c ON c.id = d.company_id
                 WHERE d.department_id IS NOT NULL AND d.absence != 'full'
              GROUP BY d.date, d.department_id, d.company_id,
                       c.telesales_team_min_talk_hours
            )
            """,
                SQL.identifier(self._table),
            )
        )
