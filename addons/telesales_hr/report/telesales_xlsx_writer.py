# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writing a sheet of a telesales XLSX export: header, streamed rows, the
totals row and the subtotals block (see telesales_xlsx_stream)."""

from datetime import date, datetime

from odoo import models

from .telesales_xlsx_stream import NUMBER_FORMATS, SHEET_NAME_FORBIDDEN


class TelesalesXlsxStream(models.AbstractModel):
    _inherit = "report.telesales_hr.xlsx_stream"  # pylint: disable=consider-merging-classes-inherited

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
