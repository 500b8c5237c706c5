# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Individual income tax on the payslip, by cumulative withholding
(累计预扣法, 国家税务总局公告2018年第61号).

Year to date = this company's done payslips of the calendar year (refunds
count negative) + the opening balance of a mid-year go-live. Every cumulative
figure is kept on the payslip: the 工资条 and the withholding sheet show them,
and the next month starts from them.
"""

from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

from .cn_tax import D, annual_bonus_tax, cumulative_withholding, months_employed
from .hr_payslip import EMPLOYEE_CONTRIBUTIONS
from .l10n_cn_special_deduction import DEDUCTION_TYPES

SPECIAL_TYPES = [key for key, _label in DEDUCTION_TYPES]
#: payslip fields summed into the year to date
YTD_FIELDS = [
    "l10n_cn_income",
    "l10n_cn_tax_free_income",
    "l10n_cn_iit",
] + ["l10n_cn_" + kind for kind in EMPLOYEE_CONTRIBUTIONS]


def _money_field(string, **kwargs):
    return fields.Float(string=string, digits="Payroll", readonly=True, **kwargs)


# One concept per file (contributions, income tax), each under 400 lines.
class HrPayslip(models.Model):  # pylint: disable=consider-merging-classes-inherited
    _inherit = "hr.payslip"

    l10n_cn_iit_table_id = fields.Many2one(
        "l10n_cn.iit.table", string="Tax Table Used", readonly=True
    )
    l10n_cn_bonus_table_id = fields.Many2one(
        "l10n_cn.iit.table", string="Bonus Tax Table Used", readonly=True
    )
    l10n_cn_tax_year_id = fields.Many2one(
        "l10n_cn.tax.year", string="Tax Year Used", readonly=True
    )
    l10n_cn_opening_id = fields.Many2one(
        "l10n_cn.iit.opening", string="Opening Balance Used", readonly=True
    )
    l10n_cn_special_deduction_ids = fields.Many2many(
        "l10n_cn.special.deduction",
        "l10n_cn_payslip_special_deduction_rel",
        "payslip_id",
        "deduction_id",
        string="Special Deductions Used",
        readonly=True,
    )
    l10n_cn_income = _money_field(
        "Income This Period", help="本期收入: wage income, tax-free part included."
    )
    l10n_cn_tax_free_income = _money_field("Tax-Free Income This Period")
    l10n_cn_bonus = _money_field("Annual Bonus Taxed Separately")
    l10n_cn_bonus_rate = fields.Float(string="Bonus Tax Rate (%)", readonly=True)
    l10n_cn_bonus_tax = _money_field("Annual Bonus Tax")
    l10n_cn_months = fields.Integer(string="Months Employed This Year", readonly=True)
    l10n_cn_cum_income = _money_field("Cumulative Income")
    l10n_cn_cum_tax_free = _money_field("Cumulative Tax-Free Income")
    l10n_cn_cum_basic = _money_field("Cumulative Basic Deduction")
    l10n_cn_cum_social = _money_field("Cumulative SI and HF")
    l10n_cn_cum_child_education = _money_field("Cumulative Child Education")
    l10n_cn_cum_continuing_education = _money_field("Cumulative Continuing Education")
    l10n_cn_cum_mortgage_interest = _money_field("Cumulative Mortgage Interest")
    l10n_cn_cum_housing_rent = _money_field("Cumulative Housing Rent")
    l10n_cn_cum_elderly_support = _money_field("Cumulative Elderly Support")
    l10n_cn_cum_infant_care = _money_field("Cumulative Infant Care")
    l10n_cn_cum_special = _money_field("Cumulative Special Deductions")
    l10n_cn_cum_other = _money_field("Cumulative Other Deductions")
    l10n_cn_cum_taxable = _money_field("Cumulative Taxable Income")
    l10n_cn_iit_rate = fields.Float(string="Tax Rate (%)", readonly=True)
    l10n_cn_iit_quick = _money_field("Quick Deduction")
    l10n_cn_cum_tax = _money_field("Cumulative Tax")
    l10n_cn_withheld_before = _money_field("Tax Withheld Earlier This Year")
    l10n_cn_iit = _money_field("Income Tax This Period")

    # ------------------------------------------------------------------
    # Called by the salary rules
    # ------------------------------------------------------------------
    def l10n_cn_withhold(self, gross, tax_free=0.0, bonus=0.0, pretax=0.0):
        """This month's income tax on wages (positive), and the separate tax
        of an annual bonus (see ``l10n_cn_bonus_tax``).

        :param gross: the gross category (bonus and tax-free income included)
        :param tax_free: tax-free income inside the gross (category CN_TAXFREE)
        :param bonus: annual one-off bonus inside the gross (category CN_BONUS)
        :param pretax: deductions that lower the taxable wage, negative
            (category CN_PRETAX, e.g. unpaid absence)
        """
        self.ensure_one()
        self.l10n_cn_prepare()
        vals = self._l10n_cn_iit_values(D(gross), D(tax_free), D(bonus), D(pretax))
        self.write(vals)
        return self.l10n_cn_iit

    def l10n_cn_bonus_tax_amount(self):
        """The separate tax of this month's annual bonus (positive), set by
        ``l10n_cn_withhold`` (the rule runs after it)."""
        self.ensure_one()
        return self.l10n_cn_bonus_tax

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _l10n_cn_ytd_slips(self):
        """This company's done payslips of the employee in the calendar year,
        up to this period, this one excluded."""
        self.ensure_one()
        # sudo: the tax withheld must not depend on which payslips the user
        # computing this one may see (OCA officers see their departments only)
        return self.sudo().search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("date_from", ">=", date(self.date_from.year, 1, 1)),
                ("date_from", "<=", self.date_to),
                ("id", "!=", self._origin.id or 0),
            ]
        )

    def _l10n_cn_ytd(self):
        """{field: Decimal} of the year-to-date payslips; refunds negative."""
        totals = {name: D(0) for name in YTD_FIELDS + ["l10n_cn_bonus"]}
        for slip in self._l10n_cn_ytd_slips():
            sign = -1 if slip.credit_note else 1
            for name in totals:
                totals[name] += sign * D(slip[name])
        return totals

    def _l10n_cn_start_date(self):
        """When employment at this company started, for the months employed:
        the first contract running this year."""
        year_start = date(self.date_from.year, 1, 1)
        contracts = self.env["hr.contract"].search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "!=", "cancel"),
                ("date_start", "<=", self.date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", year_start),
            ],
            order="date_start",
            limit=1,
        )
        return (contracts or self.contract_id).date_start

    def _l10n_cn_iit_values(self, gross, tax_free, bonus, pretax):
        self.ensure_one()
        year, month = self.date_from.year, self.date_from.month
        employee, company = self.employee_id, self.company_id
        table = self.env["l10n_cn.iit.table"].valid_at("cumulative", self.date_to)
        if not table:
            raise UserError(
                self.env._(
                    "No income tax table is valid on %(date)s.", date=self.date_to
                )
            )
        tax_year = self.env["l10n_cn.tax.year"].search(
            [
                ("employee_id", "=", employee.id),
                ("company_id", "=", company.id),
                ("year", "=", year),
            ],
            limit=1,
        )
        opening = self.env["l10n_cn.iit.opening"].search(
            [
                ("employee_id", "=", employee.id),
                ("company_id", "=", company.id),
                ("year", "=", year),
            ],
            limit=1,
        )
        ytd = self._l10n_cn_ytd()

        # The annual bonus is taxed on its own once a year while the policy
        # runs and the employee chose it; otherwise it is wage income.
        bonus_table = self.env["l10n_cn.iit.table"].valid_at("bonus", self.date_to)
        separate = bool(
            bonus
            and bonus_table
            and (tax_year.bonus_separate if tax_year else True)
            and not ytd["l10n_cn_bonus"]
        )
        bonus_tax, bonus_rate = D(0), D(0)
        if separate:
            bonus_tax, bonus_rate, _quick = annual_bonus_tax(
                bonus, bonus_table.brackets()
            )
        income = gross + pretax - (bonus if separate else 0)

        start = self._l10n_cn_start_date()
        months = months_employed(
            year, month, start, first_job_of_year=tax_year.first_job_of_year
        )
        if tax_year.previous_year_low_income:
            basic = D(table.low_income_threshold)
        else:
            basic = D(table.basic_deduction_monthly) * months

        # Special deductions: months employed here, after the opening balance
        # (which holds those of the earlier months).
        first_month = start.month if start and start.year == year else 1
        if opening:
            first_month = max(first_month, opening.month_to + 1)
        deductions = employee.l10n_cn_special_deduction_ids.filtered(
            lambda row: row.date_from <= date(year, 12, 31)
            and (not row.date_to or row.date_to >= date(year, 1, 1))
        )
        special = deductions.cumulative_by_type(year, first_month, month)
        for key in SPECIAL_TYPES:
            special[key] += D(opening[key]) if opening else D(0)

        this_social = D(self.l10n_cn_employee_si_hf())
        cum_social = this_social + sum(
            ytd["l10n_cn_" + kind] for kind in EMPLOYEE_CONTRIBUTIONS
        )
        cum_income = income + ytd["l10n_cn_income"]
        cum_tax_free = tax_free + ytd["l10n_cn_tax_free_income"]
        withheld = ytd["l10n_cn_iit"]
        cum_other = D(0)
        if opening:
            cum_social += sum(
                D(opening[name])
                for name in ("pension", "medical", "unemployment", "housing_fund")
            )
            cum_income += D(opening.income)
            cum_tax_free += D(opening.tax_free_income)
            withheld += D(opening.tax_withheld)
            cum_other += D(opening.other_deduction)
        cum_special = sum(special.values())
        result = cumulative_withholding(
            cum_income,
            basic,
            cum_social,
            cum_special,
            withheld,
            table.brackets(),
            cum_other=cum_other,
            cum_tax_free=cum_tax_free,
        )
        vals = {
            "l10n_cn_iit_table_id": table.id,
            "l10n_cn_bonus_table_id": bonus_table.id if separate else False,
            "l10n_cn_tax_year_id": tax_year.id,
            "l10n_cn_opening_id": opening.id,
            "l10n_cn_special_deduction_ids": [fields.Command.set(deductions.ids)],
            "l10n_cn_income": float(income),
            "l10n_cn_tax_free_income": float(tax_free),
            "l10n_cn_bonus": float(bonus if separate else 0),
            "l10n_cn_bonus_rate": float(bonus_rate),
            "l10n_cn_bonus_tax": float(bonus_tax),
            "l10n_cn_months": months,
            "l10n_cn_cum_income": float(cum_income),
            "l10n_cn_cum_tax_free": float(cum_tax_free),
            "l10n_cn_cum_basic": float(basic),
            "l10n_cn_cum_social": float(cum_social),
            "l10n_cn_cum_special": float(cum_special),
            "l10n_cn_cum_other": float(cum_other),
            "l10n_cn_cum_taxable": float(result["taxable"]),
            "l10n_cn_iit_rate": float(result["rate"]),
            "l10n_cn_iit_quick": float(result["quick"]),
            "l10n_cn_cum_tax": float(result["cumulative_tax"]),
            "l10n_cn_withheld_before": float(withheld),
            "l10n_cn_iit": float(result["tax"]),
        }
        for key in SPECIAL_TYPES:
            vals["l10n_cn_cum_" + key] = float(special[key])
        return vals
