# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# One signed amount per ledger line and month it counts in (SPEC §3):
# - effective: + amount in the sale month;
# - cancelled: nowhere;
# - refunded in the sale month (or without refund date): nowhere;
# - refunded in a later month: + amount in the sale month, - amount in the
#   refund month (the commission paid for the sale month is taken back later).
# Shared by the public API below and the SQL view telesales.premium.month.
PREMIUM_EVENTS = """
    SELECT p.id AS line_id, p.employee_id, p.department_id, p.company_id,
           p.date AS event_date, p.amount AS amount
      FROM telesales_premium p
     WHERE p.state = 'effective'
        OR (p.state = 'refunded' AND p.refund_date IS NOT NULL
            AND date_trunc('month', p.refund_date) > date_trunc('month', p.date))
    UNION ALL
    SELECT p.id, p.employee_id, p.department_id, p.company_id,
           p.refund_date, -p.amount
      FROM telesales_premium p
     WHERE p.state = 'refunded' AND p.refund_date IS NOT NULL
       AND date_trunc('month', p.refund_date) > date_trunc('month', p.date)
"""


class TelesalesPremium(models.Model):
    """The sales ledger: one line per policy or order an agent sold (保费).

    Lines come from the sales or CRM system through Odoo's importer (CSV,
    XLSX) or its pushes to ``POST /telesales/api/premium`` (see
    telesales_premium_push.py). ``external_id`` is the sales system's id of
    the line: re-importing a file updates the lines it already created
    instead of duplicating them (see :meth:`load`).
    """

    _name = "telesales.premium"
    _check_company_auto = True
    _description = "Telesales Premium Line"
    _inherit = ["telesales.team.mixin"]
    _order = "date desc, id desc"
    _rec_name = "external_id"

    external_id = fields.Char(
        string="External ID",
        required=True,
        index=True,
        help="Id of the policy or order line in the sales / CRM system; "
        "unique per company, it makes re-imports idempotent.",
    )
    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        help="Day the policy or order became effective (sale date).",
    )
    amount = fields.Monetary(
        required=True,
        help="Premium of the policy or amount of the order.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("effective", "Effective"),
            ("cancelled", "Cancelled"),
            ("refunded", "Refunded"),
        ],
        required=True,
        default="effective",
        index=True,
        help="Cancelled lines never count. A refunded line counts nowhere when "
        "it is refunded in its sale month; refunded in a later month it "
        "counts in the sale month and is deducted in the refund month.",
    )
    refund_date = fields.Date(
        help="Day the policy was refunded (退保) or the order reimbursed.",
    )
    policy_ref = fields.Char(
        string="Policy / Order",
        index=True,
        help="Policy number or order reference in the sales system.",
    )
    note = fields.Char()
    sales_system_id = fields.Many2one(
        "telesales.sales.system",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The sales system that pushed the line (empty when imported from a file).",
    )

    _sql_constraints = [
        (
            "external_id_company_uniq",
            "unique(external_id, company_id)",
            "A premium line's external id must be unique per company.",
        ),
    ]

    @api.constrains("amount", "state", "date", "refund_date")
    def _check_amounts_and_dates(self):
        for line in self:
            if line.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "Premium line %(ref)s: the amount must be positive "
                        "(got %(amount)s). Record a refund with the state "
                        "Refunded and a refund date.",
                        ref=line.external_id,
                        amount=line.amount,
                    )
                )
            if line.refund_date and line.state != "refunded":
                raise ValidationError(
                    self.env._(
                        "Premium line %(ref)s: only a refunded line has a refund date.",
                        ref=line.external_id,
                    )
                )
            if line.refund_date and line.refund_date < line.date:
                raise ValidationError(
                    self.env._(
                        "Premium line %(ref)s: the refund date %(refund)s is "
                        "before the sale date %(date)s.",
                        ref=line.external_id,
                        refund=line.refund_date,
                        date=line.date,
                    )
                )

    # ------------------------------------------------------------------
    # Import: idempotent on external_id
    # ------------------------------------------------------------------
    @api.model
    def load(self, fields, data):
        """Map rows whose external id already exists to that line.

        Odoo's importer creates a record per row unless the row carries a
        database id (``.id``) or an xml id (``id``). The sales system only
        knows its own id, so we inject ``.id`` from ``external_id``:
        importing the same file twice writes the same values to the same
        lines and creates nothing. Everything else (row-level error
        messages, all-or-nothing rollback) is Odoo's ``load``.
        """
        if "external_id" not in fields or "id" in fields or ".id" in fields:
            return super().load(fields, data)
        index = fields.index("external_id")
        refs = {row[index].strip() for row in data if row[index] and row[index].strip()}
        existing = {}
        if refs:
            companies = self.env.companies
            lines = self.with_context(active_test=False).search(
                [("external_id", "in", list(refs)), ("company_id", "in", companies.ids)]
            )
            # the current company wins when two companies share an id
            for line in lines.sorted(lambda rec: rec.company_id == self.env.company):
                existing[line.external_id] = line.id
        data = [
            [*row, str(existing.get((row[index] or "").strip(), ""))] for row in data
        ]
        return super().load([*fields, ".id"], data)

    # ------------------------------------------------------------------
    # Public API: effective premium (one SQL query each)
    # ------------------------------------------------------------------
    @api.model
    def _premium_totals(self, key, records, date_from, date_to, by_month=False):
        """Effective premium between two dates (inclusive) summed by ``key``
        (``employee_id`` or ``department_id``: the line's team, kept after
        transfers) of ``records``, and by month when ``by_month``.

        Returns ``{id: amount}`` or ``{(id, first day of the month): amount}``;
        keys without premium are absent.
        """
        if not records:
            return {}
        self.flush_model()
        group = SQL.identifier(key)
        if by_month:
            group = SQL("%s, date_trunc('month', event_date)::date", group)
        self.env.cr.execute(
            SQL(
                """
                SELECT %(group)s, SUM(amount)
                  FROM (%(events)s) ev
                 WHERE %(key)s IN %(ids)s AND event_date BETWEEN %(date_from)s
                                                         AND %(date_to)s
              GROUP BY %(group)s
                """,
                group=group,
                events=SQL(PREMIUM_EVENTS),
                key=SQL.identifier(key),
                ids=tuple(records.ids),
                date_from=date_from,
                date_to=date_to,
            )
        )
        if by_month:
            return {
                (rid, month): amount for rid, month, amount in self.env.cr.fetchall()
            }
        return dict(self.env.cr.fetchall())

    @api.model
    def _effective_premium(self, employees, date_from, date_to):
        """Effective premium of each employee between two dates (inclusive).

        Cancelled lines never count; a line refunded in a later month counts
        in its sale month and is deducted in its refund month (SPEC §3).
        Returns ``{employee id: amount}``; employees without premium are absent.
        """
        return self._premium_totals("employee_id", employees, date_from, date_to)

    @api.model
    def _effective_premium_by_month(self, employees, date_from, date_to):
        """Same as :meth:`_effective_premium`, split by month.

        Returns ``{(employee id, first day of the month): amount}``.
        """
        return self._premium_totals(
            "employee_id", employees, date_from, date_to, by_month=True
        )

    @api.model
    def _team_premium_by_month(self, departments, date_from, date_to):
        """Effective premium of teams by month, counted on the team the agent
        belonged to at the sale (the line's team, kept after transfers).

        Returns ``{(department id, first day of the month): amount}``.
        """
        return self._premium_totals(
            "department_id", departments, date_from, date_to, by_month=True
        )

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_sales_vals(self, agent, start, end, total, count, rng, keys):
        """Demo data: ``count`` sales of ``agent`` between ``start`` and
        ``end`` adding up to about ``total``, a few cancelled or refunded.
        ``keys`` = (external id key, policy reference key)."""
        weights = [rng.random() for _dummy in range(count)]
        unit = total / sum(weights)
        vals_list = []
        for seq, weight in enumerate(weights):
            day = start + relativedelta(days=rng.randrange((end - start).days + 1))
            draw = rng.random()
            state, refund_date = "effective", False
            if draw < 0.04:
                state = "cancelled"
            elif draw < 0.08:
                state = "refunded"
                refund_date = min(day + relativedelta(days=rng.randrange(5, 50)), end)
            vals_list.append(
                {
                    "external_id": f"DEMO-{keys[0]}-{agent.id}-{seq:03d}",
                    "employee_id": agent.id,
                    "date": day,
                    "amount": round(max(weight * unit, 100.0), -1),
                    "state": state,
                    "refund_date": refund_date,
                    "policy_ref": f"P{keys[1]}{agent.id:04d}{seq:03d}",
                }
            )
        return vals_list

    @api.model
    def _demo_create(self, vals_list):
        """Create the demo lines not created yet (idempotent on external id)."""
        existing = set(
            self.search(
                [("external_id", "in", [v["external_id"] for v in vals_list])]
            ).mapped("external_id")
        )
        return self.create([v for v in vals_list if v["external_id"] not in existing])

    @api.model
    def _telesales_demo_premium(self):
        """One closed quarter of premium for every telesales agent, plus the
        drafted review of that quarter (deterministic, set-based)."""
        Review = self.env["telesales.rank.review"]
        today = fields.Date.context_today(self)
        year, quarter = Review._previous_quarter(today)
        date_from, date_to = Review._quarter_dates(year, quarter)
        agents = self.env["hr.employee"].search(
            [("is_telesales_agent", "=", True)], order="id"
        )
        if not agents:
            return
        periods = self.env["telesales.rank.history"]._rank_periods(
            agents, date_from, date_to
        )
        rng = random.Random(20260101)
        vals_list = []
        by_company = defaultdict(lambda: self.env["hr.employee"])
        for agent in agents.filtered(lambda e: e.id in periods):
            by_company[agent.company_id] |= agent
            rank, start = periods[agent.id][-1][0], periods[agent.id][0][1]
            # quarter volume around the rank's threshold: some agents promote,
            # most keep, some demote
            base = max(rank.quarter_threshold, 30000.0)
            quarter_total = base * rng.choice(
                [0.6, 0.9, 1.12, 1.15, 1.2, 1.3, 1.6, 2.1]
            )
            # sales from the day the agent holds a rank (hired inside the quarter)
            quarter_total *= ((date_to - start).days + 1) / (
                (date_to - date_from).days + 1
            )
            weeks = (date_to - start).days // 7 + 1
            vals_list += self._demo_sales_vals(
                agent,
                start,
                date_to,
                quarter_total,
                weeks * 3,
                rng,
                (f"{year}Q{quarter}", f"{year}{quarter}"),
            )
        self._demo_create(vals_list)
        for company in by_company:
            if not Review.search_count(
                [
                    ("company_id", "=", company.id),
                    ("year", "=", year),
                    ("quarter", "=", quarter),
                    ("state", "!=", "cancelled"),
                ]
            ):
                Review.with_company(company).create(
                    {"company_id": company.id, "year": year, "quarter": quarter}
                ).action_compute()
