# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrPayrollStructure(models.Model):
    _inherit = "hr.payroll.structure"

    is_telesales = fields.Boolean(
        string="Telesales Structure",
        help="Payslips of this structure (or of a child structure) get the "
        "telesales figures: rank wage, allowances, commission, referral bonuses "
        "and capped deductions, each traced to its source records and paid once.",
    )

    def _telesales_enabled(self):
        """True when this structure or one of its parents is a telesales one."""
        return any(self.get_structure_with_parents().mapped("is_telesales"))
