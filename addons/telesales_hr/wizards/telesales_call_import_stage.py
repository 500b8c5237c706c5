# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import psycopg2
from psycopg2.errors import UniqueViolation

from odoo import api, models
from odoo.tools import SQL, mute_logger

from ..models.telesales_agent_day import AGENT_TZ_SQL

STAGE_TABLE = SQL(
    """
    CREATE TEMP TABLE telesales_call_stage (
        row_no integer,
        external_id varchar,
        employee_id integer,
        callee_number varchar,
        callee_normalized varchar,
        start timestamptz,
        direction varchar,
        connected boolean,
        ring_seconds integer,
        talk_seconds integer,
        wait_seconds integer,
        pause_seconds integer,
        wrapup_seconds integer,
        duration_seconds integer,
        recording_ref varchar,
        disposition varchar,
        lead_ref varchar
    ) ON COMMIT DROP
    """
)


class TelesalesCallImport(models.TransientModel):
    """Loading converted rows: COPY into the staging table, the call ids
    seen twice in one file, the insertion of the calls not imported yet."""

    _inherit = "telesales.call.import"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _open_stage(self, mapping):
        """Create the import's temporary tables and set the session for it;
        returns what :meth:`_restore_timezone` and :meth:`_close_stage`
        restore."""
        cr = self.env.cr
        cr.execute(STAGE_TABLE)
        cr.execute(
            "CREATE TEMP TABLE telesales_call_seen "
            "(external_id varchar, row_no integer) ON COMMIT DROP"
        )
        self.env["telesales.call"]._reset_days_table()
        cr.execute("SELECT current_setting('TimeZone'), current_setting('jit')")
        session = cr.fetchone()
        # JIT compiling the big statements below costs more than it saves
        cr.execute("SELECT set_config('jit', 'off', true)")
        # start times without an offset are in the dialer's timezone
        cr.execute("SELECT set_config('TimeZone', %s, true)", [mapping.timezone])
        return session

    @api.model
    def _restore_timezone(self, session):
        self.env.cr.execute("SELECT set_config('TimeZone', %s, true)", [session[0]])

    @api.model
    def _close_stage(self, session):
        """The violations of the agent-days imported; drop the tables.
        Returns the number of violations."""
        violations = self.env["telesales.call"]._compute_violations_days()
        self.env.cr.execute("DROP TABLE telesales_call_stage, telesales_call_seen")
        self.env.cr.execute("SELECT set_config('jit', %s, true)", [session[1]])
        return violations

    @api.model
    def _copy_stage(self, lines):
        """Replace the staging table's rows by ``lines`` (COPY text format,
        made by the mapping's converter); remember their call ids."""
        cr = self.env.cr
        cr.execute("TRUNCATE telesales_call_stage")
        self._copy_lines(lines)
        cr.execute(
            "INSERT INTO telesales_call_seen SELECT external_id, row_no "
            "FROM telesales_call_stage"
        )

    @api.model
    def _copy_lines(self, lines):
        """Add ``lines`` (COPY text) to the staging table."""
        text = "".join(lines)
        # psycopg2's COPY does not work with an asynchronous wait callback
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            # one read: small reads would fight the parser thread for the GIL
            self.env.cr.copy_expert(
                "COPY telesales_call_stage FROM STDIN",
                io.StringIO(text),
                size=len(text) + 1,
            )
        finally:
            psycopg2.extensions.set_wait_callback(callback)

    @api.model
    def _seen_ids_unique(self):
        """Index the file's call ids uniquely; False when an id repeats (the
        index is then not created)."""
        try:
            with self.env.cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                self.env.cr.execute(
                    "CREATE UNIQUE INDEX telesales_call_seen_uniq "
                    "ON telesales_call_seen (external_id)"
                )
        except UniqueViolation:
            return False
        return True

    @api.model
    def _duplicates(self):
        """A call id twice in one file is an error on each later row.

        A unique index on the ids of the file is the cheap check; only when
        it cannot be built are the duplicates grouped, to name their rows.
        """
        cr = self.env.cr
        if self._seen_ids_unique():
            return []
        cr.execute(
            """
            SELECT external_id, array_agg(row_no ORDER BY row_no)
              FROM telesales_call_seen
          GROUP BY external_id
            HAVING count(*) > 1
            """
        )
        return [
            (
                row_no,
                self.env._(
                    "call id %(id)s is already on row %(row)s",
                    id=external_id,
                    row=row_nos[0],
                ),
            )
            for external_id, row_nos in cr.fetchall()
            for row_no in row_nos[1:]
        ]

    @api.model
    def _insert_stage(self, company, dialer, rows=None):
        """Insert the staged rows that are not imported yet; add their
        agent-days to ``telesales_call_days``. Returns the number created.
        ``rows``: only the rows numbered from ``rows[0]`` to before ``rows[1]``.

        A plain INSERT of the rows whose id is not found is cheaper than
        ``ON CONFLICT`` (no speculative insertion per row); if a concurrent
        import or a repeated id races it, the chunk is inserted again with
        ``ON CONFLICT DO NOTHING``.
        """
        cr = self.env.cr
        try:
            with cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                cr.execute(self._insert_query(company, dialer, False, rows))
                return cr.fetchone()[0]
        except UniqueViolation:
            cr.execute(self._insert_query(company, dialer, True, rows))
            return cr.fetchone()[0]

    @api.model
    def _insert_query(self, company, dialer, on_conflict, rows=None):
        return SQL(
            """
            WITH inserted AS (
                INSERT INTO telesales_call (
                    external_id, employee_id, department_id, company_id, dialer_id,
                    callee_number, callee_normalized, start, call_date, direction,
                    connected, ring_seconds, talk_seconds, wait_seconds,
                    pause_seconds, wrapup_seconds, duration_seconds, recording_ref,
                    disposition, lead_ref, violation_dnc, violation_window,
                    violation_cap, is_violation)
                SELECT s.external_id, s.employee_id, e.department_id, %(company)s,
                       %(dialer)s, s.callee_number, s.callee_normalized,
                       s.start AT TIME ZONE 'UTC',
                       (s.start AT TIME ZONE %(tz)s)::date,
                       s.direction, s.connected, s.ring_seconds, s.talk_seconds,
                       s.wait_seconds, s.pause_seconds, s.wrapup_seconds,
                       s.duration_seconds, NULLIF(s.recording_ref, ''),
                       NULLIF(s.disposition, ''), NULLIF(s.lead_ref, ''),
                       false, false, false, false
                  FROM telesales_call_stage s
                  JOIN hr_employee e ON e.id = s.employee_id
                  JOIN resource_resource r ON r.id = e.resource_id
             LEFT JOIN resource_calendar rc ON rc.id = r.calendar_id
                 WHERE NOT EXISTS (
                        SELECT 1 FROM telesales_call c
                         WHERE c.external_id = s.external_id
                           AND c.company_id = %(company)s)
                   AND %(rows)s
                %(on_conflict)s
             RETURNING employee_id, call_date
            ), days AS (
                INSERT INTO telesales_call_days
                SELECT DISTINCT employee_id, call_date FROM inserted
            )
            SELECT count(*) FROM inserted
            """,
            company=company.id,
            dialer=dialer.id or None,
            tz=SQL(AGENT_TZ_SQL),
            rows=SQL("s.row_no >= %s AND s.row_no < %s", *rows)
            if rows
            else SQL("true"),
            on_conflict=SQL(
                "ON CONFLICT (external_id, company_id) DO NOTHING"
                if on_conflict
                else ""
            ),
        )
