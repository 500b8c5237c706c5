# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cn_tax import D, months_covered

#: the six special additional deductions (个人所得税专项附加扣除暂行办法,
#: 国发〔2018〕41号, amounts raised by 国发〔2023〕13号)
DEDUCTION_TYPES = [
    ("child_education", "Child education"),
    ("continuing_education", "Continuing education"),
    ("mortgage_interest", "Mortgage interest"),
    ("housing_rent", "Housing rent"),
    ("elderly_support", "Elderly support"),
    ("infant_care", "Infant care (under 3)"),
]


class L10nCnSpecialDeduction(models.Model):
    """A special additional deduction (专项附加扣除) the employee declared to
    this company, with its validity. A deduction declared late still counts
    from the month it started (补扣): the cumulative method recomputes it."""

    _name = "l10n_cn.special.deduction"
    _description = "Special Additional Deduction (China)"
    _order = "employee_id, deduction_type, date_from"

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    deduction_type = fields.Selection(DEDUCTION_TYPES, string="Type", required=True)
    frequency = fields.Selection(
        [("monthly", "Monthly"), ("once", "Once in the year")],
        default="monthly",
        required=True,
        help="Once: e.g. 3,600 for a vocational qualification certificate, "
        "deducted in the year it was obtained.",
    )
    amount = fields.Float(
        digits="Payroll",
        required=True,
        help="Monthly amount, or the one-off amount.",
    )
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To")
    note = fields.Char()

    @api.constrains("date_from", "date_to", "amount")
    def _check_dates(self):
        for row in self:
            if row.date_to and row.date_to < row.date_from:
                raise ValidationError(
                    self.env._("A special deduction ends before it starts.")
                )
            if row.amount < 0:
                raise ValidationError(
                    self.env._("A special deduction cannot be negative.")
                )

    def cumulative_by_type(self, year, first_month, last_month):
        """{type: Decimal} cumulated over the months employed here this year
        up to ``last_month``."""
        totals = {key: D(0) for key, _label in DEDUCTION_TYPES}
        for row in self:
            if row.frequency == "once":
                if row.date_from.year == year and row.date_from.month <= last_month:
                    totals[row.deduction_type] += D(row.amount)
                continue
            months = months_covered(
                year, first_month, last_month, row.date_from, row.date_to
            )
            totals[row.deduction_type] += D(row.amount) * months
        return totals
