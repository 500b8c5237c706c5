# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cn_tax import clamp_base
from .dated import overlapping_domain, valid_at_domain


class L10nCnContributionBase(models.Model):
    """The employee's declared contribution base for a contribution year
    (usually last year's average monthly wage, declared each July), clamped
    to the city's floor and ceiling when a payslip uses it."""

    _name = "l10n_cn.contribution.base"
    _description = "Employee Contribution Base (China)"
    _order = "employee_id, date_from desc"

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To")
    si_base = fields.Float(string="Declared SI Base", digits="Payroll", required=True)
    hf_base = fields.Float(
        string="Declared HF Base",
        digits="Payroll",
        help="Empty: the social insurance base.",
    )
    hf_rate = fields.Float(
        string="HF Rate (%)",
        help="Housing fund rate of both sides; empty: the city's default.",
    )
    si_base_clamped = fields.Float(
        string="SI Base Used",
        digits="Payroll",
        compute="_compute_clamped",
        help="The declared base within the city's range at the start of the " "period.",
    )
    hf_base_clamped = fields.Float(
        string="HF Base Used", digits="Payroll", compute="_compute_clamped"
    )

    @api.depends("si_base", "hf_base", "date_from", "employee_id")
    def _compute_clamped(self):
        for row in self:
            city = row.employee_id.sudo().l10n_cn_city_id
            param = city.parameter_at(row.date_from) if city and row.date_from else None
            si, hf = row._clamped(param) if param else (row.si_base, row.hf_base)
            row.si_base_clamped = float(si)
            row.hf_base_clamped = float(hf)

    def _clamped(self, param):
        """(SI base, HF base) within the parameter row's ranges."""
        self.ensure_one()
        si = clamp_base(self.si_base, param.si_base_min, param.si_base_max)
        hf = clamp_base(
            self.hf_base or self.si_base, param.hf_base_min, param.hf_base_max
        )
        return si, hf

    @api.constrains("employee_id", "date_from", "date_to")
    def _check_overlap(self):
        for row in self:
            if row.date_to and row.date_to < row.date_from:
                raise ValidationError(self.env._("A base ends before it starts."))
            domain = overlapping_domain(row, "employee_id")
            if self.search_count(domain):
                raise ValidationError(
                    self.env._(
                        "%(employee)s already has a contribution base in this period.",
                        employee=row.employee_id.name,
                    )
                )

    @api.model
    def valid_at(self, employee, date):
        return self.search(
            valid_at_domain("employee_id", employee.id, date),
            order="date_from desc",
            limit=1,
        )
