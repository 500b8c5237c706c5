# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class L10nCnTaxYear(models.Model):
    """The employee's situation for one tax year at this company: the 2020
    rules that change the basic deduction, and the choice for the annual
    one-off bonus."""

    _name = "l10n_cn.tax.year"
    _description = "Employee Tax Year (China)"
    _order = "employee_id, year desc"

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True)
    first_job_of_year = fields.Boolean(
        string="First Salary of the Year",
        help="国家税务总局公告2020年第13号: the employee had no salary income "
        "earlier this year; the basic deduction counts 5,000 a month from "
        "January, not from the month of hire.",
    )
    previous_year_low_income = fields.Boolean(
        string="Last Year's Income at Most 60,000",
        help="国家税务总局公告2020年第19号: paid by this company in every month "
        "of last year, with last year's income at most 60,000: the basic "
        "deduction is 60,000 from January.",
    )
    bonus_separate = fields.Boolean(
        string="Tax Annual Bonus Separately",
        default=True,
        help="财政部 税务总局公告2023年第30号 (until 2027-12-31): the annual "
        "one-off bonus is taxed on its own with the monthly table; unticked, "
        "it joins the month's wage income.",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "employee_year_uniq",
            "unique(employee_id, company_id, year)",
            "One tax year per employee, company and year.",
        ),
    ]
