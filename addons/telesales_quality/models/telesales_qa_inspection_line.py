# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.telesales_hr.models.telesales_workflow_mixin import ALL


class TelesalesQaInspectionLine(models.Model):
    """The result of one item of the form on an inspected call."""

    _name = "telesales.qa.inspection.line"
    _description = "Call Inspection Item Result"
    _inherit = ["telesales.workflow.mixin"]
    _order = "inspection_id, section_sequence, sequence, id"

    # the state is the inspection's: items change while it is inspected, and
    # only their result and note while its reviewer corrects an appeal
    _workflow_editable = {
        "draft": ALL,
        "appealed": frozenset({"failed", "note"}),
    }
    _workflow_deletable_states = ("draft",)

    inspection_id = fields.Many2one(
        "telesales.qa.inspection", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("telesales.qa.item", required=True, ondelete="restrict")
    section_id = fields.Many2one(related="item_id.section_id")
    section_sequence = fields.Integer(
        related="item_id.section_sequence", store=True, string="Section Sequence"
    )
    sequence = fields.Integer(
        related="item_id.sequence", store=True, string="Item Sequence"
    )
    points = fields.Float(related="item_id.points", store=True)
    severity = fields.Selection(related="item_id.severity", store=True)
    fatal = fields.Boolean(related="item_id.fatal", store=True)
    failed = fields.Boolean(help="The call fails this item.")
    note = fields.Char(help="What was heard, with the time in the recording.")
    deduction = fields.Float(compute="_compute_deduction")

    @api.depends("failed", "points")
    def _compute_deduction(self):
        for line in self:
            line.deduction = line.points if line.failed else 0.0

    # ----------------------------------------------------- the workflow
    def _workflow_state(self):
        self.ensure_one()
        return self.inspection_id.state

    def _workflow_state_label(self, state=None):
        self.ensure_one()
        return self.inspection_id._workflow_state_label(state)

    def _workflow_record_label(self):
        self.ensure_one()
        return self.env._(
            "The item %(item)s of %(inspection)s",
            item=self.item_id.name,
            inspection=self.inspection_id.name,
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not lines._workflow_in_step():
            scored = lines.inspection_id.filtered(lambda i: i.state != "draft")
            if scored:
                raise UserError(
                    self.env._(
                        "The inspection %(name)s is published: no item is added "
                        "to it.",
                        name=scored[0].name,
                    )
                )
        return lines

    def write(self, vals):
        # rights first: a reader (auditor) gets the access error, not a
        # workflow message about a record they may not change anyway
        self.check_access("write")
        if not self._workflow_in_step():
            for inspection in self.inspection_id:
                if inspection.state == "draft":
                    continue
                if inspection.state == "appealed" and inspection._is_reviewer(
                    self.env.user
                ):
                    continue
                raise UserError(
                    self.env._(
                        "The results of %(name)s can only change while it is "
                        "inspected, or by its reviewer while it is appealed.",
                        name=inspection.name,
                    )
                )
        return super().write(vals)
