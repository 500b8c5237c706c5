# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from .telesales_premium import PREMIUM_EVENTS
from .telesales_target import team_target_sql


def daily_compliance_columns(key):
    """Talk time (hours) and compliance rate (% of compliant agent-days) of
    the daily compliance rows whose ``key`` column (``department_id``: team
    of the day, ``employee_id``: the agent) is ``b.<key>``, in month
    ``b.month``: the one definition the leaderboard and the agent's month
    share with the Compliance Analysis report (sum of talk hours, share of
    compliant rows)."""
    scope = SQL(
        "c.%(key)s = b.%(key)s AND c.date >= b.month"
        " AND c.date < b.month + INTERVAL '1 month'",
        key=SQL.identifier(key),
    )
    return {
        "talk_time": SQL(
            """(SELECT ROUND(SUM(c.talk_seconds) / 3600.0, 1)
                 FROM telesales_daily_compliance c WHERE %s)""",
            scope,
        ),
        "compliance_rate": SQL(
            """(SELECT ROUND(100.0 * COUNT(*) FILTER (WHERE c.compliant)
                             / NULLIF(COUNT(*), 0), 1)
                 FROM telesales_daily_compliance c WHERE %s)""",
            scope,
        ),
    }


class TelesalesTeamLeaderboard(models.Model):
    """Teams of each month ranked by effective premium (manager dashboard,
    SQL view): premium, target, achievement, and the figures of the other
    telesales modules (talk time, compliance rate; telesales_quality adds
    the QA pass rate).

    The target is ``telesales.target._team_targets``'s, from the same SQL
    (``team_target_sql``): the team's recorded target of the month, else the
    department's monthly target, else the sum of its agents' targets
    (recorded, employee's, rank's).

    Extension: the last columns come from :meth:`_leaderboard_extra_columns`;
    a module that overrides it (telesales_quality) declares its fields and
    the view is rebuilt when it is installed or updated.
    """

    _name = "telesales.team.leaderboard"
    _description = "Telesales Team Leaderboard"
    _auto = False
    _order = "month desc, position, department_id"
    _rec_name = "department_id"

    department_id = fields.Many2one("hr.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(readonly=True)
    position = fields.Integer(
        readonly=True,
        aggregator="min",
        help="Place of the team by effective premium among the company's teams "
        "of the month (1 = first).",
    )
    premium = fields.Monetary(string="Effective Premium", readonly=True)
    agent_count = fields.Integer(
        string="Selling Agents",
        readonly=True,
        help="Agents with premium in the month.",
    )
    target = fields.Monetary(readonly=True)
    achievement = fields.Float(
        string="Achievement (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Effective premium / target × 100 (average when grouped).",
    )
    talk_time = fields.Float(
        string="Talk Time (h)",
        readonly=True,
        digits=(16, 1),
        help="Hours on connected calls in the month (daily compliance module).",
    )
    compliance_rate = fields.Float(
        string="Compliance Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Share of the agents' working days meeting the call-time rules "
        "(daily compliance module).",
    )

    @api.model
    def _leaderboard_extra_columns(self):
        """SQL of the columns other modules fill: ``{field name: SQL}``.

        Each expression is evaluated once per row of the view and may use
        ``b.department_id``, ``b.company_id`` and ``b.month`` (first day of
        the month). A module overrides this, calls ``super()`` and replaces
        its columns, e.g. in the compliance module::

            columns["talk_time"] = SQL(
                "(SELECT SUM(c.talk_seconds) / 3600.0"
                "   FROM telesales_daily_compliance c"
                "  WHERE c.department_id = b.department_id"
                "    AND c.date >= b.month"
                "    AND c.date < b.month + INTERVAL '1 month')"
            )

        Defaults: talk time (hours) and compliance rate (% of compliant
        agent-days) from the daily compliance rows.
        """
        # talk time and compliance rate come from the daily compliance rows
        # of the team's agents in the month (team of the day)
        return daily_compliance_columns("department_id")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        extra = self._leaderboard_extra_columns()
        extra_sql = SQL(", ").join(
            SQL("%s AS %s", expression, SQL.identifier(name))
            for name, expression in sorted(extra.items())
        )
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(view)s AS (
                WITH ev AS (%(events)s),
                sold AS (
                    SELECT department_id, company_id,
                           date_trunc('month', event_date)::date AS month,
                           SUM(amount) AS premium,
                           COUNT(DISTINCT employee_id) AS agent_count
                      FROM ev
                     WHERE department_id IS NOT NULL
                  GROUP BY 1, 2, 3
                ),
                keys AS (
                    SELECT department_id, company_id, month FROM sold
                     UNION
                    SELECT t.department_id, t.company_id, t.month
                      FROM telesales_target t
                     WHERE t.department_id IS NOT NULL
                ),
                b AS (
                    SELECT k.department_id, k.company_id, k.month,
                           COALESCE(s.premium, 0) AS premium,
                           COALESCE(s.agent_count, 0) AS agent_count,
                           %(target)s AS target
                      FROM keys k
                      JOIN hr_department d ON d.id = k.department_id
                 LEFT JOIN sold s ON s.department_id = k.department_id
                                 AND s.month = k.month
                )
                SELECT ROW_NUMBER() OVER (ORDER BY b.month, b.department_id) AS id,
                       b.department_id, b.company_id, b.month, b.premium,
                       b.agent_count, b.target,
                       CASE WHEN b.target > 0 THEN 100.0 * b.premium / b.target
                       END AS achievement,
                       RANK() OVER (PARTITION BY b.company_id, b.month
                                    ORDER BY b.premium DESC) AS position,
                       %(extra)s
                  FROM b
            )
            """,
                view=SQL.identifier(self._table),
                events=SQL(PREMIUM_EVENTS),
                target=team_target_sql("d", SQL("k.month")),
                extra=extra_sql,
            )
        )
