# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A streaming base for the telesales XLSX exports (OCA ``report_xlsx``).

A report describes its columns and its sheets; the base writes each sheet
row by row straight from a PostgreSQL cursor (``DECLARE … CURSOR`` /
``FETCH`` in chunks) into an xlsxwriter workbook opened in
``constant_memory`` mode, so memory stays flat whatever the number of rows:
no list of records, no list of rows, only the current chunk, the running
totals and a bounded cache of display names.

The rows come from the ORM's query object (``Model._search(domain)``), so
access rights and record rules apply: an agent's export holds their rows
only.

Adding an export (see the reports of this module for complete examples)::

    class PremiumXlsx(models.AbstractModel):
        _name = "report.telesales_hr.premium_xlsx"
        _inherit = "report.telesales_hr.xlsx_stream"
        _description = "Premium Ledger XLSX"
        _xlsx_model = "telesales.premium"      # rows (default: the report's model)
        _xlsx_order = "date, id"

        def _xlsx_columns(self, sheet):
            return [
                XlsxColumn("employee_id", self.env._("Agent"), 24),
                XlsxColumn("amount", self.env._("Premium"), 14, "money", "sum"),
            ]

plus an ``ir.actions.report`` with ``report_type`` ``xlsx`` and
``report_name`` ``telesales_hr.premium_xlsx``.
"""

import logging
import os
import re
import tempfile
from dataclasses import dataclass, field

import pytz
import xlsxwriter

from odoo import api, models

_logger = logging.getLogger(__name__)

NUMBER_FORMATS = {
    "money": "#,##0.00",
    "int": "#,##0",
    "float": "#,##0.00",
    # a percentage cell: the field's value in % (113.87) is written as the
    # fraction (1.139), rounded to 0.1 %
    "pct": "0.0%",
    "date": "yyyy-mm-dd",
    "month": "yyyy-mm",
    # datetime fields are written in the user's time zone
    "datetime": "yyyy-mm-dd hh:mm",
    # a clock time: a float field in hours (9.36) or a datetime field, as an
    # Excel time (09:21)
    "time": "hh:mm",
    # a duration: a float field in hours, as an Excel duration (3:29)
    "duration": "[h]:mm",
}
# formats whose float values in hours are written as fractions of a day
DAY_FRACTION_FORMATS = ("time", "duration")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass
class XlsxColumn:
    """One column of an export.

    :param fname: stored field of the row model (many2one shows the display
        name, selection the translated label); ``related`` fields work too.
    :param header: translated header.
    :param width: column width in characters.
    :param num_format: key of ``NUMBER_FORMATS`` or an xlsx number format.
    :param total: ``"sum"`` (a SUBTOTAL formula with its cached value),
        ``"count"`` (number of non-empty cells) or a callable
        ``f(sums) -> value`` receiving the sums of the totalled columns by
        field name (e.g. an achievement ratio, in the field's unit: % for a
        "pct" column); ``None`` leaves it blank.
    :param raw: the database value as it is (no display name, label, time
        zone or unit conversion), for a report computing a cell from others.

    Values are what a person reads: many2one display names and selection
    labels in the user's language (and booleans as 是/否 in the reports
    setting ``_xlsx_bool_text``), datetimes in the user's time zone, clock
    times and durations as Excel times, percentages as percentage cells.
    """

    fname: str
    header: str
    width: int = 14
    num_format: str | None = None
    total: object = None
    raw: bool = False


@dataclass
class XlsxSheet:
    """One sheet: rows of ``model`` matching ``domain`` in ``order``.

    :param subtotal_by: field name of a column: after the totals row, a
        block sums the totalled columns per value of that column (e.g. the
        amounts per state).
    """

    name: str
    model: str
    domain: list = field(default_factory=list)
    order: str | None = None
    columns: list = None
    subtotal_by: str | None = None
    title: str | None = None


class TelesalesXlsxStream(models.AbstractModel):
    """The report base: what a report declares and the report_xlsx entry
    points; the sheets are written by telesales_xlsx_writer from the rows
    of telesales_xlsx_reader."""

    _name = "report.telesales_hr.xlsx_stream"
    _inherit = "report.report_xlsx.abstract"
    _description = "Telesales Streaming XLSX Report"

    # model of the rows; default: the model the report is bound to
    _xlsx_model = None
    # order of the rows (ORM order syntax); default: the row model's _order
    _xlsx_order = None
    # rows fetched from the SQL cursor at a time
    _xlsx_chunk_size = 2000
    # display names kept in memory at most (then the cache restarts)
    _xlsx_name_cache_size = 20000
    # booleans written as 是 / 否 (translated "Yes" / "No"); off: TRUE or a
    # blank cell (the reports of the other add-ons until they switch)
    _xlsx_bool_text = False

    # ------------------------------------------------------------------
    # API for the reports
    # ------------------------------------------------------------------
    def _xlsx_columns(self, sheet):
        """Columns of ``sheet`` (a list of :class:`XlsxColumn`)."""
        raise NotImplementedError()

    def _xlsx_sheets(self, domain, data):
        """The sheets to write, in order (an iterable of :class:`XlsxSheet`).

        ``domain`` selects the records the export was asked for, on the
        report's model: the selected records (``docids``) or the filter of
        the list / the export wizard (``data["domain"]``). By default one
        sheet of those records; a report over a parent model (e.g. one
        sheet per review) overrides this.
        """
        model = self._xlsx_model or self.env.context.get("active_model")
        yield XlsxSheet(
            name=self._xlsx_sheet_name(),
            model=model,
            domain=domain,
            order=self._xlsx_order,
        )

    def _xlsx_sheet_name(self):
        """The report's description, in the user's language."""
        return self.env["ir.model"].sudo()._get(self._name).name or self._description

    @api.model
    def _xlsx_source_domain(self, docids, data):
        """Domain of the records to export on the report's model."""
        if data and data.get("domain") is not None:
            return list(data["domain"])
        if docids:
            return [("id", "in", list(docids))]
        ids = (data or {}).get("context", {}).get("active_ids") or self.env.context.get(
            "active_ids"
        )
        if ids:
            return [("id", "in", list(ids))]
        return []

    # ------------------------------------------------------------------
    # report_xlsx entry points
    # ------------------------------------------------------------------
    def get_workbook_options(self):
        # constant_memory: each row is flushed to a temporary file as soon as
        # the next one starts (rows must be written in order); strings are
        # written inline (no shared-string table growing with the rows).
        return {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }

    def create_xlsx_report(self, docids, data):
        """Write the workbook to a temporary file, not a BytesIO: the
        compressed file is read once at the end (one copy in memory, the
        one the HTTP response sends)."""
        handle, path = tempfile.mkstemp(prefix="telesales_", suffix=".xlsx")
        os.close(handle)
        try:
            self._xlsx_in_user_lang()._xlsx_write(path, docids, data)
            with open(path, "rb") as xlsx:
                return xlsx.read(), "xlsx"
        finally:
            os.unlink(path)

    def _xlsx_in_user_lang(self):
        """The report in the user's language when the caller gave none (a
        labels, headers and reasons are translated with ``self.env._``)."""
        if self.env.context.get("lang"):
            return self
        return self.with_context(lang=self.env.user.lang or "en_US")

    def _xlsx_tz(self):
        """Time zone of the datetimes written: the user's, else the company's
        working schedule's, else UTC."""
        name = (
            self.env.context.get("tz")
            or self.env.user.tz
            or self.env.company.resource_calendar_id.tz
            or "UTC"
        )
        try:
            return pytz.timezone(name)
        except pytz.UnknownTimeZoneError:
            return pytz.utc

    def _xlsx_bool_labels(self):
        return {True: self.env._("Yes"), False: self.env._("No")}

    def _xlsx_write(self, target, docids, data):
        """Write the export into ``target`` (a file name or a binary file
        object). Returns the number of data rows written per sheet name."""
        data = dict(data or {})
        domain = self._xlsx_source_domain(docids, data)
        workbook = xlsxwriter.Workbook(target, self.get_workbook_options())
        written = {}
        try:
            styles = self._xlsx_styles(workbook)
            for sheet in self._xlsx_sheets(domain, data):
                worksheet = workbook.add_worksheet(
                    self._xlsx_clean_sheet_name(sheet.name)
                )
                written[worksheet.name] = self._xlsx_write_sheet(
                    workbook, worksheet, sheet, styles
                )
            if not written:
                worksheet = workbook.add_worksheet(
                    self._xlsx_clean_sheet_name(self._xlsx_sheet_name())
                )
                worksheet.write(0, 0, self.env._("Nothing to export."))
                written[worksheet.name] = 0
        finally:
            workbook.close()
        return written

    def generate_xlsx_report(self, workbook, data, objs):
        raise NotImplementedError(
            "report.telesales_hr.xlsx_stream writes its workbook in _xlsx_write()"
        )
