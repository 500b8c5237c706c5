# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models
from odoo.tools import SQL, create_index

from .telesales_dnc import normalize_number

# Fields whose change moves a call to another agent-day or changes its flags.
_VIOLATION_INPUTS = {
    "employee_id",
    "start",
    "call_date",
    "direction",
    "callee_number",
    "callee_normalized",
    "company_id",
}


class TelesalesCall(models.Model):
    """A call record (话单) from the dialer / CTI.

    Millions of rows a month, written by the bulk importer
    (telesales.call.import) with COPY and INSERT ... SELECT; ``external_id``
    makes every import idempotent. The compliance flags are computed
    set-based per agent and local day by :meth:`_compute_violations`
    (telesales_call_violations.py).

    Built for volume: no mail.thread; no create/write user and date columns
    (``_log_access``): the record is the dialer's log, and each foreign key
    costs PostgreSQL a lookup per inserted row; only the indexes the
    daily computations and the list need (the agent-day, the start, the
    violations, a BRIN on the day; team and period filters go through the
    day).
    """

    _name = "telesales.call"
    _check_company_auto = True
    _description = "Telesales Call"
    _inherit = ["telesales.team.mixin"]
    _order = "start desc, id desc"
    _rec_name = "external_id"
    _log_access = False

    external_id = fields.Char(
        string="Call ID", required=True, help="The dialer's own id of the call."
    )
    # the (employee_id, call_date, start) index serves employee_id alone
    employee_id = fields.Many2one(index=False)
    company_id = fields.Many2one(index=False)
    # team rules and reports filter on the day first (BRIN); an index on the
    # team would cost every bulk insert
    department_id = fields.Many2one(index=False)
    dialer_id = fields.Many2one(
        "telesales.dialer",
        ondelete="restrict",
        check_company=True,
        help="The dialer that sent the call.",
    )
    callee_number = fields.Char(required=True, help="Number as dialled.")
    callee_normalized = fields.Char(
        string="Normalised Number",
        compute="_compute_callee_normalized",
        store=True,
        precompute=True,
        help="Callee number in the normalised form used by the do-not-call list "
        "(not indexed: random numbers make a costly index for bulk loads; the "
        "list's changes look calls up by start).",
    )
    start = fields.Datetime(required=True, index=True)
    call_date = fields.Date(
        string="Day",
        compute="_compute_call_date",
        store=True,
        precompute=True,
        help="The day of the call in the agent's timezone: daily caps and "
        "compliance count per agent and this day.",
    )
    direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")],
        required=True,
        default="outbound",
    )
    connected = fields.Boolean(help="接通: the callee answered.")
    ring_seconds = fields.Integer()
    talk_seconds = fields.Integer(aggregator="sum")
    wait_seconds = fields.Integer(help="Agent waiting for a call (VICIdial wait_sec).")
    pause_seconds = fields.Integer(help="Agent paused (VICIdial pause_sec).")
    wrapup_seconds = fields.Integer(
        string="Wrap-up Seconds", help="After-call work (VICIdial dispo_sec)."
    )
    duration_seconds = fields.Integer(
        string="Length (s)", help="Total call length as reported by the dialer."
    )
    disposition = fields.Char(
        help="The dialer's status / disposition code (SALE, NI …)."
    )
    lead_ref = fields.Char(string="Lead", help="The dialer's or CRM's lead id.")
    recording_ref = fields.Char(string="Recording")
    violation_dnc = fields.Boolean(
        string="Do-not-call Violation",
        readonly=True,
        help="The callee was on the do-not-call list when the call started.",
    )
    violation_window = fields.Boolean(
        string="Outside Calling Window",
        readonly=True,
        help="The call started outside the permitted calling window (hours, "
        "and working days when the company requires them).",
    )
    violation_cap = fields.Boolean(
        string="Over Daily Dial Cap",
        readonly=True,
        help="The call was dialled after the agent's daily outbound cap was reached.",
    )
    is_violation = fields.Boolean(
        string="Compliance Violation",
        compute="_compute_is_violation",
        store=True,
    )

    _sql_constraints = [
        (
            "external_id_company_uniq",
            "unique(external_id, company_id)",
            "A call id must be unique per company.",
        ),
        (
            "seconds_positive",
            "CHECK(ring_seconds >= 0 AND talk_seconds >= 0 AND wait_seconds >= 0 "
            "AND pause_seconds >= 0 AND wrapup_seconds >= 0 "
            "AND duration_seconds >= 0)",
            "Call durations cannot be negative.",
        ),
    ]

    def init(self):
        # indexes of the first version, costly for bulk loads (see the docstring)
        for column in (
            "employee_id", "company_id", "department_id", "callee_normalized",
            "call_date", "is_violation",
        ):  # fmt: skip
            self.env.cr.execute(
                SQL(
                    "DROP INDEX IF EXISTS %s",
                    SQL.identifier(f"telesales_call__{column}_index"),
                )
            )
        # the agent-day is the unit of every daily computation
        create_index(
            self.env.cr,
            "telesales_call_employee_day_idx",
            self._table,
            ["employee_id", "call_date", "start"],
        )
        # calls arrive roughly in time order: a BRIN index on the day serves
        # period filters at almost no cost for bulk inserts
        create_index(
            self.env.cr,
            "telesales_call_call_date_brin",
            self._table,
            ["call_date"],
            method="brin",
        )
        # violations are few: a partial index instead of one on a boolean
        create_index(
            self.env.cr,
            "telesales_call_violation_idx",
            self._table,
            ["call_date"],
            where="is_violation",
        )

    @api.depends("callee_number")
    def _compute_callee_normalized(self):
        for call in self:
            call.callee_normalized = normalize_number(call.callee_number) or False

    @api.depends("start", "employee_id")
    def _compute_call_date(self):
        for call in self:
            if not call.start:
                call.call_date = False
                continue
            employee = call.employee_id.sudo()
            tz = pytz.timezone(employee._telesales_tz() if employee else "UTC")
            call.call_date = pytz.utc.localize(call.start).astimezone(tz).date()

    @api.depends("violation_dnc", "violation_window", "violation_cap")
    def _compute_is_violation(self):
        for call in self:
            call.is_violation = (
                call.violation_dnc or call.violation_window or call.violation_cap
            )

    # ------------------------------------------------------------------
    # ORM path (Odoo's importer, manual entry): flags after each batch
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        calls = super().create(vals_list)
        calls.sudo()._compute_violations(calls.ids)
        return calls

    def write(self, vals):
        if not _VIOLATION_INPUTS & set(vals):
            return super().write(vals)
        self.flush_recordset(["employee_id", "call_date"])
        old_days = self.sudo()._agent_days(self.ids)
        result = super().write(vals)
        self.sudo()._compute_violations(self.ids, extra_days=old_days)
        return result
