# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import formatLang

# KPI key -> (company threshold field, "min" or "max", unit)
GATE_KPIS = {
    "achievement": ("telesales_gate_min_achievement", "min", "%"),
    "premium_per_agent": ("telesales_gate_min_premium_per_agent", "min", "money"),
    "attrition": ("telesales_gate_max_attrition", "max", "%"),
}


class TelesalesTeamKpi(models.Model):
    """A team's KPIs for one month, the basis of the headcount gate (SPEC §5).

    Computed for all teams of a month at once (monthly cron, or on demand).
    A KPI whose source is missing (no premium ledger, no target, no headcount)
    is "not evaluated" and never fails the gate. Other modules add their KPIs
    (telesales_quality: the QA pass rate) through :meth:`_gate_kpis`,
    :meth:`_kpi_labels` and :meth:`_team_statistics`.
    """

    _name = "telesales.team.kpi"
    _check_company_auto = True
    _description = "Telesales Team Monthly KPIs"
    _order = "month desc, department_id"

    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True, index=True, readonly=True, help="First day of the month."
    )
    premium = fields.Monetary(
        readonly=True, help="Effective premium of the team's agents."
    )
    target = fields.Monetary(
        readonly=True, help="The team's premium target of the month."
    )
    achievement = fields.Float(
        string="Premium Achievement (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
    )
    achievement_evaluated = fields.Boolean(readonly=True)
    headcount_start = fields.Integer(
        string="Headcount at Month Start",
        readonly=True,
        help="Telesales agents of the team employed on the first day of the month.",
    )
    leavers = fields.Integer(
        readonly=True, help="Agents of the team whose departure date is in the month."
    )
    attrition = fields.Float(
        string="Attrition (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    attrition_evaluated = fields.Boolean(readonly=True)
    premium_per_agent = fields.Monetary(
        readonly=True,
        aggregator="avg",
        help="Premium divided by the headcount at month start.",
    )
    premium_per_agent_evaluated = fields.Boolean(readonly=True)
    passed = fields.Boolean(
        compute="_compute_passed",
        store=True,
        help="Every evaluated KPI meets the thresholds of the settings.",
    )
    failed_kpis = fields.Text(
        string="Failed KPIs", compute="_compute_passed", store=True
    )
    date_computed = fields.Datetime(string="Computed On", readonly=True)

    _sql_constraints = [
        (
            "department_month_uniq",
            "unique(department_id, month)",
            "A team has one KPI record per month.",
        ),
    ]

    @api.depends("department_id", "month")
    def _compute_display_name(self):
        for kpi in self:
            month = kpi.month and kpi.month.strftime("%Y-%m") or ""
            kpi.display_name = f"{kpi.department_id.name or ''} {month}"

    @api.depends(
        "achievement",
        "achievement_evaluated",
        "premium_per_agent",
        "premium_per_agent_evaluated",
        "attrition",
        "attrition_evaluated",
        *(f"company_id.{field}" for field, _op, _unit in GATE_KPIS.values()),
    )
    def _compute_passed(self):
        for kpi in self:
            failures = kpi._gate_failures()
            kpi.passed = not failures
            kpi.failed_kpis = "; ".join(failures) or False

    def _kpi_labels(self):
        return {
            "achievement": self.env._("premium achievement"),
            "premium_per_agent": self.env._("premium per agent"),
            "attrition": self.env._("attrition"),
        }

    @api.model
    def _gate_kpis(self):
        """The KPIs of the gate: ``{key: (company threshold field, "min" or
        "max", unit)}``; each key is a field with its ``<key>_evaluated``."""
        return dict(GATE_KPIS)

    def _gate_failures(self):
        """Translated descriptions of the KPIs that miss the company's
        thresholds, e.g. "premium achievement 72.0% < 85.0%"."""
        self.ensure_one()
        labels = self._kpi_labels()
        failures = []
        for key, (threshold_field, operator, unit) in self._gate_kpis().items():
            if not self[f"{key}_evaluated"]:
                continue
            value = self[key]
            threshold = self.company_id[threshold_field]
            failed = value < threshold if operator == "min" else value > threshold
            if not failed:
                continue
            failures.append(
                self.env._(
                    "%(kpi)s %(value)s %(operator)s %(threshold)s",
                    kpi=labels[key],
                    value=self._format_kpi(value, unit),
                    operator="<" if operator == "min" else ">",
                    threshold=self._format_kpi(threshold, unit),
                )
            )
        return failures

    def _format_kpi(self, value, unit):
        if unit == "%":
            return formatLang(self.env, value, digits=1) + "%"
        return formatLang(self.env, value, currency_obj=self.company_id.currency_id)

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _month_start(self, day):
        return fields.Date.to_date(day).replace(day=1)

    @api.model
    def _cron_compute_last_month(self):
        today = fields.Date.context_today(self)
        return self._compute_team_kpis(
            self._month_start(today) - relativedelta(months=1)
        )

    @api.model
    def _compute_team_kpis(self, month, departments=None):
        """Compute (or recompute) the KPIs of ``departments`` (default: every
        telesales team) for the month containing ``month``; returns them."""
        month = self._month_start(month)
        date_to = month + relativedelta(months=1, days=-1)
        Department = self.env["hr.department"].sudo()
        if departments is None:
            departments = Department._telesales_teams()
        departments = departments.sudo()
        if not departments:
            return self.browse()
        stats = self._team_statistics(departments, month, date_to)
        existing = self.sudo().search(
            [("department_id", "in", departments.ids), ("month", "=", month)]
        )
        by_department = {kpi.department_id.id: kpi for kpi in existing}
        vals_list = []
        now = fields.Datetime.now()
        for department in departments:
            vals = dict(stats[department.id], date_computed=now)
            kpi = by_department.get(department.id)
            if kpi:
                kpi.write(vals)
            else:
                vals.update(
                    department_id=department.id,
                    month=month,
                    company_id=(department.company_id or self.env.company).id,
                )
                vals_list.append(vals)
        return existing | self.sudo().create(vals_list)

    @api.model
    def _get_or_compute(self, departments, month):
        """{department id: KPI record} of the month, computing the missing
        and recomputing the stale (sources changed since, see
        :meth:`_stale_kpis`)."""
        month = self._month_start(month)
        kpis = self.sudo().search(
            [("department_id", "in", departments.ids), ("month", "=", month)]
        )
        kpis = self._refresh_stale(kpis)
        missing = departments - kpis.department_id
        if missing:
            kpis |= self._compute_team_kpis(month, missing)
        return {kpi.department_id.id: kpi for kpi in kpis}

    @api.model
    def _team_statistics(self, departments, date_from, date_to):
        """{department id: KPI field values} computed set-based."""
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        members = Employee.search([("department_id", "in", departments.ids)])
        members.fetch(
            ["department_id", "active", "departure_date", "is_telesales_agent"]
        )
        ranked_at_start = (
            self.env["telesales.rank.history"].sudo()._rank_at(members, date_from)
        )
        headcount = defaultdict(int)
        leavers = defaultdict(int)
        agent_ids = []
        for employee in members:
            departure = employee.departure_date
            is_agent = employee.is_telesales_agent or employee.id in ranked_at_start
            if is_agent:
                agent_ids.append(employee.id)
            employed_at_start = departure >= date_from if departure else employee.active
            if employee.id in ranked_at_start and employed_at_start:
                headcount[employee.department_id.id] += 1
            if is_agent and departure and date_from <= departure <= date_to:
                leavers[employee.department_id.id] += 1
        agents = Employee.browse(agent_ids)
        premiums = self._team_premiums(departments, agents, date_from, date_to)
        targets = self._team_targets(departments, date_from)
        result = {}
        for department in departments:
            dept_id = department.id
            heads = headcount[dept_id]
            premium = premiums.get(dept_id, 0.0) if premiums is not None else 0.0
            target = targets.get(dept_id) or 0.0
            result[dept_id] = {
                "premium": premium,
                "target": target,
                "achievement_evaluated": premiums is not None and target > 0,
                "achievement": premium / target * 100 if target > 0 else 0.0,
                "headcount_start": heads,
                "leavers": leavers[dept_id],
                "attrition_evaluated": heads > 0,
                "attrition": leavers[dept_id] / heads * 100 if heads else 0.0,
                "premium_per_agent_evaluated": premiums is not None and heads > 0,
                "premium_per_agent": premium / heads if heads else 0.0,
            }
        return result

    @api.model
    def _team_premiums(self, departments, agents, date_from, date_to):
        """{department id: effective premium of the team in the period}, or
        None when no premium ledger is installed (premium KPIs not evaluated).

        The leaderboard's and the premium report's definition: each line
        counts for the team it was sold for (kept after a transfer), see
        ``telesales.premium._team_premium_by_month``; ``agents`` is unused.
        """
        if "telesales.premium" not in self.env:
            return None
        by_month = (
            self.env["telesales.premium"]
            .sudo()
            ._team_premium_by_month(departments, date_from, date_to)
        )
        premiums = defaultdict(float)
        for (dept_id, _month), amount in by_month.items():
            premiums[dept_id] += amount
        return premiums

    # ------------------------------------------------------------------
    # Freshness: figures whose sources changed after the computation
    # ------------------------------------------------------------------
    def _stale_kpis(self):
        """The KPIs of ``self`` whose sources changed after they were
        computed: premium lines of the team written since (a late import,
        a refund). Modules with other sources extend it (telesales_quality:
        inspections)."""
        if not self or "telesales.premium" not in self.env:
            return self.browse()
        self.env["telesales.premium"].flush_model()
        self.flush_recordset(["date_computed", "department_id", "month"])
        self.env.cr.execute(
            """
            SELECT k.id
              FROM telesales_team_kpi k
             WHERE k.id IN %s
               AND (k.date_computed IS NULL OR EXISTS (
                    SELECT 1 FROM telesales_premium p
                     WHERE p.department_id = k.department_id
                       AND p.write_date > k.date_computed
                       AND ((p.date >= k.month
                             AND p.date < k.month + INTERVAL '1 month')
                         OR (p.refund_date >= k.month
                             AND p.refund_date < k.month + INTERVAL '1 month'))))
            """,
            [tuple(self.ids)],
        )
        return self.browse(row[0] for row in self.env.cr.fetchall())

    @api.model
    def _refresh_stale(self, kpis):
        """Recompute those of ``kpis`` whose sources changed since they were
        computed; returns ``kpis``."""
        kpis = kpis.sudo()
        stale = kpis._stale_kpis()
        for month in set(stale.mapped("month")):
            teams = stale.filtered(lambda kpi, month=month: kpi.month == month)
            self._compute_team_kpis(month, teams.department_id)
        return kpis

    @api.model
    def web_search_read(self, domain, *args, **kwargs):
        """The Team KPIs screen (list, form): the stale KPIs it shows are
        recomputed first, so it shows the ledger's current figures."""
        self._refresh_stale(self.sudo().search(domain or []))
        return super().web_search_read(domain, *args, **kwargs)

    @api.model
    def read_group(self, domain, *args, **kwargs):
        """The grouped list, pivot and graph: same as :meth:`web_search_read`."""
        self._refresh_stale(self.sudo().search(domain or []))
        return super().read_group(domain, *args, **kwargs)

    @api.model
    def _team_targets(self, departments, month):
        """{department id: premium target of the month}: the monthly targets
        when the target model is installed, else the team's standing target."""
        targets = {
            department.id: department.telesales_monthly_target
            for department in departments
        }
        if "telesales.target" in self.env:
            recorded = (
                self.env["telesales.target"].sudo()._team_targets(departments, month)
            )
            targets.update({key: value for key, value in recorded.items() if value})
        return targets
