# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class HrPayslipRun(models.Model):
    _inherit = "hr.payslip.run"

    def action_telesales_compute_sheets(self):
        """Compute every draft payslip of the batch at once: the telesales
        figures of all of them are gathered in one pass."""
        slips = self.slip_ids.filtered(lambda slip: slip.state in ("draft", "verify"))
        if not slips:
            raise UserError(
                self.env._(
                    "Batch %(batch)s has no draft payslip to compute.",
                    batch=self[:1].name,
                )
            )
        return slips.compute_sheet()
