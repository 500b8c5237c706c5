# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .telesales_daily_compliance_rules import ABSENCE_SELECTION, TIER_SELECTION


class TelesalesDailyCompliance(models.Model):
    """One row per agent and working day: calls against the daily targets and
    attendance against the working schedule (SPEC §4).

    Rows are computed set-based by ``_compute_for_range`` (nightly cron, the
    "Compute Compliance" wizard); nobody edits them: the computation writes
    them inside a workflow step, a client write is refused whoever sends it.
    A recompute updates each (agent, day) row in place, so that payroll's
    source links keep pointing at it. The rows hold facts in minutes and
    counts; telesales_payroll values them (it declares the money fields,
    computed by its extension of ``_row_values``, and shows them on the
    screens and exports by inheritance), sums ``attendance_deduction`` per
    period and sets ``locked`` on the rows it paid (the workflow "state" of a
    row): a recompute never touches a locked row, and a locked row is never
    deleted.
    """

    _name = "telesales.daily.compliance"
    _description = "Telesales Daily Compliance"
    _inherit = ["telesales.workflow.mixin", "telesales.team.mixin"]
    _order = "date desc, employee_id"
    _workflow_state_field = "locked"
    _workflow_deletable_states = (False,)

    date = fields.Date(required=True, index=True, readonly=True)
    rank_id = fields.Many2one(
        "telesales.rank", readonly=True, help="Rank held that day."
    )
    is_newcomer = fields.Boolean(
        string="Trainee", readonly=True, help="The agent held the lowest rank that day."
    )
    locked = fields.Boolean(
        readonly=True,
        default=False,
        help="Set by payroll once the day's deductions are paid: the day is never "
        "recomputed again.",
    )
    # working schedule (calendar, minus public holidays and approved leave)
    expected_start = fields.Datetime(string="Shift Start", readonly=True)
    expected_end = fields.Datetime(string="Shift End", readonly=True)
    expected_hours = fields.Float(readonly=True)
    day_share = fields.Float(
        readonly=True,
        aggregator="avg",
        help="Share of a full working day expected (less than 1 on a half-day leave); "
        "the call targets are prorated by it.",
    )
    # calls
    dials = fields.Integer(string="Outbound Calls", readonly=True)
    connected_calls = fields.Integer(readonly=True)
    required_connected_calls = fields.Integer(readonly=True, aggregator="avg")
    talk_seconds = fields.Integer(
        string="Talk Seconds (counted)",
        readonly=True,
        help="Talk time up to the cut-off; a call running past it counts until "
        "the cut-off.",
    )
    talk_hours = fields.Float(
        readonly=True, aggregator="avg", help="Counted talk time."
    )
    talk_seconds_total = fields.Integer(string="Talk Seconds (all)", readonly=True)
    required_talk_hours = fields.Float(readonly=True, aggregator="avg")
    violation_calls = fields.Integer(
        string="Calls With Violations",
        readonly=True,
        help="Calls to do-not-call numbers, outside the calling window or over "
        "the cap.",
    )
    first_call_time = fields.Float(
        string="First Morning Call", readonly=True, aggregator="avg"
    )
    afternoon_call_time = fields.Float(
        string="First Afternoon Call", readonly=True, aggregator="avg"
    )
    deals = fields.Integer(readonly=True)
    # attendance
    check_in = fields.Datetime(readonly=True)
    check_out = fields.Datetime(readonly=True)
    missing_check_out = fields.Boolean(readonly=True)
    late_minutes = fields.Integer(readonly=True)
    early_minutes = fields.Integer(string="Early Leave Minutes", readonly=True)
    late_tier = fields.Selection(TIER_SELECTION, readonly=True, default="none")
    early_tier = fields.Selection(
        TIER_SELECTION, string="Early Leave Tier", readonly=True, default="none"
    )
    absence = fields.Selection(ABSENCE_SELECTION, readonly=True, default="none")
    absence_days = fields.Float(readonly=True)
    warning_due = fields.Boolean(
        string="Warning",
        readonly=True,
        help="An absence earns a warning (警告) on top of the deduction.",
    )
    overtime_required_hours = fields.Float(string="Overtime Required", readonly=True)
    overtime_hours = fields.Float(
        string="Overtime Done", readonly=True, help="Time after the end of the shift."
    )
    # rules: True means the rule was broken
    fail_connected = fields.Boolean(string="Too Few Connected Calls", readonly=True)
    fail_talk = fields.Boolean(string="Too Little Talk Time", readonly=True)
    fail_first_call = fields.Boolean(string="Late First Call", readonly=True)
    fail_afternoon_call = fields.Boolean(string="Late Afternoon Call", readonly=True)
    fail_dial_cap = fields.Boolean(string="Over Dial Cap", readonly=True)
    fail_violations = fields.Boolean(string="Call Violations", readonly=True)
    fail_overtime = fields.Boolean(
        string="Overtime Missing",
        readonly=True,
        help="Non-compliant day without the required overtime.",
    )
    compliant = fields.Boolean(readonly=True, index=True)
    color = fields.Integer(
        readonly=True, help="Calendar colour: green compliant, orange not, red absent."
    )
    reasons = fields.Text(readonly=True)
    kpi_deduction_ids = fields.Many2many(
        "telesales.kpi.deduction",
        compute="_compute_kpi_deduction_ids",
        string="KPI Deductions",
    )

    _sql_constraints = [
        (
            "employee_date_uniq",
            "unique(employee_id, date)",
            "There is one compliance row per agent and day.",
        ),
    ]

    # half of each page left free: a recompute rewrites every row of its
    # range in place, and a new version that fits on the same page is a HOT
    # update, which writes none of the table's eight indexes (a month of
    # 2,000 agents: about a second less; the table is small next to the calls)
    FILLFACTOR = 50

    def init(self):
        self.env.cr.execute(
            "SELECT reloptions FROM pg_class WHERE oid = %s::regclass", [self._table]
        )
        wanted = f"fillfactor={self.FILLFACTOR}"
        if wanted not in (self.env.cr.fetchone()[0] or []):
            self.env.cr.execute(
                SQL(
                    "ALTER TABLE %s SET (fillfactor = %s)",
                    SQL.identifier(self._table),
                    SQL(str(self.FILLFACTOR)),
                )
            )

    @api.depends("employee_id", "date")
    def _compute_display_name(self):
        for row in self:
            row.display_name = f"{row.employee_id.name} – {row.date}"

    @api.depends("employee_id", "date")
    def _compute_kpi_deduction_ids(self):
        Deduction = self.env["telesales.kpi.deduction"]
        found = (
            Deduction.search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("date", "in", list(set(self.mapped("date")))),
                ]
            )
            if self
            else Deduction
        )
        for row in self:
            row.kpi_deduction_ids = found.filtered(
                lambda d, row=row: (
                    d.employee_id == row.employee_id and d.date == row.date
                )
            )

    # ------------------------------------------------------------------
    # Guard: facts written by the computation and by payroll only
    # ------------------------------------------------------------------
    def _telesales_set_paid(self, paid=True):
        """Payroll: lock the days it paid (``paid``) or release them."""
        return self._workflow_write({"locked": bool(paid)})

    def _workflow_check_client_write(self, vals):
        fnames = sorted(f for f in vals if not self._workflow_free(f))
        if fnames and self:
            raise AccessError(
                self.env._(
                    "%(record)s: compliance days are computed from the calls and "
                    "the attendance; nobody edits them (field %(field)s). Correct "
                    "the calls or the attendance and compute the days again.",
                    record=self[0].display_name,
                    field=self._workflow_field_label(fnames[0]),
                )
            )

    def _workflow_state_label(self, state=None):
        self.ensure_one()
        state = self.locked if state is None else state
        return self.env._("paid by payroll") if state else self.env._("not paid")

    @api.ondelete(at_uninstall=False)
    def _unlink_workflow_deletable(self):
        locked = self.filtered("locked")
        if locked:
            raise UserError(
                self.env._(
                    "Compliance days already paid by payroll cannot be deleted: "
                    "%(days)s.",
                    days=", ".join(locked.mapped("display_name")),
                )
            )
