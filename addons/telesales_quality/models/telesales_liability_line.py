# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .telesales_qa_item import SEVERITIES


class TelesalesLiabilityLine(models.Model):
    """One agent's case charged to a supervisor."""

    _name = "telesales.liability.line"
    _description = "Supervisor Joint Liability Line"
    _order = "liability_id, id"

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
