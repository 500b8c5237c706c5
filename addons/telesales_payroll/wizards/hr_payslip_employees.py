# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrPayslipEmployees(models.TransientModel):
    """OCA's "Generate Payslips" wizard offers only the employees the batch
    can pay: a contract on the batch's structure (when it has one) running
    during the batch's dates, in the batch's company; not every employee of
    the database (Odoo's own demo people included)."""

    _inherit = "hr.payslip.employees"

    employee_ids = fields.Many2many(domain=lambda self: self._telesales_payable())

    @api.model
    def _telesales_payable(self):
        run = self.env["hr.payslip.run"]
        if self.env.context.get("active_model", "hr.payslip.run") == "hr.payslip.run":
            run = run.browse(self.env.context.get("active_id")).exists()
        contract = [("state", "in", ("open", "close"))]
        if run:
            contract += [
                ("date_start", "<=", run.date_end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", run.date_start),
            ]
            if run.struct_id:
                contract.append(("struct_id", "=", run.struct_id.id))
        return [("contract_ids", "any", contract)]
