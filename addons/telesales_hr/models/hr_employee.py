# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"
    # an agent is found by the login the dialer exports, also in Odoo's importer
    _rec_names_search = ["name", "telesales_dialer_login"]

    telesales_rank_id = fields.Many2one(
        "telesales.rank",
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
        groups="hr.group_hr_user",
        help="Individual monthly target; empty means the rank's default target "
        "(a month's target recorded in Telesales > Sales > Monthly Targets wins).",
    )

    telesales_referral_ids = fields.One2many(
        "telesales.referral",
        "referrer_id",
        string="Referrals Made",
        groups="telesales_hr.group_telesales_agent,telesales_hr.group_telesales_auditor",
    )
    telesales_referral_count = fields.Integer(
        string="Referrals",
        compute="_compute_telesales_referral",
        groups="telesales_hr.group_telesales_agent,telesales_hr.group_telesales_auditor",
    )
    telesales_referred_by_id = fields.Many2one(
        "hr.employee",
        string="Referred By",
        compute="_compute_telesales_referral",
        groups="telesales_hr.group_telesales_agent,telesales_hr.group_telesales_auditor",
        help="Employee who referred this employee when hired.",
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

    def _compute_telesales_referral(self):
        Referral = self.env["telesales.referral"].sudo()
        made = dict(
            Referral._read_group(
                [("referrer_id", "in", self.ids)], ["referrer_id"], ["__count"]
            )
        )
        referred = {
            referral.employee_id: referral.referrer_id
            for referral in Referral.search([("employee_id", "in", self.ids)])
        }
        for employee in self:
            employee.telesales_referral_count = made.get(employee, 0)
            employee.telesales_referred_by_id = referred.get(
                employee, self.env["hr.employee"]
            )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("departure_date") or vals.get("active") is False:
            # a referred hire who leaves cancels the bonuses not yet earned
            self.env["telesales.referral.milestone"]._on_hires_left(self)
        return res

    def action_open_telesales_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_referral"
        )
        action["domain"] = [
            "|",
            ("referrer_id", "=", self.id),
            ("employee_id", "=", self.id),
        ]
        action["context"] = {"default_referrer_id": self.id}
        return action

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
            if (
                employee.telesales_rank_id != rank
                or employee.telesales_rank_date != start
            ):
                employee.write(
                    {"telesales_rank_id": rank.id, "telesales_rank_date": start}
                )

    @api.model
    def _cron_refresh_telesales_rank(self):
        today = fields.Date.context_today(self)
        employees = (
            self.env["telesales.rank.history"]
            .sudo()
            .search([("date_start", "=", today)])
            .employee_id
        )
        employees._refresh_telesales_rank()

    @api.model
    def _telesales_promotion_blocks(self, employees, date_from, date_to):
        """Extension point: why each employee may not be promoted in a period.

        :param employees: ``hr.employee`` recordset (the whole scope of a
            quarterly review, so implement it set-based: one query, not one
            per employee)
        :param date_from, date_to: the reviewed period (``date``, inclusive)
        :returns: ``{employee id: [reason, ...]}`` with a translated, human
            readable reason per block; employees without block are absent.

        The quarterly review (``telesales.rank.review``) calls it once per
        computation, as superuser, and caps the decision of every employee
        with a reason at "keep" (``promotion_blocked`` and ``block_reason``
        on the review line). telesales_hr itself knows of no block; other
        modules (telesales_quality: penalties of 警告 warning and above in the
        period) override it, call ``super()`` and add their reasons, so
        telesales_hr never depends on them::

            @api.model
            def _telesales_promotion_blocks(self, employees, date_from, date_to):
                blocks = super()._telesales_promotion_blocks(
                    employees, date_from, date_to
                )
                for emp_id, reason in my_set_based_query(...):
                    blocks.setdefault(emp_id, []).append(reason)
                return blocks
        """
        return {}

    @api.model
    def _telesales_kpi_passed(self, employees, month):
        """{employee id: True when the month's KPI score reaches the pass line}
        (decides the trainee's newcomer allowance, SPEC §4)."""
        scores = self.env["telesales.kpi.deduction"]._kpi_scores(employees, month)
        return {
            employee.id: scores[employee.id] >= employee.company_id.telesales_kpi_pass
            for employee in employees
        }

    @api.model
    def _telesales_deal_counts(self, employees, date_from, date_to):
        """{(employee id, date): deals closed} for the newcomer coaching rule.

        A deal is an effective line of the sales ledger ``telesales.premium``
        (a cancelled or refunded policy is no deal).
        """
        Premium = self.env["telesales.premium"].sudo()
        domain = [("state", "=", "effective")]
        groups = Premium._read_group(
            domain
            + [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["employee_id", "date:day"],
            ["__count"],
        )
        return {(employee.id, day): count for employee, day, count in groups}
