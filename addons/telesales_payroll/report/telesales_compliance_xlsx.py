# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.telesales_hr.report.telesales_xlsx_stream import XlsxColumn


def _with_deduction_column(env, columns, after=None):
    """``columns`` with the attendance deduction of the day, summed, after
    the column ``after`` (at the end without it)."""
    column = XlsxColumn(
        "attendance_deduction",
        env._("Attendance Deduction"),
        14,
        "money",
        "sum",
    )
    index = next(
        (i + 1 for i, col in enumerate(columns) if col.fname == after), len(columns)
    )
    return [*columns[:index], column, *columns[index:]]


class TelesalesDailyComplianceXlsx(models.AbstractModel):
    """The compliance export of telesales_hr, with the day's attendance
    deduction after the overtime."""

    _inherit = "report.telesales_hr.daily_compliance_xlsx"

    def _xlsx_columns(self, sheet):
        return _with_deduction_column(
            self.env, super()._xlsx_columns(sheet), after="overtime_hours"
        )


class TelesalesAttendanceExceptionXlsx(models.AbstractModel):
    """The attendance exceptions of telesales_hr, with the day's deduction
    as the last column."""

    _inherit = "report.telesales_hr.attendance_exception_xlsx"

    def _xlsx_columns(self, sheet):
        return _with_deduction_column(self.env, super()._xlsx_columns(sheet))
