# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What payroll reads of the disciplinary cases."""

from collections import defaultdict

from odoo import api, fields, models


class TelesalesDiscipline(models.Model):
    """The behaviour-quality points payroll deducts."""

    _inherit = "telesales.discipline"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _quality_points(self, employees, date_from, date_to):
        """Behaviour-quality points each employee lost in the months of
        [date_from, date_to] (payroll: points × the company's point value).

        Counts applied cases, not cancelled ones, by their month of
        application. Cases of the same month add up (an inspection and a
        complaint on the same call both count) but a month never loses more
        than the company's monthly score, and a level that resets the score
        takes all of it. Returns ``{employee id: points}``, read with the
        caller's rights (payroll reads as the superuser).
        """
        if not employees:
            return {}
        month_from = fields.Date.to_date(date_from).replace(day=1)
        groups = self._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "applied"),
                ("period", ">=", month_from),
                ("period", "<=", date_to),
            ],
            ["employee_id", "company_id", "period:month"],
            ["points:sum", "reset_score:bool_or"],
        )
        result = defaultdict(float)
        for employee, company, _month, points, reset in groups:
            base = company.telesales_quality_base_points
            result[employee.id] += base if reset else min(points, base)
        return dict(result)
