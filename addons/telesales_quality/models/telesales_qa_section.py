# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Fields a published form may still change: wording, never scoring.
_WORDING_FIELDS = {"name", "description", "reference"}


class TelesalesQaSection(models.Model):
    """A section of an inspection form (information security, script …)."""

    _name = "telesales.qa.section"
    _inherit = ["telesales.ondelete.guard"]
    _description = "Call Inspection Form Section"
    _order = "form_id, sequence, id"

    form_id = fields.Many2one(
        "telesales.qa.form", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    reference = fields.Char(help="Clause of the quality regulation (e.g. 第五条).")
    item_ids = fields.One2many(
        "telesales.qa.item", "section_id", string="Items", copy=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        sections = super().create(vals_list)
        sections.form_id._check_editable()
        return sections

    def write(self, vals):
        if set(vals) - _WORDING_FIELDS:
            self.form_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.form_id._check_editable()
