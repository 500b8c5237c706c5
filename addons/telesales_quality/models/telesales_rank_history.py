# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class TelesalesRankHistory(models.Model):
    _inherit = "telesales.rank.history"

    @api.model
    def _selection_origin_ref(self):
        return super()._selection_origin_ref() + [
            # the model's name in the reader's language
            (
                "telesales.discipline",
                self.env["ir.model"]._get("telesales.discipline").name,
            )
        ]
