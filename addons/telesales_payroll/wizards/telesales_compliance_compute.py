# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesComplianceCompute(models.TransientModel):
    """The preview of the "Compute Compliance" wizard also totals the
    attendance deductions of the days it would write (their money is
    payroll's)."""

    _inherit = "telesales.compliance.compute"

    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    preview_deduction = fields.Monetary(string="Attendance Deductions", readonly=True)

    def _preview_values(self, employees, vals_list):
        values = super()._preview_values(employees, vals_list)
        values.update(
            currency_id=employees[:1].company_id.currency_id.id
            or self.env.company.currency_id.id,
            preview_deduction=sum(
                vals.get("attendance_deduction", 0.0) for vals in vals_list
            ),
        )
        return values
