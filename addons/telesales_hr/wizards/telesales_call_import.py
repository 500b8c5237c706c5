# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from queue import Full, Queue

import psycopg2
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, mute_logger

from ..models.telesales_call import AGENT_TZ_SQL
from ..models.telesales_call_mapping import COLUMN_FIELDS, REQUIRED_COLUMNS, RowError

_logger = logging.getLogger(__name__)

CHUNK_ROWS = 50_000  # rows per COPY: memory stays flat whatever the file size
MAX_ERRORS = 1000  # bad rows remembered (all of them are counted)
MESSAGE_ERRORS = 20  # bad rows listed in the exception message

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


class CallImportError(UserError):
    """A file or batch of call records was refused; nothing was written.

    ``errors``: ``[(row number, reason), …]`` (the first MAX_ERRORS),
    ``bad_rows``: how many rows are invalid, ``total_rows``: rows read.
    """

    def __init__(self, message, errors=(), bad_rows=0, total_rows=0):
        super().__init__(message)
        self.errors = list(errors)
        self.bad_rows = bad_rows
        self.total_rows = total_rows


class TelesalesCallImport(models.TransientModel):
    """Bulk import of dialer exports (millions of rows).

    The wizard is one way in; :meth:`_import_file` is the engine, also used by
    the JSON endpoint (:meth:`_import_records`), the ``telesales_import_calls``
    command, the directory cron and the benchmark. It streams the file, checks
    every row, writes nothing when a row is bad (all-or-nothing per file), and
    otherwise loads the rows with COPY into a temporary table and one
    ``INSERT … SELECT … ON CONFLICT DO NOTHING``: re-importing a file creates
    nothing twice. Violations are then computed for the agent-days touched.
    """

    _name = "telesales.call.import"
    _check_company_auto = True
    _description = "Import Call Records"

    file = fields.Binary(attachment=False)
    filename = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    dialer_id = fields.Many2one(
        "telesales.dialer",
        check_company=True,
        domain="[('company_id', '=', company_id)]",
        help="The dialer the file comes from (its mapping is proposed).",
    )
    mapping_id = fields.Many2one(
        "telesales.call.mapping",
        required=True,
        compute="_compute_mapping_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "To Import"), ("done", "Imported"), ("failed", "Refused")],
        default="draft",
        required=True,
    )
    result = fields.Text(readonly=True)
    expected_columns = fields.Text(
        compute="_compute_expected_columns",
        help="The header row the chosen mapping reads: one column per line, "
        "with the call field it fills.",
    )
    expected_format = fields.Char(
        compute="_compute_expected_columns",
        help="Delimiter, encoding, time zone and date format of the mapping.",
    )

    @api.depends("mapping_id")
    def _compute_expected_columns(self):
        Mapping = self.env["telesales.call.mapping"]
        Call = self.env["telesales.call"]
        for wizard in self:
            mapping = wizard.mapping_id
            if not mapping:
                wizard.expected_columns = False
                wizard.expected_format = False
                continue
            lines = []
            for col, call_field in COLUMN_FIELDS.items():
                header = (mapping[col] or "").strip()
                if not header:
                    continue
                label = Call._fields[call_field]._description_string(self.env)
                if col in REQUIRED_COLUMNS:
                    lines.append(
                        self.env._(
                            "%(column)s: %(field)s (required)",
                            column=header,
                            field=label,
                        )
                    )
                else:
                    lines.append(
                        self.env._("%(column)s: %(field)s", column=header, field=label)
                    )
            selections = {
                fname: dict(Mapping._fields[fname]._description_selection(self.env))
                for fname in ("delimiter", "encoding")
            }
            wizard.expected_columns = "\n".join(lines)
            wizard.expected_format = self.env._(
                "Delimiter %(delimiter)s, encoding %(encoding)s, times in "
                "%(timezone)s, dates %(format)s",
                delimiter=selections["delimiter"].get(mapping.delimiter, ""),
                encoding=selections["encoding"].get(mapping.encoding, ""),
                timezone=mapping.timezone,
                format=mapping.datetime_format or "ISO 8601 (2025-03-03 09:15:00)",
            )

    @api.depends("dialer_id")
    def _compute_mapping_id(self):
        default = self.env.ref(
            "telesales_hr.call_mapping_vicidial", raise_if_not_found=False
        )
        for wizard in self:
            wizard.mapping_id = (
                wizard.dialer_id.mapping_id or wizard.mapping_id or default
            )

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        with io.BytesIO(base64.b64decode(self.file)) as data:
            try:
                result = self._import_file(
                    data,
                    self.mapping_id,
                    company=self.company_id,
                    dialer=self.dialer_id,
                    source_name=self.filename,
                )
            except CallImportError as error:
                self.write({"state": "failed", "result": self._error_report(error)})
            else:
                self.write(
                    {
                        "state": "done",
                        "file": False,
                        "result": self.env._(
                            "%(rows)s rows read: %(created)s calls created, "
                            "%(skipped)s already imported. %(violations)s "
                            "compliance violations on the agent-days imported.",
                            **result,
                        ),
                    }
                )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Calls"),
        }

    def action_view_calls(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_call"
        )

    def _error_report(self, error):
        lines = [str(error.args[0]).split("\n", 1)[0], ""]
        lines += [
            self.env._("row %(row)s: %(reason)s", row=row, reason=reason)
            for row, reason in error.errors
        ]
        if error.bad_rows > len(error.errors):
            lines.append(
                self.env._(
                    "… and %(count)s more bad rows.",
                    count=error.bad_rows - len(error.errors),
                )
            )
        return "\n".join(lines)

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    @api.model
    def _resolve(self, mapping=None, company=None, dialer=None):
        """Accept records, ids, xml ids or names (for the command line and
        cron): returns (mapping, company, dialer) records."""
        Mapping = self.env["telesales.call.mapping"]
        Dialer = self.env["telesales.dialer"]
        if isinstance(dialer, str):
            dialer = Dialer.search([("name", "=", dialer)], limit=1) or (
                "." in dialer and self.env.ref(dialer, raise_if_not_found=False)
            )
            if not dialer:
                raise UserError(self.env._("No dialer is named %(name)s.", name=dialer))
        elif isinstance(dialer, int):
            dialer = Dialer.browse(dialer)
        dialer = dialer or Dialer
        if isinstance(company, int):
            company = self.env["res.company"].browse(company)
        company = company or dialer.company_id or self.env.company
        if isinstance(mapping, str):
            name = mapping
            mapping = (
                "." in name and self.env.ref(name, raise_if_not_found=False)
            ) or (Mapping.search([("name", "=ilike", name)], limit=1))
            if not mapping:
                raise UserError(
                    self.env._("No call import mapping is named %(name)s.", name=name)
                )
        elif isinstance(mapping, int):
            mapping = Mapping.browse(mapping)
        mapping = mapping or dialer.mapping_id
        if not mapping:
            raise UserError(self.env._("Choose a call import mapping."))
        return mapping, company, dialer

    @api.model
    def _import_file(
        self, source, mapping, company=None, dialer=None, source_name=None
    ):
        """Import a dialer export, all-or-nothing.

        ``source``: a path, or a binary or text file object, read as a stream
        (CSV with a header row, laid out as ``mapping`` says). ``mapping``,
        ``company``, ``dialer``: records, ids, or names / xml ids.
        Returns ``{"rows", "created", "skipped", "violations"}``; raises
        :class:`CallImportError` (a UserError) naming the bad rows, or a
        ValidationError when the header lacks a mapped column.
        """
        mapping, company, dialer = self._resolve(mapping, company, dialer)
        if isinstance(source, str | os.PathLike):
            with open(source, "rb") as data:
                return self._import_file(
                    data, mapping, company, dialer, source_name or Path(source).name
                )
        if isinstance(source, io.TextIOBase):
            text = source
        else:
            text = io.TextIOWrapper(source, encoding=mapping.encoding, newline="")
        reader = csv.reader(text, delimiter=mapping._csv_delimiter())
        try:
            header = next(reader, None)
            if not header:
                raise UserError(self.env._("The file is empty."))
            return self._import_rows(
                header,
                reader,
                mapping,
                company,
                dialer,
                source_name=source_name,
                threaded=True,
            )
        except (UnicodeDecodeError, csv.Error) as error:
            raise UserError(
                self.env._(
                    "The file cannot be read as %(encoding)s CSV near row "
                    "%(row)s: %(error)s",
                    encoding=mapping.encoding,
                    row=reader.line_num,
                    error=error,
                )
            ) from error

    @api.model
    def _import_records(self, records, mapping, company=None, dialer=None):
        """Import JSON-like records (dicts keyed by the mapping's column
        names), all-or-nothing; rows are numbered from 1. Same result and
        errors as :meth:`_import_file`."""
        mapping, company, dialer = self._resolve(mapping, company, dialer)
        header = [
            getattr(mapping, column).strip()
            for column in mapping._fields
            if column.startswith("col_") and getattr(mapping, column)
        ]

        def rows():
            for record in records:
                if not isinstance(record, dict):
                    yield None  # reported as a bad row
                    continue
                not_scalar = [
                    name
                    for name in header
                    if not isinstance(record.get(name), _SCALARS)
                ]
                if not_scalar:
                    yield _BadRecord(
                        self.env._(
                            "%(fields)s: a text, a number, true/false or null "
                            "is expected, not a list or an object",
                            fields=", ".join(not_scalar),
                        )
                    )
                    continue
                yield [
                    "" if record.get(name) is None else str(record.get(name))
                    for name in header
                ]

        return self._import_rows(
            header, rows(), mapping, company, dialer, first_row=1, source_name="JSON"
        )

    @api.model
    def _import_rows(
        self,
        header,
        rows,
        mapping,
        company,
        dialer,
        first_row=2,
        source_name=None,
        threaded=False,
    ):
        """Validate and load ``rows`` (lists of strings laid out as
        ``header``); the core of every way in.

        Rows are converted in chunks; each good chunk is loaded (COPY into a
        staging table, checked for call ids already seen in the file, then
        ``INSERT … ON CONFLICT DO NOTHING``) while the next one is parsed
        (``threaded``: in a parser thread doing pure Python, so the parsing
        overlaps PostgreSQL's work; every database call stays in this
        thread). Everything happens inside a savepoint: one bad row anywhere
        and the savepoint is rolled back, so nothing is written.
        """
        self.env["telesales.call"].check_access("create")
        mapping._check_usable_timezone()
        started = time.monotonic()
        cr = self.env.cr
        self.env.flush_all()
        logins = self._dialer_logins(company)
        convert = mapping._row_converter(header, logins)
        parsed = _Parsed()
        created, duplicates = 0, []
        with cr.savepoint(flush=False):
            cr.execute(STAGE_TABLE)
            cr.execute(
                "CREATE TEMP TABLE telesales_call_seen "
                "(external_id varchar, row_no integer) ON COMMIT DROP"
            )
            self.env["telesales.call"]._reset_days_table()
            cr.execute("SELECT current_setting('TimeZone'), current_setting('jit')")
            session_tz, session_jit = cr.fetchone()
            # JIT compiling the big statements below costs more than it saves
            cr.execute("SELECT set_config('jit', 'off', true)")
            # start times without an offset are in the dialer's timezone
            cr.execute("SELECT set_config('TimeZone', %s, true)", [mapping.timezone])
            chunks = _parse_chunks(rows, convert, first_row, parsed)
            if threaded:
                chunks = _in_thread(chunks)
            try:
                for lines in chunks:
                    if parsed.bad_rows:
                        continue  # keep validating, stop loading
                    self._copy_stage(lines)
                    created += self._insert_stage(company, dialer)
            finally:
                chunks.close()  # stops the parser thread on an error
            cr.execute("SELECT set_config('TimeZone', %s, true)", [session_tz])
            if not parsed.bad_rows:
                duplicates = self._duplicates()
            if parsed.bad_rows or duplicates:
                errors = sorted(
                    [
                        (row_no, self._describe_row(convert, row))
                        for row_no, row in parsed.bad
                    ]
                    + duplicates
                )[:MAX_ERRORS]
                raise self._import_error(
                    source_name,
                    errors,
                    parsed.bad_rows + len(duplicates),
                    parsed.total,
                )
            violations = self.env["telesales.call"]._compute_violations_days()
            cr.execute("DROP TABLE telesales_call_stage, telesales_call_seen")
            cr.execute("SELECT set_config('jit', %s, true)", [session_jit])
        self.env["telesales.call"].invalidate_model()
        _logger.info(
            "Imported %s: %s rows, %s calls created in %.1f s",
            source_name or "call records",
            parsed.total,
            created,
            time.monotonic() - started,
        )
        return {
            "rows": parsed.total,
            "created": created,
            "skipped": parsed.total - created,
            "violations": violations,
        }

    @api.model
    def _describe_row(self, convert, row):
        if row is None:
            return self.env._("the record is not a JSON object")
        if isinstance(row, _BadRecord):
            return row.message
        return convert.describe(row)

    @api.model
    def _dialer_logins(self, company):
        # archived employees included: their calls may arrive after they left
        self.env.cr.execute(
            """
            SELECT telesales_dialer_login, id FROM hr_employee
             WHERE company_id = %s AND telesales_dialer_login IS NOT NULL
            """,
            [company.id],
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _copy_stage(self, lines):
        """Replace the staging table's rows by ``lines`` (COPY text format,
        made by the mapping's converter); remember their call ids."""
        cr = self.env.cr
        cr.execute("TRUNCATE telesales_call_stage")
        text = "".join(lines)
        # psycopg2's COPY does not work with an asynchronous wait callback
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            # one read: small reads would fight the parser thread for the GIL
            cr.copy_expert(
                "COPY telesales_call_stage FROM STDIN",
                io.StringIO(text),
                size=len(text) + 1,
            )
        finally:
            psycopg2.extensions.set_wait_callback(callback)
        cr.execute(
            "INSERT INTO telesales_call_seen SELECT external_id, row_no "
            "FROM telesales_call_stage"
        )

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
    def _import_error(self, source_name, errors, bad_rows, total):
        lines = [
            self.env._(
                "%(name)s was not imported, nothing was written: %(bad)s of "
                "%(total)s rows are invalid.",
                name=source_name or self.env._("The file"),
                bad=bad_rows,
                total=total,
            )
        ]
        lines += [
            self.env._("row %(row)s: %(reason)s", row=row, reason=reason)
            for row, reason in errors[:MESSAGE_ERRORS]
        ]
        if bad_rows > MESSAGE_ERRORS:
            lines.append(
                self.env._(
                    "… and %(count)s more bad rows.", count=bad_rows - MESSAGE_ERRORS
                )
            )
        return CallImportError("\n".join(lines), errors, bad_rows, total)

    @api.model
    def _insert_stage(self, company, dialer):
        """Insert the staged rows that are not imported yet; add their
        agent-days to ``telesales_call_days``. Returns the number created.

        A plain INSERT of the rows whose id is not found is cheaper than
        ``ON CONFLICT`` (no speculative insertion per row); if a concurrent
        import or a repeated id races it, the chunk is inserted again with
        ``ON CONFLICT DO NOTHING``.
        """
        cr = self.env.cr
        try:
            with cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                cr.execute(self._insert_query(company, dialer, on_conflict=False))
                return cr.fetchone()[0]
        except UniqueViolation:
            cr.execute(self._insert_query(company, dialer, on_conflict=True))
            return cr.fetchone()[0]

    @api.model
    def _insert_query(self, company, dialer, on_conflict):
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
            on_conflict=SQL(
                "ON CONFLICT (external_id, company_id) DO NOTHING"
                if on_conflict
                else ""
            ),
        )

    # ------------------------------------------------------------------
    # Unattended imports
    # ------------------------------------------------------------------
    @api.model
    def _cron_import_directory(self, directory, mapping, company=None, dialer=None):
        """Import every ``*.csv`` of ``directory`` (oldest name first), each
        file all-or-nothing. After the transaction commits, imported files
        move to ``done/``, refused ones to ``failed/`` with a ``.errors.txt``
        report next to them. Returns ``{file name: result or error}``."""
        folder = Path(directory)
        if not folder.is_dir():
            raise UserError(
                self.env._("%(folder)s is not a directory.", folder=directory)
            )
        outcome = {}
        for path in sorted(folder.glob("*.csv")):
            report = None
            try:
                outcome[path.name] = self._import_file(
                    path, mapping, company=company, dialer=dialer
                )
                target = folder / "done"
            except (UserError, ValidationError) as error:
                _logger.warning("Call import of %s refused: %s", path, error)
                outcome[path.name] = str(error)
                target = folder / "failed"
                report = (
                    self._error_report(error)
                    if isinstance(error, CallImportError)
                    else str(error)
                )
            self.env.cr.postcommit.add(
                lambda path=path, target=target, report=report: _move(
                    path, target, report
                )
            )
        return outcome


# JSON values a record may hold (str() of them is what a CSV cell would be)
_SCALARS = (str, int, float, bool, type(None))


class _BadRecord:
    """A JSON record refused before conversion; ``message`` says why."""

    __slots__ = ("message",)

    def __init__(self, message):
        self.message = message


class _Parsed:
    """What the parser saw: rows read, bad rows (the first MAX_ERRORS kept
    with their row number, to be described)."""

    def __init__(self):
        self.total = 0
        self.bad_rows = 0
        self.bad = []


def _parse_chunks(rows, convert, first_row, parsed):
    """Lists of COPY lines of up to CHUNK_ROWS good rows; once a row is bad,
    only counts (nothing more will be loaded). Pure Python: no environment."""
    lines = []
    for row_no, row in enumerate(rows, start=first_row):
        if not row and row is not None:
            continue  # a blank line
        parsed.total += 1
        try:
            if row is None or isinstance(row, _BadRecord):
                raise RowError
            line = convert(row, row_no)
        except RowError:
            parsed.bad_rows += 1
            if len(parsed.bad) < MAX_ERRORS:
                parsed.bad.append((row_no, row))
            continue
        if parsed.bad_rows:
            continue
        lines.append(line)
        if len(lines) == CHUNK_ROWS:
            yield lines
            lines = []
    if lines and not parsed.bad_rows:
        yield lines


_DONE = object()


def _in_thread(chunks, depth=2):
    """Iterate ``chunks`` produced by a parser thread, up to ``depth`` ahead.
    An exception of the parser (unreadable file) is raised here; if the
    consumer stops early the parser is told to stop."""
    queue = Queue(maxsize=depth)
    stop = threading.Event()
    failure = []

    def produce():
        try:
            for chunk in chunks:
                while not stop.is_set():
                    try:
                        queue.put(chunk, timeout=0.5)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
        except Exception as error:  # noqa: BLE001 - re-raised by the consumer
            failure.append(error)
        finally:
            while not stop.is_set():
                try:
                    queue.put(_DONE, timeout=0.5)
                    break
                except Full:
                    continue

    thread = threading.Thread(target=produce, name="telesales-call-parser", daemon=True)
    thread.start()
    try:
        while (chunk := queue.get()) is not _DONE:
            yield chunk
    finally:
        stop.set()
        thread.join()
    if failure:
        raise failure[0]


def _move(path, target, report=None):
    target.mkdir(exist_ok=True)
    shutil.move(str(path), str(target / path.name))
    if report:
        (target / (path.name + ".errors.txt")).write_text(report, encoding="utf-8")
