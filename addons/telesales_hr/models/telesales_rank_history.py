# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .telesales_workflow_mixin import workflow_step_active

#: entries only a workflow step writes (applying a review, a penalty)
WORKFLOW_ORIGINS = ("review", "penalty")


class TelesalesRankHistory(models.Model):
    """One rank held by an employee from a start date on.

    The history is append-only: a rank ends where the next entry of the same
    employee starts, so payroll for any past month finds the rank held then.
    A mistake is corrected by a new entry, never by rewriting an old one.
    """

    _name = "telesales.rank.history"
    _check_company_auto = True
    _inherit = ["telesales.ondelete.guard"]
    _description = "Telesales Rank History"
    _order = "employee_id, date_start desc, id desc"
    _rec_name = "rank_id"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        help="Team of the employee when the entry was made.",
        readonly=True,
        check_company=True,
    )
    rank_id = fields.Many2one(
        "telesales.rank", required=True, ondelete="restrict", check_company=True
    )
    rank_sequence = fields.Integer(related="rank_id.sequence")
    date_start = fields.Date(required=True, index=True, default=fields.Date.today)
    date_end = fields.Date(
        compute="_compute_date_end",
        help="Last day the rank was held: the day before the next entry starts.",
    )
    origin = fields.Selection(
        [
            ("initial", "Hiring"),
            ("manual", "Manual"),
            ("review", "Quarterly Review"),
            ("penalty", "Penalty"),
        ],
        required=True,
        default="manual",
    )
    origin_ref = fields.Reference(
        selection="_selection_origin_ref",
        string="Source Document",
        help="The review line or the disciplinary case that wrote this entry.",
    )
    reason = fields.Text()

    def init(self):
        # paid-once for promotions: a review line writes at most one entry,
        # even when two transactions apply the same review at once
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS telesales_rank_history_review_line_uniq
                ON telesales_rank_history (origin_ref)
             WHERE origin = 'review'
               AND origin_ref LIKE 'telesales.rank.review.line,%'
            """
        )

    @api.model
    def _selection_origin_ref(self):
        """Models that write rank history; other modules extend this list."""
        model = "telesales.rank.review.line"
        # the model's name in the reader's language
        return [(model, self.env["ir.model"]._get(model).name)]

    @api.depends("employee_id", "date_start")
    def _compute_date_end(self):
        nexts = self._next_start_dates()
        for entry in self:
            next_start = nexts.get(entry.id)
            entry.date_end = next_start and fields.Date.subtract(next_start, days=1)

    def _next_start_dates(self):
        if not self.ids:
            return {}
        self.flush_model(["employee_id", "date_start"])
        self.env.cr.execute(
            """
            SELECT id, next_start FROM (
                SELECT id, LEAD(date_start) OVER (
                    PARTITION BY employee_id ORDER BY date_start, id
                ) AS next_start
                FROM telesales_rank_history
                WHERE employee_id IN %s
            ) h WHERE id IN %s
            """,
            [tuple(self.employee_id.ids), tuple(self.ids)],
        )
        return dict(self.env.cr.fetchall())

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not workflow_step_active():
            for vals in vals_list:
                if vals.get("origin") in WORKFLOW_ORIGINS or vals.get("origin_ref"):
                    raise UserError(
                        self.env._(
                            "Rank history: entries of a quarterly review or of a "
                            "penalty are written when the review or the case is "
                            "applied, never by hand."
                        )
                    )
        employees = self.env["hr.employee"].browse(
            [vals["employee_id"] for vals in vals_list if vals.get("employee_id")]
        )
        teams = {employee.id: employee.department_id.id for employee in employees}
        for vals in vals_list:
            vals.setdefault("department_id", teams.get(vals.get("employee_id")))
        entries = super().create(vals_list)
        entries.employee_id._refresh_telesales_rank()
        return entries

    def write(self, vals):
        if set(vals) - {"reason"}:
            raise UserError(
                self.env._(
                    "Rank history is never rewritten. To correct %(employee)s's "
                    "rank, add a new entry from the date the correction applies.",
                    employee=self.employee_id[:1].name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Rank history is never deleted. Add a new entry to correct a rank."
            )
        )

    @api.model
    def _rank_at(self, employees, date):
        """{employee id: telesales.rank} held by each employee on `date`."""
        if not employees:
            return {}
        self.flush_model(["employee_id", "date_start", "rank_id"])
        self.env.cr.execute(
            """
            SELECT DISTINCT ON (employee_id) employee_id, rank_id
              FROM telesales_rank_history
             WHERE employee_id IN %s AND date_start <= %s
          ORDER BY employee_id, date_start DESC, id DESC
            """,
            [tuple(employees.ids), date],
        )
        Rank = self.env["telesales.rank"]
        return {
            emp_id: Rank.browse(rank_id) for emp_id, rank_id in self.env.cr.fetchall()
        }

    @api.model
    def _rank_periods(self, employees, date_from, date_to):
        """Ranks held inside [date_from, date_to], for proration.

        Returns {employee id: [(rank, start, end), ...]} in date order, each
        period clipped to the interval. Employees without rank are absent.
        """
        if not employees:
            return {}
        self.flush_model(["employee_id", "date_start", "rank_id"])
        # Entries starting inside the interval, plus the last one before it;
        # of entries sharing a start date only the newest counts.
        self.env.cr.execute(
            """
            WITH dedup AS (
                SELECT DISTINCT ON (employee_id, date_start)
                       employee_id, date_start, rank_id
                  FROM telesales_rank_history
                 WHERE employee_id IN %(emps)s AND date_start <= %(to)s
              ORDER BY employee_id, date_start, id DESC
            ), spans AS (
                SELECT employee_id, rank_id, date_start,
                       LEAD(date_start) OVER (
                           PARTITION BY employee_id ORDER BY date_start
                       ) - 1 AS date_end
                  FROM dedup
            )
            SELECT employee_id, rank_id,
                   GREATEST(date_start, %(from)s) AS p_start,
                   LEAST(COALESCE(date_end, %(to)s), %(to)s) AS p_end
              FROM spans
             WHERE COALESCE(date_end, %(to)s) >= %(from)s
          ORDER BY employee_id, date_start
            """,
            {"emps": tuple(employees.ids), "from": date_from, "to": date_to},
        )
        Rank = self.env["telesales.rank"]
        periods = defaultdict(list)
        for emp_id, rank_id, start, end in self.env.cr.fetchall():
            periods[emp_id].append((Rank.browse(rank_id), start, end))
        return dict(periods)
