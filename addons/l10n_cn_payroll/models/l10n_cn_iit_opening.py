# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class L10nCnIitOpening(models.Model):
    """Year-to-date figures from before Odoo paid the employee (a mid-year
    go-live): what the previous system declared for this company up to and
    including ``month_to``. The cumulative method adds them to the done
    payslips of the year."""

    _name = "l10n_cn.iit.opening"
    _description = "Income Tax Opening Balance (China)"
    _order = "year desc, employee_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True)
    month_to = fields.Integer(
        string="Up to Month",
        required=True,
        help="Last month (1–12) these figures cover; Odoo's payslips start after.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    income = fields.Monetary(string="Cumulative Income")
    tax_free_income = fields.Monetary(string="Cumulative Tax-Free Income")
    pension = fields.Monetary(string="Cumulative Pension (Employee)")
    medical = fields.Monetary(string="Cumulative Medical (Employee)")
    unemployment = fields.Monetary(string="Cumulative Unemployment (Employee)")
    housing_fund = fields.Monetary(string="Cumulative Housing Fund (Employee)")
    child_education = fields.Monetary(string="Cumulative Child Education")
    continuing_education = fields.Monetary(string="Cumulative Continuing Education")
    mortgage_interest = fields.Monetary(string="Cumulative Mortgage Interest")
    housing_rent = fields.Monetary(string="Cumulative Housing Rent")
    elderly_support = fields.Monetary(string="Cumulative Elderly Support")
    infant_care = fields.Monetary(string="Cumulative Infant Care")
    other_deduction = fields.Monetary(string="Cumulative Other Deductions")
    tax_withheld = fields.Monetary(string="Cumulative Tax Withheld")
    note = fields.Char()

    _sql_constraints = [
        (
            "employee_year_uniq",
            "unique(employee_id, company_id, year)",
            "One opening balance per employee, company and year.",
        ),
    ]

    @api.constrains("month_to")
    def _check_month(self):
        for row in self:
            if not 1 <= row.month_to <= 12:
                raise ValidationError(self.env._("The month must be 1 to 12."))
