# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"
    # an agent is found by the login the dialer exports, also in Odoo's importer
    _rec_names_search = ["name", "telesales_dialer_login"]

    telesales_rank_id = fields.Many2one(
        "telesales.rank",
        string="Telesales Rank",
        readonly=True,
        tracking=True,
        help="Rank held today, from the rank history.",
    )
    telesales_rank_date = fields.Date(
        string="Rank Since",
        readonly=True,
    )
    is_telesales_agent = fields.Boolean(
        string="Telesales Agent",
        compute="_compute_is_telesales_agent",
        store=True,
        help="An employee is a telesales agent when they hold a telesales rank.",
    )
    telesales_rank_history_ids = fields.One2many(
        "telesales.rank.history",
        "employee_id",
        string="Rank History",
    )
    telesales_dialer_login = fields.Char(
        string="Dialer Login",
        copy=False,
        index="btree_not_null",
        help="The agent's user name in the dialer / CTI (VICIdial 'user'): call "
        "records are matched to the agent by it.",
    )
    telesales_monthly_target = fields.Monetary(
        string="Monthly Premium Target",
        currency_field="currency_id",
        help="Individual monthly target; empty means the rank's default target.",
    )

    _sql_constraints = [
        (
            "telesales_dialer_login_uniq",
            "unique(telesales_dialer_login, company_id)",
            "This dialer login is already used by another employee of the company.",
        ),
    ]

    @api.depends("telesales_rank_id")
    def _compute_is_telesales_agent(self):
        for employee in self:
            employee.is_telesales_agent = bool(employee.telesales_rank_id)

    def _telesales_tz(self):
        """Timezone of the agent's day: the employee's own, else the working
        schedule's (the SQL of telesales.call uses the same order)."""
        self.ensure_one()
        return self.resource_id.tz or self.resource_calendar_id.tz or "UTC"

    def _refresh_telesales_rank(self):
        """Store today's rank from the history (called on history changes and
        daily by cron, since a review writes ranks starting in the future)."""
        today = fields.Date.context_today(self)
        History = self.env["telesales.rank.history"].sudo()
        ranks = History._rank_at(self, today)
        starts = {}
        if ranks:
            self.env.cr.execute(
                """
                SELECT DISTINCT ON (employee_id) employee_id, date_start
                  FROM telesales_rank_history
                 WHERE employee_id IN %s AND date_start <= %s
              ORDER BY employee_id, date_start DESC, id DESC
                """,
                [tuple(self.ids), today],
            )
            starts = dict(self.env.cr.fetchall())
        for employee in self.sudo():
            rank = ranks.get(employee.id, self.env["telesales.rank"])
            start = starts.get(employee.id)
            if employee.telesales_rank_id != rank or employee.telesales_rank_date != start:
                employee.write({"telesales_rank_id": rank.id, "telesales_rank_date": start})

    @api.model
    def _cron_refresh_telesales_rank(self):
        today = fields.Date.context_today(self)
        employees = self.env["telesales.rank.history"].sudo().search(
            [("date_start", "=", today)]
        ).employee_id
        employees._refresh_telesales_rank()

    def _telesales_rank_at(self, date):
        """telesales.rank held by this employee on `date` (empty if none)."""
        self.ensure_one()
        return self.env["telesales.rank.history"].sudo()._rank_at(self, date).get(
            self.id, self.env["telesales.rank"]
        )

    @api.model
    def _telesales_promotion_blocks(self, employees, date_from, date_to):
        """Extension point: why each employee may not be promoted in a period.

        Returns ``{employee id: [reason, ...]}``. telesales_hr itself knows of
        no block; other modules (telesales_quality: penalties of 警告 and
        above) override this method, call ``super()`` and add their reasons,
        so the review never depends on them.
        """
        return {}

