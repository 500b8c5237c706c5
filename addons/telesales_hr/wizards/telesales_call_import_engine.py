# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import logging
import os
import shutil
import time
from pathlib import Path

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from .telesales_call_import import CallImportError
from .telesales_call_import_chunks import (
    MAX_ERRORS,
    SCALARS,
    BadRecord,
    Parsed,
    in_thread,
    parse_chunks,
)

_logger = logging.getLogger(__name__)

MESSAGE_ERRORS = 20  # bad rows listed in the exception message


class TelesalesCallImport(models.TransientModel):
    """The import engine: every way in (wizard, JSON endpoint, command line,
    directory cron, benchmark) ends in :meth:`_import_rows`."""

    _inherit = "telesales.call.import"  # pylint: disable=consider-merging-classes-inherited

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
        position = None
        if isinstance(source, io.TextIOBase):
            text = source
        else:
            # PostgreSQL reads a file it can go back to (see _import_copy)
            position = source.tell() if source.seekable() else None
            text = io.TextIOWrapper(source, encoding=mapping.encoding, newline="")
        reader = csv.reader(text, delimiter=mapping._csv_delimiter())
        try:
            header = next(reader, None)
            if not header:
                raise UserError(self.env._("The file is empty."))
            if position is not None:
                text.detach()
                source.seek(position)
                result = self._import_copy(
                    source, header, mapping, company, dialer, source_name
                )
                if result is not None:
                    return result
                source.seek(position)
                text = io.TextIOWrapper(source, encoding=mapping.encoding, newline="")
                reader = csv.reader(text, delimiter=mapping._csv_delimiter())
                next(reader)
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
        header = self._records_header(mapping)
        return self._import_rows(
            header,
            self._record_rows(records, header),
            mapping,
            company,
            dialer,
            first_row=1,
            source_name="JSON",
        )

    @api.model
    def _records_header(self, mapping):
        """The keys a JSON record is read by: the mapping's column names."""
        return [
            getattr(mapping, column).strip()
            for column in mapping._fields
            if column.startswith("col_") and getattr(mapping, column)
        ]

    @api.model
    def _record_rows(self, records, header):
        """Rows of strings laid out as ``header``; a record that is not an
        object yields None, one holding a list or an object a BadRecord
        (both reported as bad rows)."""
        for record in records:
            if not isinstance(record, dict):
                yield None
                continue
            not_scalar = [
                name for name in header if not isinstance(record.get(name), SCALARS)
            ]
            if not_scalar:
                yield BadRecord(
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

    @api.model
    def _check_records(self, records, mapping):
        """The checks of :meth:`_import_records` that need no conversion
        (each record an object of texts, numbers, booleans or nulls; a usable
        mapping), for a push imported later: raises the same errors."""
        mapping._check_usable_timezone()
        header = self._records_header(mapping)
        bad = [
            (row_no, self._describe_row(None, row))
            for row_no, row in enumerate(self._record_rows(records, header), 1)
            if row is None or isinstance(row, BadRecord)
        ]
        if bad:
            raise self._import_error("JSON", bad[:MAX_ERRORS], len(bad), len(records))

    @api.model
    def _import_progress(self, done_rows, total_rows=None):
        """Hook called by :meth:`_import_rows` after each loaded chunk with
        the rows parsed so far (``total_rows`` when known). Does nothing
        here; a background import reports it to the user
        (telesales_call_import_job.py)."""

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
        parsed = Parsed()
        created, loaded, duplicates = 0, 0, []
        with cr.savepoint(flush=False):
            session = self._open_stage(mapping)
            chunks = parse_chunks(rows, convert, first_row, parsed)
            if threaded:
                chunks = in_thread(chunks)
            try:
                for lines in chunks:
                    if parsed.bad_rows:
                        continue  # keep validating, stop loading
                    self._copy_stage(lines)
                    created += self._insert_stage(company, dialer)
                    loaded += len(lines)
                    self._import_progress(loaded)
            finally:
                chunks.close()  # stops the parser thread on an error
            self._restore_timezone(session)
            if not parsed.bad_rows:
                duplicates = self._duplicates()
            self._raise_bad_rows(convert, parsed, duplicates, source_name)
            violations = self._close_stage(session)
        return self._import_result(
            source_name, parsed.total, created, violations, started
        )

    @api.model
    def _raise_bad_rows(self, convert, parsed, duplicates, source_name):
        """Raise the import's error naming the bad rows and the call ids seen
        twice, if there are any."""
        if not parsed.bad_rows and not duplicates:
            return
        errors = sorted(
            [(row_no, self._describe_row(convert, row)) for row_no, row in parsed.bad]
            + duplicates
        )[:MAX_ERRORS]
        raise self._import_error(
            source_name, errors, parsed.bad_rows + len(duplicates), parsed.total
        )

    @api.model
    def _import_result(self, source_name, total, created, violations, started):
        self.env["telesales.call"].invalidate_model()
        _logger.info(
            "Imported %s: %s rows, %s calls created in %.1f s",
            source_name or "call records",
            total,
            created,
            time.monotonic() - started,
        )
        return {
            "rows": total,
            "created": created,
            "skipped": total - created,
            "violations": violations,
        }

    @api.model
    def _describe_row(self, convert, row):
        if row is None:
            return self.env._("the record is not a JSON object")
        if isinstance(row, BadRecord):
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


def _move(path, target, report=None):
    target.mkdir(exist_ok=True)
    shutil.move(str(path), str(target / path.name))
    if report:
        (target / (path.name + ".errors.txt")).write_text(report, encoding="utf-8")
