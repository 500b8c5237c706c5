# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Provisional and final compliance days (SPEC §4).

"A day that is not over yet, or whose attendance has not been imported, is
provisional: it is shown but carries no deduction or KPI breach until it is
final." The rule, for an agent and a day, at the reference time ``now``:

- the day is not over yet in the agent's time zone -> provisional
  ("not_over");
- else it is final when the agent has an attendance that day, or when any
  employee of the agent's company has one that (local) day (the day's
  attendance was imported: an agent without a check-in is absent), or when
  HR confirmed the attendance of the day complete (the compute wizard's
  "Attendance complete", kept on the row by later recomputes);
- else provisional ("no_attendance").

A later recompute of a provisional day once it is final applies its
deductions and KPI breaches.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

PROVISIONAL_SELECTION = [
    ("not_over", "Day Not Over"),
    ("no_attendance", "Attendance Not Imported"),
]


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"

    provisional = fields.Boolean(
        readonly=True,
        index=True,
        help="The day is not over yet, or its attendance has not been imported: "
        "it is shown but carries no deduction or KPI breach until a recompute "
        "finds it final.",
    )
    provisional_reason = fields.Selection(
        PROVISIONAL_SELECTION, string="Provisional Because", readonly=True
    )
    attendance_confirmed = fields.Boolean(
        readonly=True,
        help="HR confirmed the attendance of the day complete: without a check-in "
        "the day is an absence.",
    )
    reason_text = fields.Text(
        string="Explanation",
        compute="_compute_reason_text",
        help="The reasons of the day in the user's language.",
    )

    # the stored figures the reasons are made of (see ``_reason_lines``)
    _REASON_FIELDS = (
        "provisional_reason",
        "missing_check_out",
        "late_minutes",
        "early_minutes",
        "absence",
        "fail_connected",
        "connected_calls",
        "required_connected_calls",
        "fail_talk",
        "talk_seconds",
        "required_talk_hours",
        "fail_first_call",
        "first_call_time",
        "fail_afternoon_call",
        "afternoon_call_time",
        "fail_dial_cap",
        "dials",
        "fail_violations",
        "violation_calls",
        "fail_overtime",
        "overtime_hours",
        "overtime_required_hours",
    )

    @api.depends(*_REASON_FIELDS, "company_id")
    def _compute_reason_text(self):
        for row in self:
            vals = {fname: row[fname] for fname in self._REASON_FIELDS}
            # the ORM reads an empty float as 0.0: no call that half-day
            for fname in ("first_call_time", "afternoon_call_time"):
                vals[fname] = vals[fname] or None
            lines = row._reason_lines(vals, row.company_id.telesales_daily_dial_cap)
            row.reason_text = "\n".join(lines) or False

    @api.model
    def _day_end_utc(self, day, tz_name):
        """Naive UTC datetime of the local midnight ending ``day``."""
        tz = pytz.timezone(tz_name or "UTC")
        end = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _provisional_days(
        self, employees, date_from, date_to, tz_names, now, confirmed, punches
    ):
        """{(employee id, date): "not_over" | "no_attendance"} of the
        provisional days of the range, at the reference time ``now`` (naive
        UTC; a parameter, never the clock: the rule is the same whenever it
        runs). ``confirmed``: keys of the days whose attendance HR confirmed
        complete, None when all of them are; ``punches``: the agents'
        attendance figures (keys of the days they have one)."""
        now = fields.Datetime.to_datetime(now)
        if now.tzinfo:
            now = now.astimezone(pytz.utc).replace(tzinfo=None)
        company_days = self._company_attendance_days(
            employees, date_from, date_to, tz_names
        )
        result = {}
        ends = {}
        for employee in employees:
            tz_name = tz_names[employee.id]
            day = date_from
            while day <= date_to:
                key = (employee.id, day)
                if (day, tz_name) not in ends:
                    ends[(day, tz_name)] = self._day_end_utc(day, tz_name)
                if now < ends[(day, tz_name)]:
                    result[key] = "not_over"
                elif not (
                    key in punches
                    or confirmed is None
                    or key in confirmed
                    or (employee.company_id.id, tz_name, day) in company_days
                ):
                    result[key] = "no_attendance"
                day += timedelta(days=1)
        return result

    @api.model
    def _company_attendance_days(self, employees, date_from, date_to, tz_names):
        """{(company id, time zone, local date)} of the days on which any
        employee of the company has an attendance, in ONE query."""
        pairs = sorted(
            {(employee.company_id.id, tz_names[employee.id]) for employee in employees}
        )
        self.env["hr.attendance"].flush_model(["employee_id", "check_in"])
        self.env.cr.execute(
            """
            WITH ct AS (
                SELECT * FROM unnest(%(companies)s::int[], %(tzs)s::text[])
                    AS c(company_id, tz)
            )
            SELECT DISTINCT ct.company_id, ct.tz,
                   (a.check_in AT TIME ZONE 'UTC' AT TIME ZONE ct.tz)::date
              FROM hr_attendance a
              JOIN hr_employee e ON e.id = a.employee_id
              JOIN ct ON ct.company_id = e.company_id
             WHERE a.check_in >= %(utc_from)s AND a.check_in < %(utc_to)s
            """,
            {
                "companies": [company for company, __ in pairs],
                "tzs": [tz for __, tz in pairs],
                "utc_from": datetime.combine(date_from - timedelta(days=1), time.min),
                "utc_to": datetime.combine(date_to + timedelta(days=2), time.min),
            },
        )
        return set(self.env.cr.fetchall())
