# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.tools import SQL

from .telesales_agent_day import AGENT_TZ_SQL


class TelesalesCall(models.Model):
    """The compliance flags of calls (do-not-call, calling window, daily dial
    cap), computed set-based per agent and local day."""

    _inherit = "telesales.call"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _agent_days(self, call_ids):
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT employee_id, call_date FROM telesales_call "
                "WHERE id = ANY(%s)",
                list(call_ids),
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _compute_violations(self, calls=None, extra_days=None):
        """Recompute the compliance flags of every call of the agent-days of
        ``calls`` (the cap depends on the other calls of the day).

        ``calls``: a telesales.call recordset, a list of ids or a search
        domain (``None``: ``self``). ``extra_days``: more ``(employee_id,
        call_date)`` pairs to recompute. Three flags, on outbound calls only:

        - ``violation_dnc``: the normalised callee is on the company's active
          do-not-call list, listed at or before the start of the call;
        - ``violation_window``: the local start (agent's timezone) is before
          the company's window start or at/after its end, or, when the company
          permits calls on working days only, the day is not a working day of
          the agent's schedule (weekly attendances minus public holidays, from
          ``resource.calendar._work_intervals_batch``);
        - ``violation_cap``: the call is beyond the company's daily outbound
          cap in the agent's day (ordered by start).

        Writes with one SQL UPDATE (only rows whose flags change) and
        invalidates the cache. Returns the number of violating calls in the
        recomputed agent-days.
        """
        cr = self.env.cr
        self.env.flush_all()
        if calls is None:
            calls = self
        self._reset_days_table()
        if isinstance(calls, list) and (not calls or isinstance(calls[0], int)):
            source = SQL("id = ANY(%s)", calls)
        elif isinstance(calls, models.BaseModel):
            source = SQL("id = ANY(%s)", calls.ids)
        else:
            query = self.sudo().with_context(active_test=False)._search(calls)
            source = SQL("id IN %s", query.subselect())
        cr.execute(
            SQL(
                "INSERT INTO telesales_call_days "
                "SELECT DISTINCT employee_id, call_date FROM telesales_call WHERE %s",
                source,
            )
        )
        if extra_days:
            cr.execute(
                SQL(
                    "INSERT INTO telesales_call_days "
                    "SELECT * FROM unnest(%s::int[], %s::date[])",
                    [day[0] for day in extra_days],
                    [day[1] for day in extra_days],
                )
            )
        return self._compute_violations_days()

    @api.model
    def _reset_days_table(self):
        """Create or empty the temporary table of agent-days to recompute."""
        self.env.cr.execute(
            "CREATE TEMP TABLE IF NOT EXISTS telesales_call_days "
            "(employee_id integer, call_date date) ON COMMIT DROP;"
            # DELETE, not TRUNCATE: cheaper for the small sets of the ORM path
            "DELETE FROM telesales_call_days"
        )

    @api.model
    def _compute_violations_days(self):
        """Recompute the flags of the agent-days in the temporary table
        ``telesales_call_days`` (see :meth:`_compute_violations`)."""
        cr = self.env.cr
        # a temporary table has no statistics: without them the planner
        # would scan every call to recompute a single day
        cr.execute("ANALYZE telesales_call_days")
        self._fill_off_days()
        cr.execute(
            SQL(
                """
            WITH days AS (
                SELECT DISTINCT employee_id, call_date FROM telesales_call_days
            ), over_cap_days AS (
                -- the (rare) agent-days with more outbound calls than the cap
                SELECT c.employee_id, c.call_date,
                       co.telesales_daily_dial_cap AS cap
                  FROM days d
                  JOIN telesales_call c
                    ON c.employee_id = d.employee_id AND c.call_date = d.call_date
                  JOIN res_company co ON co.id = c.company_id
                 WHERE c.direction = 'outbound' AND co.telesales_daily_dial_cap > 0
              GROUP BY c.employee_id, c.call_date, co.telesales_daily_dial_cap
                HAVING count(*) > co.telesales_daily_dial_cap
            ), over_cap AS (
                -- their outbound calls after the cap, in start order
                SELECT id FROM (
                    SELECT c.id, o.cap, row_number() OVER (
                               PARTITION BY c.employee_id, c.call_date
                               ORDER BY c.start, c.id
                           ) AS dialled
                      FROM over_cap_days o
                      JOIN telesales_call c
                        ON c.employee_id = o.employee_id
                       AND c.call_date = o.call_date
                     WHERE c.direction = 'outbound'
                ) ranked
                 WHERE dialled > cap
            ), flags AS (
                SELECT c.id,
                       (c.violation_dnc, c.violation_window, c.violation_cap,
                        c.is_violation) AS old,
                       c.direction = 'outbound' AND dnc.date_listed <= c.start
                           IS TRUE AS v_dnc,
                       c.direction = 'outbound' AND (
                           ((c.start AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s)::time
                             < (co.telesales_call_window_start
                                * interval '1 hour')::time
                           OR ((c.start AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s)::time
                             >= (co.telesales_call_window_end
                                 * interval '1 hour')::time
                           OR off.day IS NOT NULL
                       ) AS v_window,
                       oc.id IS NOT NULL AS v_cap
                  FROM days d
                  JOIN telesales_call c
                    ON c.employee_id = d.employee_id AND c.call_date = d.call_date
                  JOIN hr_employee e ON e.id = c.employee_id
                  JOIN resource_resource r ON r.id = e.resource_id
             LEFT JOIN resource_calendar rc ON rc.id = r.calendar_id
                  JOIN res_company co ON co.id = c.company_id
                  -- a number is listed once per company: at most one match
             LEFT JOIN telesales_dnc dnc
                    ON dnc.number_normalized = c.callee_normalized
                   AND dnc.company_id = c.company_id
                   -- archived: the calls made while it was listed stay violations
                   AND (dnc.active OR dnc.date_unlisted > c.start)
             LEFT JOIN telesales_call_off_days off
                    ON off.company_id = c.company_id
                   AND off.calendar_id
                       = COALESCE(r.calendar_id, co.resource_calendar_id)
                   AND off.day = c.call_date
             LEFT JOIN over_cap oc ON oc.id = c.id
            )
            UPDATE telesales_call c
               SET violation_dnc = f.v_dnc,
                   violation_window = f.v_window,
                   violation_cap = f.v_cap,
                   is_violation = f.v_dnc OR f.v_window OR f.v_cap
              FROM (
                    -- only the calls whose flags change: usually a handful
                    SELECT * FROM flags
                     WHERE old IS DISTINCT FROM
                           (v_dnc, v_window, v_cap, v_dnc OR v_window OR v_cap)
                   ) f
             WHERE c.id = f.id
                """,
                tz=SQL(AGENT_TZ_SQL),
            )
        )
        self.invalidate_model(
            ["violation_dnc", "violation_window", "violation_cap", "is_violation"]
        )
        cr.execute(
            """
            SELECT count(*)
              FROM (SELECT DISTINCT employee_id, call_date FROM telesales_call_days) d
              JOIN telesales_call c
                ON c.employee_id = d.employee_id AND c.call_date = d.call_date
             WHERE c.is_violation
            """
        )
        return cr.fetchone()[0]

    @api.model
    def _fill_off_days(self):
        """Fill ``telesales_call_off_days(company_id, calendar_id, day)`` with the
        days of the agent-days' range that are not working days of the calendars
        of agents whose company permits calls on working days only.

        Reuses the resource calendar (``_work_intervals_batch``: weekly
        attendances minus public holidays) once per calendar, not per agent.
        Flexible-hours calendars have no off days.
        """
        cr = self.env.cr
        cr.execute(
            "CREATE TEMP TABLE IF NOT EXISTS telesales_call_off_days "
            "(company_id integer, calendar_id integer, day date) ON COMMIT DROP;"
            "DELETE FROM telesales_call_off_days"
        )
        cr.execute(
            """
            SELECT co.id, COALESCE(r.calendar_id, co.resource_calendar_id),
                   min(d.call_date), max(d.call_date)
              FROM telesales_call_days d
              JOIN hr_employee e ON e.id = d.employee_id
              JOIN resource_resource r ON r.id = e.resource_id
              JOIN res_company co ON co.id = e.company_id
             WHERE co.telesales_call_window_working_days
               AND COALESCE(r.calendar_id, co.resource_calendar_id) IS NOT NULL
               AND d.call_date IS NOT NULL
          GROUP BY 1, 2
            """
        )
        rows = cr.fetchall()
        company_ids, calendar_ids, days = [], [], []
        for company_id, calendar_id, date_from, date_to in rows:
            calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
            if calendar.flexible_hours:
                continue
            tz = pytz.timezone(calendar.tz or "UTC")
            start = tz.localize(datetime.combine(date_from, time.min))
            stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
            intervals = calendar._work_intervals_batch(start, stop)[False]
            working = {interval[0].date() for interval in intervals}
            day = date_from
            while day <= date_to:
                if day not in working:
                    company_ids.append(company_id)
                    calendar_ids.append(calendar_id)
                    days.append(day)
                day += timedelta(days=1)
        if days:
            cr.execute(
                SQL(
                    "INSERT INTO telesales_call_off_days "
                    "SELECT * FROM unnest(%s::int[], %s::int[], %s::date[])",
                    company_ids,
                    calendar_ids,
                    days,
                )
            )
