# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL, create_index

from .telesales_agent_day import AGENT_TZ_SQL
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
    set-based per agent and local day by :meth:`_compute_violations`.

    Built for volume: no mail.thread; no create/write user and date columns
    (``_log_access``): the record is the dialer's log, and each foreign key
    costs PostgreSQL a lookup per inserted row; only the indexes the
    daily computations and the list need (the agent-day, the start, the
    violations, a BRIN on the day; team and period filters go through the
    day).
    """

    _name = "telesales.call"
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
        "telesales.dialer", ondelete="restrict", help="The dialer that sent the call."
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

    # ------------------------------------------------------------------
    # Compliance violations, set-based
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _telesales_demo_calls(self, weeks=13, seed=2026, agents=None):
        """A quarter of dialer traffic for the telesales agents that exist,
        loaded through the bulk importer (deterministic for a given day).

        Per agent and working day: 40-120 outbound dials made one after the
        other from about 09:00 with a lunch break, ~40% connected, talk
        30-600 s, and a few violations: early or late calls, calls to the
        demo do-not-call numbers, one day over the dial cap.
        Returns the number of calls created (``agents``: default every
        telesales agent).
        """
        if agents is None:
            agents = self.env["hr.employee"].search(
                [("is_telesales_agent", "=", True)], order="id"
            )
        if not agents:
            return 0
        rng = random.Random(seed)
        today = fields.Date.context_today(self)
        days = [today - timedelta(days=n) for n in range(weeks * 7, 0, -1)]
        days = [day for day in days if day.weekday() < 5]
        for agent in agents.filtered(lambda a: not a.telesales_dialer_login):
            agent.telesales_dialer_login = f"agent{agent.id:04d}"
        dnc_numbers = [self._demo_number(rng, mobile=True) for _i in range(12)]
        created = 0
        Import = self.env["telesales.call.import"]
        mapping = self.env.ref("telesales_hr.call_mapping_generic")
        for company in agents.company_id:
            listed = set(
                self.env["telesales.dnc"]
                .with_context(active_test=False)
                .search([("company_id", "=", company.id)])
                .mapped("number_normalized")
            )
            self.env["telesales.dnc"].create(
                [
                    {
                        "number": number,
                        "company_id": company.id,
                        "date_listed": datetime.combine(days[0], time(1)),
                        "reason": self.env._(
                            "The customer asked not to be called again."
                        ),
                    }
                    for number in dnc_numbers
                    if normalize_number(number) not in listed
                ]
            )
            company_agents = agents.filtered(lambda a, c=company: a.company_id == c)
            rows = self._demo_call_rows(rng, company_agents, days, dnc_numbers)
            header = [
                "call_id", "agent", "callee_number", "start", "direction",
                "connected", "ring_seconds", "talk_seconds", "wait_seconds",
                "pause_seconds", "wrapup_seconds", "duration_seconds",
                "recording", "disposition", "lead",
            ]  # fmt: skip
            result = Import._import_rows(
                header, rows, mapping, company, self.env["telesales.dialer"],
                source_name="demo calls",
            )  # fmt: skip
            created += result["created"]
        return created

    @api.model
    def _demo_number(self, rng, mobile=None):
        if mobile or (mobile is None and rng.random() < 0.85):
            return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        area = rng.choice(["10", "21", "20", "755", "571", "28"])
        local = rng.randrange(10**7, 10**8) if len(area) == 2 else rng.randrange(10**7)
        return f"0{area}-{local}"

    @api.model
    def _demo_call_rows(self, rng, agents, days, dnc_numbers):
        cap_day = (agents[0].id, days[len(days) // 2])
        for agent in agents:
            tz = pytz.timezone(agent._telesales_tz())
            connect_rate = rng.uniform(0.32, 0.48)
            for day in days:
                offset = tz.utcoffset(datetime.combine(day, time(12)))
                minutes = int(offset.total_seconds() // 60)
                sign = "+" if minutes >= 0 else "-"
                suffix = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
                burst = (agent.id, day) == cap_day
                dials = 205 if burst else rng.randint(40, 120)
                # mostly 09:00-09:25, sometimes late, rarely before the window
                clock = 9 * 3600 + rng.randint(0, 1500)
                if rng.random() < 0.1:
                    clock += 1800
                if rng.random() < 0.01:
                    clock = 9 * 3600 - rng.randint(60, 600)
                lunch_taken = False
                for k in range(dials):
                    if not lunch_taken and clock >= 12 * 3600:
                        clock = int(13.5 * 3600) + rng.randint(0, 1200)
                        lunch_taken = True
                    if clock >= 18 * 3600 and (burst or rng.random() > 0.02):
                        break
                    connected = not burst and rng.random() < connect_rate
                    ring = rng.randint(3, 25) if connected else rng.randint(15, 40)
                    talk = int(rng.triangular(30, 600, 420)) if connected else 0
                    wait = rng.randint(2, 40) if not burst else 1
                    pause = rng.randint(30, 300) if rng.random() < 0.05 else 0
                    wrapup = rng.randint(10, 90) if connected else rng.randint(2, 10)
                    if rng.random() < 0.0003:
                        number = rng.choice(dnc_numbers)
                    else:
                        number = self._demo_number(rng)
                    if connected:
                        disposition = rng.choices(
                            ["NI", "CALLBK", "SALE", "NP"], [60, 25, 5, 10]
                        )[0]
                    else:
                        disposition = rng.choices(
                            ["NA", "B", "AA", "DC"], [60, 20, 15, 5]
                        )[0]
                    call_id = f"demo-{agent.id}-{day.strftime('%Y%m%d')}-{k:03d}"
                    yield [
                        call_id,
                        agent.telesales_dialer_login,
                        number,
                        f"{day} {clock // 3600:02d}:{clock // 60 % 60:02d}:"
                        f"{clock % 60:02d}{suffix}",
                        "outbound",
                        "1" if connected else "0",
                        str(ring),
                        str(talk),
                        str(wait),
                        str(pause),
                        str(wrapup),
                        str(ring + talk),
                        f"rec/{day.strftime('%Y%m%d')}/{call_id}.mp3"
                        if connected
                        else "",
                        disposition,
                        "",
                    ]
                    clock += ring + talk + wrapup + wait + pause
