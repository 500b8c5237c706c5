# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import random
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_round

from odoo.addons.resource.models.utils import Intervals

from .bulk import bulk_upsert

TIER_SELECTION = [
    ("none", "On Time"),
    ("minor", "Minor"),
    ("major", "Major"),
    ("absence", "Half-day Absence"),
]
ABSENCE_SELECTION = [
    ("none", "None"),
    ("half", "Half Day"),
    ("full", "Full Day"),
]
# KPI breach found by the daily computation -> company field holding its points
KPI_BREACH_POINTS = {
    "first_call": "telesales_kpi_first_call",
    "afternoon_call": "telesales_kpi_first_call",
    "no_overtime": "telesales_kpi_no_overtime",
    "early_leave": "telesales_kpi_early_leave",
    "late_arrival": "telesales_kpi_late",
    "absence": "telesales_kpi_absence",
}


def _hours_label(seconds):
    """'3:29' for 12,599 seconds (hours:minutes, minutes truncated)."""
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


class TelesalesDailyCompliance(models.Model):
    """One row per agent and working day: calls against the daily targets and
    attendance against the working schedule (SPEC §4).

    Rows are computed set-based by ``_compute_for_range`` (nightly cron, the
    "Compute Compliance" wizard); nobody edits them: the computation writes
    them inside a workflow step, a client write is refused whoever sends it.
    A recompute updates each (agent, day) row in place, so that payroll's
    source links keep pointing at it. Payroll sums ``attendance_deduction``
    per period and sets ``locked`` on the rows it paid (the workflow "state"
    of a row): a recompute never touches a locked row, and a locked row is
    never deleted.
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
    currency_id = fields.Many2one(related="company_id.currency_id")
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
    # money
    day_wage = fields.Monetary(
        readonly=True,
        help="Base wage of the rank held that day divided by the working days "
        "of the month in the agent's schedule.",
    )
    late_deduction = fields.Monetary(readonly=True)
    early_deduction = fields.Monetary(string="Early Leave Deduction", readonly=True)
    absence_deduction = fields.Monetary(readonly=True)
    attendance_deduction = fields.Monetary(
        readonly=True, help="Late, early leave and absence deductions of the day."
    )
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

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _compute_for_range(
        self, date_from, date_to, employees=None, now=None, attendance_complete=False
    ):
        """(Re)compute the rows of ``employees`` (default: every active
        telesales agent) for the days ``date_from`` … ``date_to``.

        Unlocked rows of the range are updated in place (same ids; the rows of
        days no longer worked are deleted); locked rows (paid by payroll) are
        kept as they are. Then the KPI deductions of the breaches, proxy
        punch flags, absence escalation and newcomer coaching follow.
        Everything is set-based: one query for the calls, one for the
        attendance, the calendars once per (calendar, time zone).

        ``now`` (UTC, default the current time) decides which days are over;
        a day not over yet, or without any attendance imported, is
        provisional: no deduction, no KPI breach (SPEC §4), see
        ``_provisional_days``. ``attendance_complete``: HR confirms that the
        attendance of the range is complete, so a day without any check-in
        is final (an absence) once it is over.
        Returns the rows created or updated.
        """
        prepared = self._prepare_range(
            date_from, date_to, employees, now, attendance_complete, lock=True
        )
        if not prepared:
            return self.browse()
        employees = prepared["employees"]
        date_from, date_to = prepared["date_from"], prepared["date_to"]
        vals_list = prepared["vals_list"]
        locked_keys = prepared["locked_keys"]
        self._delete_stale(employees, date_from, date_to, vals_list)
        rows = bulk_upsert(
            self,
            vals_list,
            conflict=("employee_id", "date"),
            keep=("locked", "department_id", "company_id"),
            where=SQL("telesales_daily_compliance.locked IS NOT TRUE"),
        )
        self.env["telesales.kpi.deduction"]._sync_compliance_breaches(
            employees, date_from, date_to, locked_keys
        )
        self.env["hr.attendance"]._telesales_detect_proxy_punch(
            employees, date_from, date_to, prepared["tz_names"]
        )
        self._check_absence_escalation(employees, date_from, date_to)
        if prepared["deals"] is not None:
            self._check_newcomer_coaching(employees, date_from, date_to)
        return rows

    @api.model
    def _prepare_range(
        self, date_from, date_to, employees, now, attendance_complete, lock=True
    ):
        """The values of the rows ``_compute_for_range`` writes, without
        writing anything (the wizard's preview calls it with ``lock=False``).

        Returns None when there is nothing to compute, else a dict with
        "employees", "date_from", "date_to", "vals_list", "locked_keys"
        (rows paid by payroll, kept), "tz_names" and "deals".
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if date_from > date_to:
            raise UserError(self.env._("The start date must be before the end date."))
        now = now or fields.Datetime.now()
        if employees is None:
            employees = self.env["hr.employee"].search(
                [("is_telesales_agent", "=", True)]
            )
        employees = employees.filtered("resource_id")
        if not employees:
            return None
        params_by_company = {
            company.id: self._company_params(company)
            for company in employees.company_id
        }
        schedules = self._schedules(employees, date_from, date_to)
        tz_names = {emp_id: s["tz"] for emp_id, s in schedules.items()}
        for employee in employees:
            params = params_by_company[employee.company_id.id]
            schedules[employee.id]["cutoff"] = params["cutoff"]
        calls = self._call_figures(employees, date_from, date_to, schedules)
        punches = self._attendance_figures(employees, date_from, date_to, tz_names)
        deals = self.env["hr.employee"]._telesales_deal_counts(
            employees, date_from, date_to
        )
        ranks = self.env["telesales.rank.history"]._rank_periods(
            employees, date_from, date_to
        )
        locked_keys, teams, confirmed = self._lock_range(
            employees, date_from, date_to, lock=lock
        )
        provisional = self._provisional_days(
            employees,
            date_from,
            date_to,
            tz_names,
            now,
            confirmed if not attendance_complete else None,
            punches,
        )

        vals_list = []
        for employee in employees:
            schedule = schedules[employee.id]
            params = params_by_company[employee.company_id.id]
            lowest = params["lowest_rank"]
            for rank, start, end in ranks.get(employee.id, []):
                for day, expected in schedule["days"].items():
                    key = (employee.id, day)
                    if not start <= day <= end or key in locked_keys:
                        continue
                    if not date_from <= day <= date_to:
                        continue
                    vals = self._row_values(
                        employee,
                        day,
                        rank,
                        expected,
                        schedule,
                        params,
                        calls.get(key, {}),
                        punches.get(key),
                        provisional.get(key),
                    )
                    vals["attendance_confirmed"] = bool(
                        attendance_complete or key in confirmed
                    )
                    vals["is_newcomer"] = rank == lowest
                    vals["deals"] = (deals or {}).get(key, 0)
                    vals["department_id"] = teams.get(key, employee.department_id.id)
                    vals["company_id"] = employee.company_id.id
                    vals_list.append(vals)
        return {
            "employees": employees,
            "date_from": date_from,
            "date_to": date_to,
            "vals_list": vals_list,
            "locked_keys": locked_keys,
            "tz_names": tz_names,
            "deals": deals,
        }

    @api.model
    def _company_params(self, company):
        """Settings of a company in the units the computation uses (seconds)."""
        return {
            "company": company,
            "min_connected": company.telesales_min_connected_calls,
            "min_talk": round(company.telesales_min_talk_hours * 3600),
            "cutoff": round(company.telesales_talk_cutoff * 3600),
            "first_call": round(company.telesales_first_call_deadline * 3600),
            "afternoon_call": round(company.telesales_afternoon_call_deadline * 3600),
            "max_dials": company.telesales_daily_dial_cap,
            "overtime": round(company.telesales_overtime_hours * 3600),
            "minor_minutes": company.telesales_late_minor_minutes,
            "major_minutes": company.telesales_late_major_minutes,
            "minor_pct": company.telesales_late_minor_pct,
            "major_pct": company.telesales_late_major_pct,
            "half_factor": company.telesales_half_absence_factor,
            "full_factor": company.telesales_full_absence_factor,
            "lowest_rank": self.env["telesales.rank"].sudo()._ladder(company)[:1],
            "rounding": company.currency_id.rounding or 0.01,
        }

    @api.model
    def _afternoon_start(self, calendar, company):
        """Seconds after midnight where the afternoon starts for a calendar."""
        if company.telesales_afternoon_start_mode == "calendar":
            starts = calendar.attendance_ids.filtered(
                lambda a: a.day_period == "afternoon" and not a.display_type
            ).mapped("hour_from")
            if starts:
                return round(min(starts) * 3600)
        return round(company.telesales_afternoon_start * 3600)

    @api.model
    def _schedules(self, employees, date_from, date_to):
        """Working days of each employee from the resource calendars.

        Returns {employee id: {"tz", "afternoon" (seconds), "month_days"
        {month first day: working days in the calendar, public holidays
        excluded}, "days" {date: {"start", "end" (naive UTC), "hours",
        "full_hours", "morning", "afternoon"}}}} — "days" holds the days with
        work expected after approved leave. The calendars are read once per
        (calendar, time zone) with ``_attendance_intervals_batch`` and
        ``_leave_intervals_batch`` for all their employees at once.
        """
        month_from = date_from.replace(day=1)
        month_to = date_to + relativedelta(day=31)
        groups = defaultdict(lambda: self.env["hr.employee"])
        for employee in employees:
            calendar = (
                employee.resource_calendar_id
                or employee.company_id.resource_calendar_id
            )
            groups[calendar] |= employee
        result = {}
        for calendar, group in groups.items():
            tz_name = calendar.tz or "UTC"
            tz = pytz.timezone(tz_name)
            start_dt = tz.localize(datetime.combine(month_from, time.min))
            end_dt = tz.localize(
                datetime.combine(month_to + timedelta(days=1), time.min)
            )
            if calendar:
                # an employee without a schedule of their own follows the
                # company's (Odoo would count them as working round the clock)
                resources = group.resource_id.filtered("calendar_id")
                attendances = calendar._attendance_intervals_batch(
                    start_dt, end_dt, resources, tz=tz
                )
                leaves = calendar._leave_intervals_batch(
                    start_dt, end_dt, resources, tz=tz
                )
            else:
                attendances, leaves = {}, {}
            companies = {}
            memo = {}
            for employee in group:
                company = employee.company_id
                if company not in companies:
                    companies[company] = self._afternoon_start(calendar, company)
                afternoon = companies[company]
                res_id = employee.resource_id.id
                planned = attendances.get(res_id, attendances.get(False)) or Intervals()
                leave = leaves.get(res_id, leaves.get(False)) or Intervals()
                # most agents share their calendar's intervals and only the
                # public holidays: their days are computed once
                key = (
                    id(planned),
                    afternoon,
                    tuple(
                        (start, stop, tuple(recs.ids)) for start, stop, recs in leave
                    ),
                )
                if key not in memo:
                    memo[key] = self._schedule_days(
                        planned, leave, tz, afternoon, date_from, date_to
                    )
                month_days, days = memo[key]
                result[employee.id] = {
                    "tz": tz_name,
                    "afternoon": afternoon,
                    "month_days": month_days,
                    "days": days,
                }
        return result

    @api.model
    def _schedule_days(self, planned, leave, tz, afternoon, date_from, date_to):
        """(working days per month, expected work per day) of one employee
        from the calendar's intervals and the employee's leave intervals."""
        public = Intervals([iv for iv in leave if not iv[2].resource_id])
        month_days = defaultdict(set)
        full_hours = defaultdict(float)
        for start, stop, _att in planned - public:
            month_days[start.date().replace(day=1)].add(start.date())
            full_hours[start.date()] += (stop - start).total_seconds() / 3600
        days = {}
        noons = {}
        for start, stop, _att in planned - leave:
            day = start.date()
            if not date_from <= day <= date_to:
                continue
            if day not in noons:
                noons[day] = tz.localize(
                    datetime.combine(day, time.min) + timedelta(seconds=afternoon)
                )
            noon = noons[day]
            entry = days.setdefault(
                day,
                {
                    "start": start,
                    "end": stop,
                    "hours": 0.0,
                    "full_hours": full_hours[day],
                    "morning": False,
                    "afternoon": False,
                },
            )
            entry["start"] = min(entry["start"], start)
            entry["end"] = max(entry["end"], stop)
            entry["hours"] += (stop - start).total_seconds() / 3600
            entry["morning"] |= start < noon
            entry["afternoon"] |= stop > noon
        for entry in days.values():
            entry["start"] = entry["start"].astimezone(pytz.utc).replace(tzinfo=None)
            entry["end"] = entry["end"].astimezone(pytz.utc).replace(tzinfo=None)
        return {m: len(d) for m, d in month_days.items()}, days

    @api.model
    def _employee_cte(self, employees, schedules):
        """VALUES of (employee id, time zone, cut-off, afternoon start) for SQL."""
        ids, tzs, cutoffs, noons = [], [], [], []
        for employee in employees:
            schedule = schedules[employee.id]
            ids.append(employee.id)
            tzs.append(schedule["tz"])
            cutoffs.append(schedule["cutoff"])
            noons.append(schedule["afternoon"])
        return ids, tzs, cutoffs, noons

    @api.model
    def _call_figures(self, employees, date_from, date_to, schedules):
        """{(employee id, local date): figures} of the calls, in ONE query.

        A call's talk starts after its ring time; only the talk before the
        cut-off counts (a call running past 18:00 counts until 18:00).
        Connected calls and talk time count both directions, dials and the
        first-call deadlines outbound calls only.
        """
        self.env["telesales.call"].flush_model()
        ids, tzs, cutoffs, noons = self._employee_cte(employees, schedules)
        self.env.cr.execute(
            """
            WITH emp AS (
                SELECT * FROM unnest(%(ids)s::int[], %(tzs)s::text[],
                                     %(cutoffs)s::int[], %(noons)s::int[])
                    AS e(emp_id, tz, cutoff, noon)
            )
            SELECT employee_id, day,
                   COUNT(*) FILTER (WHERE direction = 'outbound'),
                   COUNT(*) FILTER (WHERE connected),
                   COALESCE(SUM(LEAST(talk_seconds,
                       GREATEST(0, cutoff - sec - ring_seconds))), 0),
                   COALESCE(SUM(talk_seconds), 0),
                   -- the calls beyond the dial cap are the day's own
                   -- reason (fail_dial_cap), not also call violations
                   COUNT(*) FILTER (WHERE violation_dnc OR violation_window),
                   MIN(sec) FILTER (WHERE direction = 'outbound' AND sec < noon),
                   MIN(sec) FILTER (WHERE direction = 'outbound' AND sec >= noon)
              FROM (
                    SELECT *, local_start::date AS day,
                           EXTRACT(EPOCH FROM local_start::time)::int AS sec
                      FROM (
                            SELECT c.employee_id, c.direction, c.connected,
                                   c.talk_seconds, c.ring_seconds, c.violation_dnc,
                                   c.violation_window,
                                   e.cutoff, e.noon,
                                   c.start AT TIME ZONE 'UTC' AT TIME ZONE e.tz
                                       AS local_start
                              FROM telesales_call c
                              JOIN emp e ON e.emp_id = c.employee_id
                             WHERE c.start >= %(utc_from)s AND c.start < %(utc_to)s
                            -- OFFSET 0 keeps PostgreSQL from inlining the
                            -- subqueries: the time zone conversion then runs
                            -- once per call instead of once per aggregate
                            OFFSET 0
                           ) calls
                    OFFSET 0
                   ) located
             WHERE day BETWEEN %(date_from)s AND %(date_to)s
          GROUP BY employee_id, day
            """,
            {
                "ids": ids,
                "tzs": tzs,
                "cutoffs": cutoffs,
                "noons": noons,
                # local days lie within a day of the UTC dates
                "utc_from": datetime.combine(date_from - timedelta(days=1), time.min),
                "utc_to": datetime.combine(date_to + timedelta(days=2), time.min),
                "date_from": date_from,
                "date_to": date_to,
            },
        )
        figures = self.env.cr.fetchall()
        keys = (
            "dials",
            "connected",
            "talk",
            "talk_total",
            "violations",
            "first",
            "noon",
        )
        return {
            (row[0], row[1]): dict(zip(keys, row[2:], strict=True)) for row in figures
        }

    @api.model
    def _attendance_figures(self, employees, date_from, date_to, tz_names):
        """{(employee id, local date): (first check-in, last check-out, open)}
        from hr.attendance in ONE query; a day is the local day of the check-in.
        ``open`` is True when an attendance of the day has no check-out."""
        self.env["hr.attendance"].flush_model(["employee_id", "check_in", "check_out"])
        self.env.cr.execute(
            """
            WITH emp AS (
                SELECT * FROM unnest(%(ids)s::int[], %(tzs)s::text[]) AS e(emp_id, tz)
            ), located AS (
                SELECT a.employee_id, a.check_in, a.check_out,
                       (a.check_in AT TIME ZONE 'UTC' AT TIME ZONE e.tz)::date AS day
                  FROM hr_attendance a
                  JOIN emp e ON e.emp_id = a.employee_id
                 WHERE a.check_in >= %(utc_from)s AND a.check_in < %(utc_to)s
            )
            SELECT employee_id, day, MIN(check_in), MAX(check_out),
                   BOOL_OR(check_out IS NULL)
              FROM located
             WHERE day BETWEEN %(date_from)s AND %(date_to)s
          GROUP BY employee_id, day
            """,
            {
                "ids": employees.ids,
                "tzs": [tz_names[emp_id] for emp_id in employees.ids],
                "utc_from": datetime.combine(date_from - timedelta(days=1), time.min),
                "utc_to": datetime.combine(date_to + timedelta(days=2), time.min),
                "date_from": date_from,
                "date_to": date_to,
            },
        )
        return {(row[0], row[1]): row[2:] for row in self.env.cr.fetchall()}

    @api.model
    def _lock_range(self, employees, date_from, date_to, lock=True):
        """Lock the rows of the range (``FOR UPDATE``: two recomputes, or a
        recompute and payroll, run one after the other) before they are
        rewritten in place; ``lock=False`` only reads them (a preview).

        Returns (keys of the locked rows, {(employee, date): team of the
        row}, keys of the rows whose attendance HR confirmed complete) so
        that a recompute keeps the team of the day (SPEC §2) and the
        confirmation.
        """
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
            SELECT employee_id, date, department_id, locked, attendance_confirmed
              FROM telesales_daily_compliance
             WHERE employee_id IN %s AND date BETWEEN %s AND %s
          ORDER BY id
            %s
            """,
                tuple(employees.ids),
                date_from,
                date_to,
                SQL("FOR UPDATE") if lock else SQL(""),
            )
        )
        rows = self.env.cr.fetchall()
        self.invalidate_model()
        locked = {(emp, day) for emp, day, _team, is_locked, _c in rows if is_locked}
        teams = {(emp, day): team for emp, day, team, _locked, _c in rows}
        confirmed = {(emp, day) for emp, day, _t, _l, done in rows if done}
        return locked, teams, confirmed

    @api.model
    def _delete_stale(self, employees, date_from, date_to, vals_list):
        """Delete the unlocked rows of the range whose day is no longer a
        working day of the agent (leave approved since, rank ended)."""
        keep = {(vals["employee_id"], vals["date"]) for vals in vals_list}
        self.env.cr.execute(
            """
            SELECT id, employee_id, date FROM telesales_daily_compliance
             WHERE employee_id IN %s AND date BETWEEN %s AND %s
               AND locked IS NOT TRUE
            """,
            [tuple(employees.ids), date_from, date_to],
        )
        stale = [
            rid for rid, emp, day in self.env.cr.fetchall() if (emp, day) not in keep
        ]
        if stale:
            self.env.cr.execute(
                "DELETE FROM telesales_daily_compliance WHERE id IN %s",
                [tuple(stale)],
            )
            self.invalidate_model()

    def _row_values(
        self, employee, day, rank, expected, schedule, params, calls, punch, pending
    ):
        """Values of one row from the figures gathered for the whole range.

        ``pending``: why the day is provisional ("not_over", "no_attendance")
        or None when it is final. A provisional day shows its figures but
        carries no absence, no deduction and no KPI breach."""
        vals = {
            "employee_id": employee.id,
            "date": day,
            "rank_id": rank.id,
            "expected_start": expected["start"],
            "expected_end": expected["end"],
            "expected_hours": expected["hours"],
            # every column gets a value: the rows are INSERTed without defaults
            "locked": False,
            "check_in": False,
            "check_out": False,
            "missing_check_out": False,
            "late_minutes": 0,
            "early_minutes": 0,
            "late_tier": "none",
            "early_tier": "none",
            "fail_connected": False,
            "fail_talk": False,
            "fail_first_call": False,
            "fail_afternoon_call": False,
            "fail_dial_cap": False,
            "fail_violations": False,
            "provisional": bool(pending),
            "provisional_reason": pending or False,
        }
        share = 1.0
        if expected["full_hours"]:
            share = min(1.0, expected["hours"] / expected["full_hours"])
        required_connected = math.ceil(params["min_connected"] * share - 1e-9)
        required_talk = round(params["min_talk"] * share)
        dials = calls.get("dials", 0)
        connected = calls.get("connected", 0)
        talk = calls.get("talk", 0)
        first = calls.get("first")
        noon = calls.get("noon")
        violations = calls.get("violations", 0)
        vals.update(
            day_share=share,
            dials=dials,
            connected_calls=connected,
            required_connected_calls=required_connected,
            talk_seconds=talk,
            talk_hours=talk / 3600,
            talk_seconds_total=calls.get("talk_total", 0),
            required_talk_hours=required_talk / 3600,
            violation_calls=violations,
            first_call_time=first / 3600 if first is not None else False,
            afternoon_call_time=noon / 3600 if noon is not None else False,
        )
        # attendance
        late = early = overtime = 0
        half_absences = 0
        if punch:
            check_in, check_out, is_open = punch
            if is_open:
                check_out = False
            vals.update(
                check_in=check_in, check_out=check_out, missing_check_out=is_open
            )
            late = max(0, int((check_in - expected["start"]).total_seconds()))
            if check_out:
                early = max(0, int((expected["end"] - check_out).total_seconds()))
                overtime = max(0, int((check_out - expected["end"]).total_seconds()))
            late_tier = self._tier(late // 60, params)
            early_tier = self._tier(early // 60, params)
            vals.update(
                late_minutes=late // 60,
                early_minutes=early // 60,
                late_tier=late_tier,
                early_tier=early_tier,
            )
            half_absences = (late_tier == "absence") + (early_tier == "absence")
        else:
            half_absences = 2
        if pending:
            # nothing is decided on a provisional day: no absence, no tier
            half_absences = 0
            vals.update(late_tier="none", early_tier="none")
        halves = expected["morning"] + expected["afternoon"]
        absence = "none"
        if half_absences:
            absence = "full" if half_absences >= 2 and halves >= 2 else "half"
        vals.update(
            absence=absence,
            absence_days={"none": 0.0, "half": 0.5, "full": 1.0}[absence],
            warning_due=absence != "none",
        )
        # call targets; a day fully absent is an absence, not a missed target
        fails = {}
        if absence != "full":
            fails = {
                "fail_connected": connected < required_connected,
                "fail_talk": talk < required_talk,
                "fail_first_call": expected["morning"]
                and (first is None or first >= params["first_call"]),
                "fail_afternoon_call": expected["afternoon"]
                and (noon is None or noon >= params["afternoon_call"]),
                "fail_dial_cap": 0 < params["max_dials"] < dials,  # 0: no cap
                "fail_violations": violations > 0,
            }
        vals.update(fails)
        compliant = absence != "full" and not any(fails.values())
        required_overtime = params["overtime"] if fails and not compliant else 0
        if pending:
            # the calls of a day not over are not all made yet
            compliant = compliant and pending != "not_over"
            required_overtime = 0
        fail_overtime = overtime < required_overtime
        color = 10 if compliant else (1 if absence != "none" else 2)
        vals.update(
            compliant=compliant,
            color=0 if pending else color,
            overtime_required_hours=required_overtime / 3600,
            overtime_hours=overtime / 3600,
            fail_overtime=fail_overtime,
        )
        vals["reasons"] = "\n".join(self._reason_lines(vals, params["max_dials"]))
        vals["reasons"] = vals["reasons"] or False
        # money: a share of the day's base wage
        month_days = schedule["month_days"].get(day.replace(day=1)) or 0
        rounding = params["rounding"]

        def money(amount):
            return float_round(amount, precision_rounding=rounding)

        wage = money(rank.base_wage / month_days) if month_days else 0.0
        late_amount = self._tier_amount(vals.get("late_tier", "none"), wage, params)
        early_amount = self._tier_amount(vals.get("early_tier", "none"), wage, params)
        absence_amount = {
            "none": 0.0,
            "half": params["half_factor"] * wage,
            "full": params["full_factor"] * wage,
        }[absence]
        vals.update(
            day_wage=wage,
            late_deduction=money(late_amount),
            early_deduction=money(early_amount),
            absence_deduction=money(absence_amount),
            attendance_deduction=money(
                money(late_amount) + money(early_amount) + money(absence_amount)
            ),
        )
        return vals

    def _reason_lines(self, vals, max_dials):
        """The reasons, in words and in the user's language, of a row from
        its stored figures (``vals``: field name -> value, the computation's
        values or a row read back, e.g. by an export)."""

        def seconds(hours):
            return round((hours or 0.0) * 3600)

        reasons = []
        if vals.get("provisional_reason") == "not_over":
            reasons.append(self.env._("Provisional: the day is not over yet"))
        elif vals.get("provisional_reason") == "no_attendance":
            reasons.append(
                self.env._("Provisional: no attendance imported for the day yet")
            )
        if vals.get("missing_check_out"):
            reasons.append(self.env._("No check-out"))
        if vals.get("late_minutes"):
            reasons.append(
                self.env._("Late by %(minutes)s min", minutes=vals["late_minutes"])
            )
        if vals.get("early_minutes"):
            reasons.append(
                self.env._("Left %(minutes)s min early", minutes=vals["early_minutes"])
            )
        if vals.get("absence") == "full":
            reasons.append(self.env._("Absent all day"))
        elif vals.get("absence") == "half":
            reasons.append(self.env._("Half-day absence"))
        if vals.get("fail_connected"):
            reasons.append(
                self.env._(
                    "Connected calls %(done)s < %(required)s",
                    done=vals.get("connected_calls") or 0,
                    required=vals.get("required_connected_calls") or 0,
                )
            )
        if vals.get("fail_talk"):
            reasons.append(
                self.env._(
                    "Talk time %(done)s < %(required)s",
                    done=_hours_label(vals.get("talk_seconds") or 0),
                    required=_hours_label(seconds(vals.get("required_talk_hours"))),
                )
            )
        first = vals.get("first_call_time")
        if vals.get("fail_first_call"):
            reasons.append(
                self.env._("No morning call")
                if first is None or first is False
                else self.env._(
                    "First call at %(time)s", time=self._clock(seconds(first))
                )
            )
        noon = vals.get("afternoon_call_time")
        if vals.get("fail_afternoon_call"):
            reasons.append(
                self.env._("No afternoon call")
                if noon is None or noon is False
                else self.env._(
                    "First afternoon call at %(time)s",
                    time=self._clock(seconds(noon)),
                )
            )
        if vals.get("fail_dial_cap"):
            reasons.append(
                self.env._(
                    "%(dials)s outbound calls > %(cap)s",
                    dials=vals.get("dials") or 0,
                    cap=max_dials,
                )
            )
        if vals.get("fail_violations"):
            reasons.append(
                self.env._(
                    "%(count)s calls with violations", count=vals.get("violation_calls")
                )
            )
        if vals.get("fail_overtime"):
            reasons.append(
                self.env._(
                    "Overtime %(done)s of %(required)s required",
                    done=_hours_label(seconds(vals.get("overtime_hours"))),
                    required=_hours_label(seconds(vals.get("overtime_required_hours"))),
                )
            )
        return reasons

    @api.model
    def _tier(self, minutes, params):
        """Lateness tier of whole minutes late (or early): ≤ minor limit, ≤
        major limit, beyond counts as half a day of absence."""
        if minutes <= 0:
            return "none"
        if minutes <= params["minor_minutes"]:
            return "minor"
        if minutes <= params["major_minutes"]:
            return "major"
        return "absence"

    @api.model
    def _tier_amount(self, tier, wage, params):
        if tier == "minor":
            return wage * params["minor_pct"] / 100
        if tier == "major":
            return wage * params["major_pct"] / 100
        return 0.0

    @api.model
    def _clock(self, seconds):
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"

    # ------------------------------------------------------------------
    # Escalation and coaching
    # ------------------------------------------------------------------

    @api.model
    def _team_leader_user(self, employee, team):
        """User of the team leader of ``team`` for ``employee`` (the manager
        above when the employee leads that team)."""
        leader = team.manager_id
        if leader == employee:
            leader = team.parent_id.manager_id
        return leader.user_id

    @api.model
    def _check_absence_escalation(self, employees, date_from, date_to):
        """Raise an "absence dismissal review" flag for HR for each month in
        which an agent was absent a full day N working days in a row, or
        absent M days in total (a half day counts 0.5)."""
        month = date_from.replace(day=1)
        last = date_to.replace(day=1)
        Flag = self.env["telesales.flag"].sudo()
        vals_list = []
        while month <= last:
            month_end = month + relativedelta(day=31)
            self.flush_model()
            # rows are working days only: "consecutive" skips weekends and leave
            self.env.cr.execute(
                """
                SELECT employee_id, date, absence, absence_days
                  FROM telesales_daily_compliance
                 WHERE employee_id IN %s AND date BETWEEN %s AND %s
                   AND provisional IS NOT TRUE
              ORDER BY employee_id, date
                """,
                [tuple(employees.ids), month - timedelta(days=31), month_end],
            )
            per_employee = defaultdict(list)
            for emp_id, day, absence, days in self.env.cr.fetchall():
                per_employee[emp_id].append((day, absence, days))
            for employee in employees.filtered(lambda e, p=per_employee: e.id in p):
                company = employee.company_id
                needed_run = company.telesales_absence_consecutive_days
                needed_total = company.telesales_absence_month_days
                run, longest, total = 0, 0, 0.0
                for day, absence, days in per_employee[employee.id]:
                    run = run + 1 if absence == "full" else 0
                    if day >= month:
                        longest = max(longest, run)
                        total += days
                reasons = []
                if needed_run and longest >= needed_run:
                    reasons.append(
                        self.env._(
                            "%(days)s consecutive working days absent", days=longest
                        )
                    )
                if needed_total and total >= needed_total:
                    reasons.append(
                        self.env._("%(days)s days absent in the month", days=total)
                    )
                if not reasons:
                    continue
                vals_list.append(
                    {
                        "name": self.env._(
                            "Absence: dismissal review for %(employee)s (%(month)s)",
                            employee=employee.name,
                            month=month.strftime("%Y-%m"),
                        ),
                        "flag_type": "absence_dismissal",
                        "employee_id": employee.id,
                        "date": min(month_end, fields.Date.context_today(self)),
                        "period_start": month,
                        "period_end": month_end,
                        "description": "\n".join(reasons),
                        "responsible_user_id": company._telesales_flag_responsible().id,
                        "source_ref": f"hr.employee,{employee.id}",
                    }
                )
            month += relativedelta(months=1)
        return Flag._raise_flags(vals_list)

    @api.model
    def _check_newcomer_coaching(self, employees, date_from, date_to):
        """A trainee more than N working days in a row below the expected
        deals gets a coaching activity for the team leader, once per streak
        (the flag's period is the first day of the streak)."""
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT employee_id, date, is_newcomer, deals, absence, department_id
              FROM telesales_daily_compliance
             WHERE employee_id IN %s AND date BETWEEN %s AND %s
               AND provisional IS NOT TRUE
          ORDER BY employee_id, date
            """,
            [tuple(employees.ids), date_from - timedelta(days=62), date_to],
        )
        per_employee = defaultdict(list)
        for emp_id, *rest in self.env.cr.fetchall():
            per_employee[emp_id].append(rest)
        vals_list = []
        Department = self.env["hr.department"]
        for employee in employees.filtered(lambda e: e.id in per_employee):
            company = employee.company_id
            limit = company.telesales_newcomer_coaching_days
            expected = company.telesales_newcomer_deals_per_day
            streak_start, run = None, 0
            for day, newcomer, deals, absence, team_id in per_employee[employee.id]:
                if absence == "full":
                    # an absence is handled as such: it neither counts nor breaks
                    continue
                if not newcomer or deals >= expected:
                    streak_start, run = None, 0
                    continue
                streak_start = streak_start or day
                run += 1
                if run == limit + 1 and day >= date_from:
                    team = Department.browse(team_id)
                    vals_list.append(
                        {
                            "name": self.env._(
                                "Coaching for %(employee)s: %(days)s working days "
                                "without a deal",
                                employee=employee.name,
                                days=run,
                            ),
                            "flag_type": "newcomer_coaching",
                            "employee_id": employee.id,
                            "department_id": team_id,
                            "date": day,
                            "period_start": streak_start,
                            "period_end": streak_start,
                            "description": self.env._(
                                "Listen to failed and successful recordings together "
                                "with the newcomer."
                            ),
                            "responsible_user_id": self._team_leader_user(
                                employee, team
                            ).id,
                            "source_ref": f"hr.employee,{employee.id}",
                        }
                    )
        return (
            self.env["telesales.flag"]
            .sudo()
            ._raise_flags(
                vals_list,
                activity_summary=self.env._(
                    "Coaching: listen to failed and successful recordings together"
                ),
            )
        )

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_compute_compliance(self):
        """Nightly: yesterday, and the days before it again (late imports)."""
        today = fields.Date.context_today(self)
        agents = self.env["hr.employee"].search([("is_telesales_agent", "=", True)])
        companies = self.env["res.company"].search(
            [("id", "in", agents.company_id.ids)]
        )
        for company in companies:
            employees = agents.filtered(lambda e, c=company: e.company_id == c)
            days = max(1, company.telesales_compliance_rerun_days)
            self._compute_for_range(
                today - timedelta(days=days), today - timedelta(days=1), employees
            )

    @api.model
    def _cron_absence_escalation(self):
        """Monthly: the absence escalation of last month over its final rows."""
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=1)
        employees = self.env["hr.employee"].search([("is_telesales_agent", "=", True)])
        if employees:
            self._check_absence_escalation(
                employees, first, first + relativedelta(day=31)
            )

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _telesales_demo_compliance(self):
        """Attendance of last month for every telesales agent, then its
        compliance: mostly on time, some late arrivals and early leaves,
        two absences and one proxy punch pair (same IP, 40 seconds apart).
        Deterministic (seeded) and idempotent (agents who already have
        attendance that month are left alone)."""
        agents = self.env["hr.employee"].search(
            [("is_telesales_agent", "=", True)], order="id"
        )
        if not agents:
            return self.browse()
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=1)
        last = first + relativedelta(day=31)
        self.env.cr.execute(
            "SELECT DISTINCT employee_id FROM hr_attendance WHERE employee_id IN %s "
            "AND check_in >= %s AND check_in < %s",
            [tuple(agents.ids), first, last + timedelta(days=1)],
        )
        done = {row[0] for row in self.env.cr.fetchall()}
        todo = agents.filtered(lambda e: e.id not in done)
        rnd = random.Random(2026)
        schedules = self._schedules(todo, first, last)
        days = sorted({day for s in schedules.values() for day in s["days"]})
        absent, proxy = set(), {}
        if todo and days:
            absent = {
                (todo[len(todo) // 3].id, days[len(days) // 2]),
                (todo[-1].id, days[-2 if len(days) > 1 else 0]),
            }
            pair = todo[:2]
            if len(pair) == 2:
                proxy = {
                    pair[0].id: (days[len(days) // 4], 0),
                    pair[1].id: (days[len(days) // 4], 40),
                }
        vals_list = []
        for index, employee in enumerate(todo):
            ip = f"10.20.{index // 200}.{index % 200 + 10}"
            for day in sorted(schedules[employee.id]["days"]):
                if (employee.id, day) in absent:
                    continue
                expected = schedules[employee.id]["days"][day]
                roll = rnd.random()
                if roll < 0.85:
                    late = -rnd.randint(60, 900)
                elif roll < 0.96:
                    late = rnd.randint(60, 900)
                else:
                    late = rnd.randint(1500, 2700)
                check_in = expected["start"] + timedelta(seconds=late)
                check_in_ip = ip
                if proxy.get(employee.id, (None,))[0] == day:
                    # both punched from the first agent's desk, 40 s apart
                    check_in = expected["start"] - timedelta(
                        minutes=5, seconds=-proxy[employee.id][1]
                    )
                    check_in_ip = "10.20.0.10"
                stay = rnd.choice([-10, 0, 0, 5, 15, 30, 60, 65, 75])
                check_out = expected["end"] + timedelta(
                    minutes=stay, seconds=rnd.randint(0, 59)
                )
                vals_list.append(
                    {
                        "employee_id": employee.id,
                        "check_in": check_in,
                        "check_out": max(check_out, check_in + timedelta(hours=1)),
                        "in_ip_address": check_in_ip,
                        "in_browser": "chrome",
                        "in_mode": "systray",
                    }
                )
        self.env["hr.attendance"].with_context(tracking_disable=True).create(vals_list)
        return self._compute_for_range(first, last, agents)
