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
from datetime import date, datetime
from itertools import count

import pytz
import xlsxwriter

from odoo import api, models
from odoo.tools import SQL

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
# unique names for the SQL cursors of one process
_CURSOR_SEQ = count(1)


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

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------
    def _xlsx_styles(self, workbook):
        styles = {
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "total_label": workbook.add_format({"bold": True, "top": 1}),
            None: None,
        }
        for key, num_format in NUMBER_FORMATS.items():
            styles[key] = workbook.add_format({"num_format": num_format})
            styles[("total", key)] = workbook.add_format(
                {"num_format": num_format, "bold": True, "top": 1}
            )
        styles[("total", None)] = styles["total_label"]
        return styles

    def _xlsx_clean_sheet_name(self, name):
        name = SHEET_NAME_FORBIDDEN.sub("-", str(name or "Sheet")).strip("'") or "Sheet"
        return name[:31]

    def _xlsx_write_sheet(self, workbook, worksheet, sheet, styles):
        """Header, rows in order (streamed), totals row and the optional
        subtotals block. Returns the number of data rows."""
        columns = sheet.columns or self._xlsx_columns(sheet)
        formats = self._xlsx_column_formats(workbook, columns, styles)
        header_row = self._xlsx_write_header(worksheet, sheet, columns, styles)
        row = header_row + 1
        first_data_row = row

        totalled = [c for c, column in enumerate(columns) if column.total == "sum"]
        sums = {columns[c].fname: 0.0 for c in totalled}
        counts = {c: 0 for c, column in enumerate(columns) if column.total == "count"}
        group_col = None
        if sheet.subtotal_by:
            group_col = next(
                (c for c, col in enumerate(columns) if col.fname == sheet.subtotal_by),
                None,
            )
        groups = {}
        labels = self._xlsx_bool_labels() if self._xlsx_bool_text else None

        for values in self._xlsx_rows(sheet, columns):
            for col, value in enumerate(values):
                self._xlsx_write_cell(worksheet, row, col, value, formats[col], labels)
                if (
                    col in counts
                    and value is not None
                    and value is not False
                    and value != ""
                ):
                    counts[col] += 1
            for col in totalled:
                sums[columns[col].fname] += values[col] or 0.0
            if group_col is not None:
                group = groups.setdefault(
                    values[group_col], [0] + [0.0] * len(totalled)
                )
                group[0] += 1
                for index, col in enumerate(totalled):
                    group[index + 1] += values[col] or 0.0
            row += 1
        last_data_row = row - 1
        rows_written = row - first_data_row
        if rows_written:
            worksheet.autofilter(header_row, 0, last_data_row, len(columns) - 1)

        data_rows = (first_data_row, last_data_row)
        self._xlsx_write_totals(
            worksheet, row, columns, data_rows, sums, counts, styles
        )
        row += 1

        if group_col is not None and groups:
            self._xlsx_write_subtotals(
                worksheet,
                row + 1,
                columns,
                group_col,
                totalled,
                groups,
                formats,
                styles,
            )
        return rows_written

    def _xlsx_write_header(self, worksheet, sheet, columns, styles):
        """Optional title, then the column headers (frozen); returns the
        header's row index."""
        row = 0
        if sheet.title:
            worksheet.write_string(row, 0, sheet.title, styles["title"])
            row += 2
        for col, column in enumerate(columns):
            worksheet.set_column(col, col, column.width)
            worksheet.write_string(row, col, column.header, styles["header"])
        worksheet.freeze_panes(row + 1, 0)
        return row

    def _xlsx_write_totals(
        self, worksheet, row, columns, data_rows, sums, counts, styles
    ):
        """Totals row: SUBTOTAL formulas (they follow the spreadsheet's
        filters) with the streamed sums as cached values.

        ``data_rows``: ``(first, last)`` 0-based rows of the data."""
        first_data_row, last_data_row = data_rows
        worksheet.write_string(row, 0, self.env._("Total"), styles["total_label"])
        for col, column in enumerate(columns):
            if col == 0:
                continue
            style = styles.get(("total", column.num_format), styles["total_label"])
            if column.total == "sum":
                first, last = (
                    first_data_row + 1,
                    max(last_data_row + 1, first_data_row + 1),
                )
                letter = self._xlsx_col_letter(col)
                worksheet.write_formula(
                    row,
                    col,
                    f"=SUBTOTAL(9,{letter}{first}:{letter}{last})",
                    style,
                    sums[column.fname],
                )
            elif column.total == "count":
                worksheet.write_number(row, col, counts[col], styles[("total", "int")])
            elif callable(column.total):
                value = self._xlsx_unit(column, column.total(sums))
                if value is not None:
                    worksheet.write(row, col, value, style)
            else:
                worksheet.write_blank(row, col, None, styles["total_label"])

    def _xlsx_write_subtotals(
        self, worksheet, row, columns, group_col, totalled, groups, formats, styles
    ):
        """The "Totals by <column>" block from ``row`` on: one line per value
        of ``group_col`` with its row count and the sums of ``totalled``."""
        worksheet.write_string(
            row,
            0,
            self.env._("Totals by %(column)s", column=columns[group_col].header),
            styles["title"],
        )
        row += 1
        worksheet.write_string(row, 0, columns[group_col].header, styles["header"])
        worksheet.write_string(row, 1, self.env._("Rows"), styles["header"])
        for index, col in enumerate(totalled):
            worksheet.write_string(
                row, index + 2, columns[col].header, styles["header"]
            )
        row += 1
        for group, figures in sorted(groups.items(), key=lambda item: str(item[0])):
            worksheet.write(row, 0, group if group is not None else "")
            worksheet.write_number(row, 1, figures[0], styles["int"])
            for index, col in enumerate(totalled):
                worksheet.write_number(row, index + 2, figures[index + 1], formats[col])
            row += 1

    def _xlsx_column_formats(self, workbook, columns, styles):
        formats = []
        for column in columns:
            key = column.num_format
            if key not in styles:
                # an explicit xlsx number format (e.g. "0.000"), made once
                styles[key] = workbook.add_format({"num_format": key})
                styles[("total", key)] = workbook.add_format(
                    {"num_format": key, "bold": True, "top": 1}
                )
            formats.append(styles[key])
        return formats

    @staticmethod
    def _xlsx_col_letter(col):
        letters = ""
        col += 1
        while col:
            col, rest = divmod(col - 1, 26)
            letters = chr(65 + rest) + letters
        return letters

    def _xlsx_write_cell(self, worksheet, row, col, value, cell_format, labels=None):
        """Write one value; ``labels``: the texts of True and False."""
        if value is None or (value is False and labels is None):
            return  # constant_memory: nothing to write for an empty cell
        if isinstance(value, bool):
            if labels is None:
                worksheet.write_boolean(row, col, value, cell_format)
            else:
                # 是 / 否, not TRUE / FALSE or a blank cell
                worksheet.write_string(row, col, labels[value], cell_format)
        elif isinstance(value, int | float):
            worksheet.write_number(row, col, value, cell_format)
        elif isinstance(value, datetime | date):
            worksheet.write_datetime(row, col, value, cell_format)
        else:
            worksheet.write_string(row, col, str(value), cell_format)

    # ------------------------------------------------------------------
    # Reading: an SQL cursor over the ORM's query, fetched in chunks
    # ------------------------------------------------------------------
    def _xlsx_rows(self, sheet, columns):
        """Yield the rows of ``sheet`` as lists of cell values, in order.

        The query is the ORM's (``_search``: access rights, record rules,
        company) selecting only the columns' fields; a server-side SQL
        cursor fetches ``_xlsx_chunk_size`` rows at a time. Many2one ids
        become display names (as superuser, like a list view shows the name
        of a linked record the user may not open) through a bounded cache,
        selection keys become their translated labels.
        """
        Model = self.env[sheet.model]
        query = Model._search(sheet.domain or [], order=sheet.order or Model._order)
        alias = query.table
        fnames = [column.fname for column in columns]
        select = [Model._field_to_sql(alias, fname, query) for fname in fnames]
        sql = query.select(*select)
        self.env.flush_query(sql)
        fields_ = [self._xlsx_field(Model, fname) for fname in fnames]
        converters = [
            None if column.raw else self._xlsx_converter(fld, column)
            for fld, column in zip(fields_, columns, strict=True)
        ]
        m2o = [
            (index, fld.comodel_name)
            for index, fld in enumerate(fields_)
            if fld.type == "many2one" and not columns[index].raw
        ]
        names = {}
        cursor = SQL.identifier(f"telesales_xlsx_{os.getpid()}_{next(_CURSOR_SEQ)}")
        cr = self.env.cr
        # an export reads every row: plan for the total time, not for the
        # first rows (PostgreSQL's default for cursors), then restore
        cr.execute("SHOW cursor_tuple_fraction")
        fraction = cr.fetchone()[0]
        cr.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        cr.execute(SQL("DECLARE %s NO SCROLL CURSOR FOR %s", cursor, sql))
        cr.execute(
            SQL("SELECT set_config('cursor_tuple_fraction', %s, true)", fraction)
        )
        try:
            while True:
                cr.execute(
                    SQL("FETCH FORWARD %s FROM %s", self._xlsx_chunk_size, cursor)
                )
                chunk = cr.fetchall()
                if not chunk:
                    break
                if m2o:
                    self._xlsx_resolve_names(chunk, m2o, names)
                for record in chunk:
                    values = []
                    for index, value in enumerate(record):
                        convert = converters[index]
                        if convert is None:
                            values.append(value)
                        elif convert == "many2one":
                            values.append(
                                names.get((fields_[index].comodel_name, value))
                                if value
                                else None
                            )
                        else:
                            values.append(convert(value))
                    yield values
                del chunk
        finally:
            cr.execute(SQL("CLOSE %s", cursor))

    def _xlsx_field(self, Model, fname):
        fld = Model._fields[fname]
        # a related field shows the value of its target field
        while fld.related and not fld.store and fld.related_field:
            fld = fld.related_field
        return fld

    def _xlsx_converter(self, fld, column=None):
        """The function turning a database value into the cell's value (None
        when the value is written as it is)."""
        if fld.type == "many2one":
            return "many2one"
        if fld.type == "selection":
            labels = dict(fld._description_selection(self.env))
            return lambda value: labels.get(value, value) if value else None
        if fld.type == "boolean":
            return lambda value: bool(value)
        if fld.type in ("char", "text", "html"):
            return lambda value: value or None
        if fld.type == "datetime":
            tz = self._xlsx_tz()
            return lambda value: (
                pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
                if value
                else None
            )
        if column is not None and column.num_format in ("pct", *DAY_FRACTION_FORMATS):
            return lambda value, column=column: self._xlsx_unit(column, value)
        return None

    def _xlsx_unit(self, column, value):
        """A number in the unit of its cell: a percentage as a fraction
        rounded to 0.1 %, hours as a fraction of a day."""
        if value is None or value is False or isinstance(value, str):
            return value
        if column.num_format == "pct":
            return round(value / 100.0, 3)
        if column.num_format in DAY_FRACTION_FORMATS:
            return value / 24.0
        return value

    def _xlsx_resolve_names(self, chunk, m2o, names):
        """Fill ``names`` with the display names of the chunk's many2one
        values not known yet, one read per comodel and chunk."""
        missing = {}
        for index, comodel in m2o:
            for record in chunk:
                value = record[index]
                if value and (comodel, value) not in names:
                    missing.setdefault(comodel, set()).add(value)
        if not missing:
            return
        if len(names) + sum(map(len, missing.values())) > self._xlsx_name_cache_size:
            # start again with the names of this chunk only (at most the
            # chunk size per many2one column), and let the records browsed
            # for their names leave the ORM cache too
            names.clear()
            for comodel in {comodel for __, comodel in m2o}:
                self.env[comodel].invalidate_model()
            missing = {}
            for index, comodel in m2o:
                for record in chunk:
                    if record[index]:
                        missing.setdefault(comodel, set()).add(record[index])
        for comodel, ids in missing.items():
            # prefetch_fields=False: read what the display name needs, not
            # every column of the comodel
            records = (
                self.env[comodel]
                .sudo()
                .with_context(active_test=False, prefetch_fields=False)
                .browse(ids)
            )
            for rec in records:
                names[(comodel, rec.id)] = rec.display_name
