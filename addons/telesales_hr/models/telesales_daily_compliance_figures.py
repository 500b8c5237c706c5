# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The figures of the compliance days, in one query each: the calls and the
attendance of a range, and the rows already stored (locked, deleted)."""

from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import api, models
from odoo.tools import SQL


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"  # pylint: disable=consider-merging-classes-inherited

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

    @api.model
    def _final_days(self, employees, date_from, date_to, fnames):
        """{employee id: [(date, *values of ``fnames``)]} of the final (not
        provisional) rows of the range by date, in ONE query. Rows are
        working days only: "in a row" skips weekends and leave."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
            SELECT employee_id, date, %s
              FROM telesales_daily_compliance
             WHERE employee_id IN %s AND date BETWEEN %s AND %s
               AND provisional IS NOT TRUE
          ORDER BY employee_id, date
                """,
                SQL(", ").join(SQL.identifier(fname) for fname in fnames),
                tuple(employees.ids),
                date_from,
                date_to,
            )
        )
        per_employee = defaultdict(list)
        for emp_id, *values in self.env.cr.fetchall():
            per_employee[emp_id].append(tuple(values))
        return per_employee
