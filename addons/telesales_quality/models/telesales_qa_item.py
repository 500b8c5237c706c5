# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .telesales_qa_section import _WORDING_FIELDS

SEVERITIES = [("general", "General"), ("serious", "Serious"), ("major", "Major")]
SEVERITY_ORDER = {"general": 1, "serious": 2, "major": 3}


class TelesalesQaItem(models.Model):
    """A behaviour checked on a call, with the points its failure costs."""

    _name = "telesales.qa.item"
    _inherit = ["telesales.ondelete.guard"]
    _description = "Call Inspection Form Item"
    _order = "form_id, section_sequence, sequence, id"

    section_id = fields.Many2one(
        "telesales.qa.section", required=True, ondelete="cascade", index=True
    )
    section_sequence = fields.Integer(
        related="section_id.sequence", store=True, string="Section Sequence"
    )
    form_id = fields.Many2one(related="section_id.form_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    reference = fields.Char(
        help="Clause of the quality regulation this item comes from."
    )
    points = fields.Float(
        required=True,
        default=5.0,
        help="Points deducted from 100 when the call fails this item.",
    )
    severity = fields.Selection(
        SEVERITIES,
        required=True,
        default="general",
        help="Severity of a failure: 一般 general, 严重 serious, 特大 major.",
    )
    fatal = fields.Boolean(
        help="A failure scores the whole call 0 (e.g. abusing a customer, "
        "calling a do-not-call number).",
    )

    _sql_constraints = [
        ("points_positive", "CHECK(points >= 0)", "Item points cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items.form_id._check_editable()
        return items

    def write(self, vals):
        if set(vals) - _WORDING_FIELDS:
            self.form_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.form_id._check_editable()
