# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL


# The one definition of a monthly target (SPEC §3), in SQL: the Python API
# below and the SQL views (agent month, premium month, team leaderboard)
# all build on these three expressions.
def target_fallback_sql(recorded, own, derived):
    """The target fallback: the target recorded for the month, else the
    agent's or team's own monthly target (0: none), else the ``derived``
    target (an agent's: the rank's; a team's: the sum of its agents'), else 0.
    """
    return SQL("COALESCE(%s, NULLIF(%s, 0), %s, 0)", recorded, own, derived)


def agent_target_sql(employee, month):
    """Target of the ``hr_employee`` row aliased ``employee`` in ``month``
    (SQL of a month's first day); the derived target is the monthly target
    of the rank held at the month's end."""
    agent = SQL.identifier(employee)
    return target_fallback_sql(
        SQL(
            "(SELECT t.amount FROM telesales_target t"
            "  WHERE t.employee_id = %s.id AND t.month = %s)",
            agent,
            month,
        ),
        SQL("%s.telesales_monthly_target", agent),
        SQL(
            """(SELECT rk.monthly_target
                  FROM telesales_rank_history h
                  JOIN telesales_rank rk ON rk.id = h.rank_id
                 WHERE h.employee_id = %s.id
                   AND h.date_start < %s + INTERVAL '1 month'
              ORDER BY h.date_start DESC, h.id DESC
                 LIMIT 1)""",
            agent,
            month,
        ),
    )


def team_target_sql(department, month):
    """Target of the ``hr_department`` row aliased ``department`` in
    ``month``; the derived target is the sum of the targets of the team's
    active telesales agents."""
    team = SQL.identifier(department)
    return target_fallback_sql(
        SQL(
            "(SELECT t.amount FROM telesales_target t"
            "  WHERE t.department_id = %s.id AND t.month = %s)",
            team,
            month,
        ),
        SQL("%s.telesales_monthly_target", team),
        SQL(
            """(SELECT SUM(%s) FROM hr_employee member
                 WHERE member.department_id = %s.id
                   AND member.is_telesales_agent AND member.active)""",
            agent_target_sql("member", month),
            team,
        ),
    )


class TelesalesTarget(models.Model):
    """Monthly premium target of an agent or of a team.

    A month without a recorded target falls back to the employee's own
    monthly target, then to the monthly target of the rank held at the end of
    the month; a team falls back to the department's monthly target, then to
    the sum of its agents' targets.
    """

    _name = "telesales.target"
    _check_company_auto = True
    _description = "Telesales Monthly Target"
    _order = "month desc, department_id, employee_id"

    employee_id = fields.Many2one(
        "hr.employee",
        string="Agent",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Leave empty for a team target.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Leave empty for an agent target.",
    )
    month = fields.Date(
        required=True,
        index=True,
        default=lambda self: fields.Date.start_of(
            fields.Date.context_today(self), "month"
        ),
        help="Any day of the month; stored as the first day.",
    )
    amount = fields.Monetary(string="Target", required=True)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        (
            "employee_month_uniq",
            "unique(employee_id, month)",
            "An agent has one target per month.",
        ),
        (
            "department_month_uniq",
            "unique(department_id, month)",
            "A team has one target per month.",
        ),
        (
            "one_subject",
            "CHECK((employee_id IS NULL) <> (department_id IS NULL))",
            "A target is either an agent's or a team's: set exactly one of them.",
        ),
        (
            "amount_positive",
            "CHECK(amount >= 0)",
            "A target cannot be negative.",
        ),
    ]

    @api.depends("employee_id", "department_id")
    def _compute_company_id(self):
        for target in self:
            target.company_id = (
                target.employee_id.company_id
                or target.department_id.company_id
                or target.company_id
                or self.env.company
            )

    @api.depends("employee_id", "department_id", "month")
    def _compute_display_name(self):
        for target in self:
            subject = target.employee_id or target.department_id
            month = target.month and target.month.strftime("%Y-%m") or ""
            target.display_name = f"{subject.display_name or ''} {month}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_month(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_month(vals)
        return super().write(vals)

    @api.model
    def _normalize_month(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.start_of(
                fields.Date.to_date(vals["month"]), "month"
            )

    # ------------------------------------------------------------------
    # Public API
    # ------------------------------------------------------------------
    @api.model
    def _agent_targets(self, employees, month):
        """Monthly target of each employee for the month containing `month`.

        Returns ``{employee id: amount}`` (0 when nothing is configured):
        the recorded target, else the employee's monthly target, else the
        monthly target of the rank held on the month's last day.
        """
        return self._targets("hr_employee", agent_target_sql, employees, month)

    @api.model
    def _team_targets(self, departments, month):
        """Monthly target of each team for the month containing `month`.

        Returns ``{department id: amount}``: the recorded target, else the
        department's monthly target, else the sum of the targets of the
        telesales agents who are members of the team.
        """
        return self._targets("hr_department", team_target_sql, departments, month)

    @api.model
    def _targets(self, table, target_sql, records, month):
        if not records:
            return {}
        for model in ("telesales.target", "hr.employee", "hr.department"):
            self.env[model].flush_model()
        self.env["telesales.rank.history"].flush_model()
        self.env["telesales.rank"].flush_model(["monthly_target"])
        month = fields.Date.start_of(fields.Date.to_date(month), "month")
        self.env.cr.execute(
            SQL(
                "SELECT subject.id, %s FROM %s subject WHERE subject.id IN %s",
                target_sql("subject", SQL("%s::date", month)),
                SQL.identifier(table),
                tuple(records.ids),
            )
        )
        return dict(self.env.cr.fetchall())

    # ------------------------------------------------------------------
    # Performance watch (SPEC §3)
    # ------------------------------------------------------------------
    @api.model
    def _cron_performance_watch(self):
        self._telesales_performance_watch()

    @api.model
    def _telesales_performance_watch(self, today=None):
        """Raise a performance-watch flag for HR for each agent (and each
        team) below its monthly target in each of the last N closed months,
        N being the company's ``telesales_watch_months``.

        One pass per company: the premium of every agent and team over the
        window comes from one query each, the targets from a few queries per
        month; nothing runs per agent. Returns the flags raised.
        """
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        Flag = self.env["telesales.flag"].sudo()
        flags = Flag
        agents_all = (
            self.env["hr.employee"].sudo().search([("is_telesales_agent", "=", True)])
        )
        for company in agents_all.company_id:
            months_count = company.telesales_watch_months
            if months_count <= 0:
                continue
            this_month = fields.Date.start_of(today, "month")
            window_start = this_month - relativedelta(months=months_count)
            window_end = this_month - relativedelta(days=1)
            months = [
                window_start + relativedelta(months=i) for i in range(months_count)
            ]
            agents = agents_all.filtered(lambda e, c=company: e.company_id == c)
            # only agents who held a rank during the whole window
            held = (
                self.env["telesales.rank.history"].sudo()._rank_at(agents, window_start)
            )
            agents = agents.filtered(lambda e, h=held: e.id in h)
            teams = agents.department_id
            premium = (
                self.env["telesales.premium"]
                .sudo()
                ._effective_premium_by_month(agents, window_start, window_end)
            )
            team_premium = (
                self.env["telesales.premium"]
                .sudo()
                ._team_premium_by_month(teams, window_start, window_end)
            )
            agent_targets = {m: self._agent_targets(agents, m) for m in months}
            team_targets = {m: self._team_targets(teams, m) for m in months}
            hr_user = company._telesales_hr_users()[:1]
            watched = [
                (
                    agent,
                    agent.department_id,
                    "performance_watch",
                    premium,
                    agent_targets,
                )
                for agent in agents
            ] + [
                (
                    team.manager_id,
                    team,
                    "team_performance_watch",
                    team_premium,
                    team_targets,
                )
                for team in teams.filtered("manager_id")
            ]
            vals_list = []
            for employee, team, flag_type, amounts, targets in watched:
                key = employee.id if flag_type == "performance_watch" else team.id
                figures = [
                    (m, amounts.get((key, m), 0.0), targets[m].get(key, 0.0))
                    for m in months
                ]
                # under a set target in every month of the window
                if all(
                    target > 0 and amount < target for _m, amount, target in figures
                ):
                    vals_list.append(
                        self._watch_flag_vals(
                            employee,
                            team,
                            flag_type,
                            figures,
                            window_start,
                            window_end,
                            hr_user,
                        )
                    )
            vals_list = self._drop_already_watched(vals_list, window_start)
            flags |= Flag._raise_flags(vals_list)
        return flags

    @api.model
    def _watch_flag_vals(
        self, employee, team, flag_type, figures, date_from, date_to, user
    ):
        currency = employee.company_id.currency_id
        detail = "\n".join(
            self.env._(
                "%(month)s: premium %(amount)s, target %(target)s",
                month=month.strftime("%Y-%m"),
                amount=currency.format(amount),
                target=currency.format(target),
            )
            for month, amount, target in figures
        )
        if flag_type == "team_performance_watch":
            name = self.env._(
                "Team %(team)s below its target for %(count)s months",
                team=team.name,
                count=len(figures),
            )
        else:
            name = self.env._(
                "%(employee)s below target for %(count)s months",
                employee=employee.name,
                count=len(figures),
            )
        return {
            "name": name,
            "flag_type": flag_type,
            "employee_id": employee.id,
            "department_id": team.id,
            "company_id": employee.company_id.id,
            "date": date_to,
            "period_start": date_from,
            "period_end": date_to,
            "description": detail,
            "responsible_user_id": user.id,
            "source_ref": (
                f"hr.department,{team.id}"
                if flag_type == "team_performance_watch"
                else f"hr.employee,{employee.id}"
            ),
        }

    @api.model
    def _drop_already_watched(self, vals_list, window_start):
        """An open flag whose period overlaps the window already asks HR to
        decide: do not raise another one each month of the same streak."""
        if not vals_list:
            return vals_list
        open_flags = (
            self.env["telesales.flag"]
            .sudo()
            .search(
                [
                    (
                        "flag_type",
                        "in",
                        ["performance_watch", "team_performance_watch"],
                    ),
                    ("state", "=", "open"),
                    ("employee_id", "in", [v["employee_id"] for v in vals_list]),
                    ("period_end", ">=", window_start),
                ]
            )
        )
        watched = {(f.flag_type, f.employee_id.id) for f in open_flags}
        return [
            v for v in vals_list if (v["flag_type"], v["employee_id"]) not in watched
        ]
