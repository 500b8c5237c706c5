# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.telesales_hr.models.telesales_workflow_mixin import _STEP


class TelesalesQualityWorkflow(models.AbstractModel):
    """The shared workflow guard, as the quality models use it.

    The guard treats an empty recordset as inside the step, so ``create``
    never checked the workflow fields: here only a model-wide step lets a
    record be created with them (the approval lines, a forced coaching).
    A workflow write on no record is a no-op.
    """

    _name = "telesales.quality.workflow"
    _inherit = ["telesales.workflow.mixin"]
    _description = "Telesales Quality Workflow Guard"

    def _workflow_in_step(self):
        if not self._ids:
            return (self._name, None) in _STEP.get()
        return super()._workflow_in_step()

    def _workflow_write(self, vals):
        if not self:
            return True
        return super()._workflow_write(vals)

    def write(self, vals):
        if not self:
            return True
        return super().write(vals)
