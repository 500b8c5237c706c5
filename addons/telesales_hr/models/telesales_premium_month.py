# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from .telesales_premium import PREMIUM_EVENTS
from .telesales_target import agent_target_sql


class TelesalesPremiumMonth(models.Model):
    """Effective premium per agent, team and month against the agent's
    monthly target (pivot / graph report, SQL view).

    The target is ``telesales.target._agent_targets``'s, from the same SQL
    (``agent_target_sql``): recorded target, else the employee's monthly
    target, else the target of the rank held on the month's last day.
    """

    _name = "telesales.premium.month"
    _description = "Telesales Premium by Month"
    _auto = False
    _order = "month desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", string="Agent", readonly=True)
    department_id = fields.Many2one("hr.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(readonly=True)
    premium = fields.Monetary(string="Effective Premium", readonly=True)
    line_count = fields.Integer(string="Lines", readonly=True)
    target = fields.Monetary(readonly=True, aggregator="sum")
    achievement = fields.Float(
        string="Achievement (%)",
        readonly=True,
        aggregator="avg",
        help="Effective premium / target × 100 (average when grouped).",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                WITH ev AS (%s),
                agg AS (
                    SELECT employee_id, department_id, company_id,
                           date_trunc('month', event_date)::date AS month,
                           SUM(amount) AS premium,
                           COUNT(DISTINCT line_id) AS line_count
                      FROM ev
                  GROUP BY 1, 2, 3, 4
                )
                SELECT ROW_NUMBER() OVER (
                           ORDER BY a.month, a.employee_id, a.department_id
                       ) AS id,
                       a.employee_id, a.department_id, a.company_id, a.month,
                       a.premium, a.line_count,
                       tg.target,
                       CASE WHEN tg.target > 0
                            THEN 100.0 * a.premium / tg.target
                       END AS achievement
                  FROM agg a
                  JOIN hr_employee e ON e.id = a.employee_id
            CROSS JOIN LATERAL (SELECT %s AS target) tg
            )
            """,
                SQL.identifier(self._table),
                SQL(PREMIUM_EVENTS),
                agent_target_sql("e", SQL("a.month")),
            )
        )
