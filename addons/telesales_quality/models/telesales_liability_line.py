# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .telesales_qa_item import SEVERITIES


class TelesalesLiabilityLine(models.Model):
    """One agent's case charged to a supervisor. Written only by the
    computation of its liability: frozen for clients in every state."""

    _name = "telesales.liability.line"
    _description = "Supervisor Joint Liability Line"
    _inherit = ["telesales.workflow.mixin"]
    _order = "liability_id, id"

    _workflow_fields = frozenset(
        {
            "liability_id",
            "discipline_id",
            "employee_id",
            "role",
            "severity",
            "agent_points",
            "rate",
            "points",
        }
    )
    _workflow_editable = {}
    # deleted with their draft liability only
    _workflow_deletable_states = ("draft",)

    liability_id = fields.Many2one(
        "telesales.liability", required=True, ondelete="cascade", index=True
    )
    discipline_id = fields.Many2one(
        "telesales.discipline", string="Case", required=True, ondelete="restrict"
    )
    employee_id = fields.Many2one("hr.employee", string="Agent", required=True)
    role = fields.Selection(
        [("direct", "Direct Supervisor"), ("indirect", "Indirect Supervisor")],
        required=True,
    )
    severity = fields.Selection(
        SEVERITIES,
        required=True,
    )
    agent_points = fields.Float(string="Agent's Points")
    rate = fields.Float(string="Rate (%)")
    points = fields.Float(string="Liability Points")

    def _workflow_state(self):
        self.ensure_one()
        return self.liability_id.state

    def _workflow_state_label(self, state=None):
        self.ensure_one()
        return self.liability_id._workflow_state_label(state)
