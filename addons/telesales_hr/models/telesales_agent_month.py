# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from .telesales_premium import PREMIUM_EVENTS
from .telesales_target import target_fallback_sql
from .telesales_team_leaderboard import daily_compliance_columns


class TelesalesAgentMonth(models.Model):
    """An agent's month at a glance (SQL view): effective premium against
    the target, achievement and the rank held at the month's end; one row
    for every month since the agent's first rank, sales or not.

    The team is the one the agent sold for in the month (the latest sale),
    else the team recorded with the rank, else the current team: a transfer
    does not move past months to the new team leader.

    Record rules: an agent sees their own months, team leaders and managers
    those of their teams, HR and auditors all. Talk time and compliance rate
    come from :meth:`_agent_month_extra_columns` (telesales_quality adds the
    QA pass rate there); the KPI score is the one payroll reads
    (``telesales.kpi.deduction._kpi_scores``).
    """

    _name = "telesales.agent.month"
    _description = "Telesales Agent Month"
    _auto = False
    _order = "month desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", string="Agent", readonly=True)
    department_id = fields.Many2one("hr.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(readonly=True)
    rank_id = fields.Many2one(
        "telesales.rank",
        readonly=True,
        help="Rank held at the month's end.",
    )
    premium = fields.Monetary(string="Effective Premium", readonly=True)
    line_count = fields.Integer(string="Sales", readonly=True)
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
        help="Share of working days meeting the call-time rules (daily "
        "compliance module).",
    )
    kpi_score = fields.Integer(
        string="KPI Score",
        compute="_compute_kpi_score",
        help="The company's KPI points of the month minus the points of the "
        "month's active KPI deductions (the score the newcomer allowance "
        "depends on).",
    )
    kpi_pass_line = fields.Integer(
        string="KPI Pass Line",
        related="company_id.telesales_kpi_pass",
    )
    kpi_margin = fields.Integer(
        string="Above Pass Line",
        compute="_compute_kpi_score",
        help="KPI score minus the pass line: negative when below the line.",
    )
    kpi_passed = fields.Boolean(
        string="KPI Passed",
        compute="_compute_kpi_score",
        help="The KPI score reaches the pass line.",
    )

    @api.depends("employee_id", "month", "company_id")
    def _compute_kpi_score(self):
        # one definition of the score: the deductions' API payroll uses
        Deduction = self.env["telesales.kpi.deduction"]
        for month in set(self.filtered("month").mapped("month")):
            rows = self.filtered(lambda row, month=month: row.month == month)
            scores = Deduction._kpi_scores(rows.employee_id.sudo(), month)
            for row in rows:
                row.kpi_score = scores.get(row.employee_id.id, 0)
                pass_line = row.company_id.sudo().telesales_kpi_pass
                row.kpi_margin = row.kpi_score - pass_line
                row.kpi_passed = row.kpi_score >= pass_line
        (self - self.filtered("month")).update(
            {"kpi_score": 0, "kpi_margin": 0, "kpi_passed": False}
        )

    @api.model
    def _agent_month_extra_columns(self):
        """SQL of the columns other modules fill: ``{field name: SQL}``,
        evaluated per row with ``b.employee_id``, ``b.department_id``,
        ``b.company_id`` and ``b.month`` (first day of the month).

        Talk time and compliance rate: the agent's daily compliance rows of
        the month, with the leaderboard's definition (see
        ``telesales.team.leaderboard._leaderboard_extra_columns``)."""
        return daily_compliance_columns("employee_id")

    def init(self):
        # Written for the planner: rank periods joined to one calendar of
        # months (no per-row lateral lookups), so the estimated cost stays
        # low and PostgreSQL does not JIT-compile a dashboard query.
        tools.drop_view_if_exists(self.env.cr, self._table)
        extra = self._agent_month_extra_columns()
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
                    SELECT employee_id,
                           date_trunc('month', event_date)::date AS month,
                           SUM(amount) AS premium,
                           COUNT(DISTINCT line_id) AS line_count,
                           (ARRAY_AGG(department_id ORDER BY event_date DESC,
                                      line_id DESC))[1] AS department_id
                      FROM ev
                  GROUP BY 1, 2
                ),
                -- each history entry is the rank held at the end of the
                -- months from its start to the month before the next entry
                -- (an entry followed by another in the same month never is)
                periods AS (
                    SELECT h.employee_id, h.rank_id, h.department_id,
                           rk.monthly_target,
                           date_trunc('month', h.date_start)::date AS first_month,
                           LEAST(
                               date_trunc('month', LEAD(h.date_start) OVER (
                                   PARTITION BY h.employee_id
                                   ORDER BY h.date_start, h.id)) - INTERVAL '1 month',
                               date_trunc('month', COALESCE(e.departure_date,
                                                            CURRENT_DATE))
                           )::date AS last_month
                      FROM telesales_rank_history h
                      JOIN telesales_rank rk ON rk.id = h.rank_id
                      JOIN hr_employee e ON e.id = h.employee_id
                ),
                calendar AS (
                    SELECT gs::date AS month
                      FROM generate_series(
                           (SELECT date_trunc('month', MIN(date_start))
                              FROM telesales_rank_history),
                           date_trunc('month', CURRENT_DATE),
                           INTERVAL '1 month') gs
                ),
                held AS (
                    SELECT p.employee_id, c.month, p.rank_id, p.department_id,
                           p.monthly_target
                      FROM periods p
                      JOIN calendar c ON c.month BETWEEN p.first_month
                                                     AND p.last_month
                ),
                b AS (
                    SELECT e.id AS employee_id,
                           COALESCE(hd.month, s.month) AS month,
                           e.company_id,
                           COALESCE(s.department_id, hd.department_id,
                                    e.department_id) AS department_id,
                           hd.rank_id,
                           COALESCE(s.premium, 0) AS premium,
                           COALESCE(s.line_count, 0) AS line_count,
                           %(target)s AS target
                      FROM held hd
                 FULL JOIN sold s ON s.employee_id = hd.employee_id
                                 AND s.month = hd.month
                      JOIN hr_employee e
                           ON e.id = COALESCE(hd.employee_id, s.employee_id)
                 LEFT JOIN telesales_target t
                           ON t.employee_id = e.id
                          AND t.month = COALESCE(hd.month, s.month)
                )
                SELECT ROW_NUMBER() OVER (ORDER BY b.month, b.employee_id) AS id,
                       b.employee_id, b.department_id, b.company_id, b.month,
                       b.rank_id, b.premium, b.line_count, b.target,
                       CASE WHEN b.target > 0 THEN 100.0 * b.premium / b.target
                       END AS achievement,
                       %(extra)s
                  FROM b
            )
            """,
                view=SQL.identifier(self._table),
                events=SQL(PREMIUM_EVENTS),
                target=target_fallback_sql(
                    SQL("t.amount"),
                    SQL("e.telesales_monthly_target"),
                    SQL("hd.monthly_target"),
                ),
                extra=extra_sql,
            )
        )
