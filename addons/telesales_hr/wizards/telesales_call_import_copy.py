# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The fast path of a file import: PostgreSQL reads the CSV file itself.

The file is COPYed as it is into ``telesales_call_raw`` (one text column per
column of the file), converted into the staging table by one SELECT
(telesales_call_row_sql), and only the rows that SELECT could not read
(unusual forms and bad rows) go through the Python converter, which reads
them or names what is wrong. The rest is the engine's: call ids seen twice,
the insertion, the violations, all-or-nothing inside a savepoint.

When PostgreSQL refuses the file's layout (a row with another number of
columns, a blank line, a NUL byte, bytes not in the file's encoding), the
import runs again through Python's CSV reader, which names those rows.
"""

import logging
import time

import psycopg2

from odoo import api, models
from odoo.tools import SQL, mute_logger

from ..models.telesales_call_row_sql import CHECKED_COLUMNS, STAGE_COLUMNS, RowSql
from ..models.telesales_call_row_values import RowError
from .telesales_call_import_chunks import CHUNK_ROWS, MAX_ERRORS, Parsed

_logger = logging.getLogger(__name__)

# rows inserted in one step: the progress is told after each
INSERT_ROWS = 500_000
# Python codec of a mapping -> PostgreSQL's name of the encoding
COPY_ENCODINGS = {"utf-8-sig": "UTF8", "gb18030": "GB18030"}


def _has_end_marker(data):
    """Whether a line of the file is ``\\.``, which ends PostgreSQL's COPY
    there (the rows after it would be lost): such a file is read by Python.
    Leaves ``data`` where it was."""
    position = data.tell()
    previous = b"\n"
    try:
        while block := data.read(1 << 20):
            window = previous + block
            if b"\n\\.\n" in window or b"\n\\.\r" in window:
                return True
            previous = window[-3:]
        return previous.endswith(b"\n\\.")
    finally:
        data.seek(position)


class _LayoutRefused(Exception):
    """PostgreSQL's CSV reader refused the file (see the module's doc)."""


class TelesalesCallImport(models.TransientModel):
    _inherit = "telesales.call.import"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _import_copy(self, data, header, mapping, company, dialer, source_name=None):
        """Import the CSV file ``data`` (a binary file object at the start of
        the file, header included) of ``header``'s columns. Same result and
        errors as :meth:`_import_rows`; None when PostgreSQL cannot read the
        file as CSV (nothing is written, the caller reads it with Python)."""
        encoding = COPY_ENCODINGS.get(mapping.encoding)
        if not encoding or _has_end_marker(data):
            return None
        self.env["telesales.call"].check_access("create")
        mapping._check_usable_timezone()
        started = time.monotonic()
        cr = self.env.cr
        self.env.flush_all()
        convert = mapping._row_converter(header, self._dialer_logins(company))
        parsed = Parsed()
        try:
            with cr.savepoint(flush=False):
                session = self._open_stage(mapping)
                self._copy_raw(data, len(header), mapping, encoding)
                parsed.total = self._raw_rows()
                self._import_progress(0, parsed.total)
                self._stage_raw(convert, company)
                self._stage_unread(convert, parsed)
                self._restore_timezone(session)
                duplicates = [] if parsed.bad_rows else self._seen_stage()
                self._raise_bad_rows(convert, parsed, duplicates, source_name)
                created = self._insert_stages(company, dialer, parsed.total)
                cr.execute("DROP TABLE telesales_call_raw, telesales_call_login")
                violations = self._close_stage(session)
        except _LayoutRefused as refused:
            _logger.info(
                "%s is read by Python's CSV reader: %s", source_name or "file", refused
            )
            return None
        return self._import_result(
            source_name, parsed.total, created, violations, started
        )

    @api.model
    def _copy_raw(self, data, width, mapping, encoding):
        """COPY the file into ``telesales_call_raw``; its ``row_no`` counts
        the data rows from 1. Raises :class:`_LayoutRefused`."""
        cr = self.env.cr
        columns = SQL(", ").join(SQL.identifier(f"c{i}") for i in range(width))
        cr.execute(
            SQL(
                "CREATE TEMP TABLE telesales_call_raw (%s, "
                "row_no integer GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP",
                SQL(", ").join(
                    SQL("%s text", SQL.identifier(f"c{i}")) for i in range(width)
                ),
            )
        )
        copy = cr.mogrify(
            SQL(
                # FORCE_NOT_NULL: an empty cell is '' as for Python's reader
                "COPY telesales_call_raw (%s) FROM STDIN WITH (FORMAT csv, "
                "HEADER true, DELIMITER %s, ENCODING %s, FORCE_NOT_NULL (%s))",
                columns,
                mapping._csv_delimiter(),
                encoding,
                columns,
            )
        ).decode()
        # psycopg2's COPY does not work with an asynchronous wait callback
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            with cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                cr.copy_expert(copy, data, size=1 << 20)
        except psycopg2.DataError as error:
            raise _LayoutRefused(str(error).splitlines()[0]) from error
        finally:
            psycopg2.extensions.set_wait_callback(callback)
        # the planner needs the sizes of the temporary tables
        cr.execute("ANALYZE telesales_call_raw")

    @api.model
    def _raw_rows(self):
        self.env.cr.execute("SELECT count(*) FROM telesales_call_raw")
        return self.env.cr.fetchone()[0]

    @api.model
    def _stage_raw(self, convert, company):
        """Convert every raw row into the staging table; a value the SQL does
        not read is NULL there (see telesales_call_row_sql)."""
        cr = self.env.cr
        # the logins the Python converter reads (_dialer_logins): one definition
        logins = convert.agent.logins
        cr.execute(
            "CREATE TEMP TABLE telesales_call_login ON COMMIT DROP AS "
            "SELECT * FROM unnest(%s::varchar[], %s::integer[]) "
            "AS l(login, employee_id)",
            [list(logins), list(logins.values())],
        )
        cr.execute("ANALYZE telesales_call_login")
        cr.execute(
            SQL(
                "INSERT INTO telesales_call_stage (%s) %s",
                SQL(", ").join(SQL.identifier(c) for c in STAGE_COLUMNS),
                RowSql(convert).select(first_row=2),
            )
        )

    @api.model
    def _stage_unread(self, convert, parsed):
        """Give the rows the SQL did not read to the Python converter: their
        COPY lines replace them in the staging table, bad ones are kept in
        ``parsed``."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "DELETE FROM telesales_call_stage WHERE %s RETURNING row_no",
                SQL(" OR ").join(
                    SQL("%s IS NULL", SQL.identifier(c)) for c in CHECKED_COLUMNS
                ),
            )
        )
        # the raw table counts the data rows from 1, the file from its header
        unread = sorted(row_no - 1 for (row_no,) in cr.fetchall())
        values = SQL(", ").join(SQL.identifier(f"c{i}") for i in range(convert.width))
        for start in range(0, len(unread), CHUNK_ROWS):
            cr.execute(
                SQL(
                    "SELECT row_no + 1, %s FROM telesales_call_raw "
                    "WHERE row_no = ANY(%s) ORDER BY row_no",
                    values,
                    unread[start : start + CHUNK_ROWS],
                )
            )
            lines = []
            for row_no, *row in cr.fetchall():
                try:
                    lines.append(convert(row, row_no))
                except RowError:
                    parsed.bad_rows += 1
                    if len(parsed.bad) < MAX_ERRORS:
                        parsed.bad.append((row_no, row))
            if lines and not parsed.bad_rows:
                self._copy_lines(lines)
        if unread:
            _logger.info("%s rows read by the Python converter", len(unread))

    @api.model
    def _insert_stages(self, company, dialer, total):
        """Insert the staged rows in steps, telling the progress after each
        (the rows are numbered from 2, the file's header being row 1)."""
        created = 0
        for start in range(2, total + 2, INSERT_ROWS):
            created += self._insert_stage(company, dialer, (start, start + INSERT_ROWS))
            self._import_progress(min(start - 2 + INSERT_ROWS, total), total)
        return created

    @api.model
    def _seen_stage(self):
        """The call ids seen twice in the staged file (see :meth:`_duplicates`)."""
        self.env.cr.execute(
            "INSERT INTO telesales_call_seen SELECT external_id, row_no "
            "FROM telesales_call_stage"
        )
        return self._duplicates()
