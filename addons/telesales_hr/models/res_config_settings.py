# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    telesales_promotion_mode = fields.Selection(
        related="company_id.telesales_promotion_mode", readonly=False
    )
    telesales_partial_quarter_mode = fields.Selection(
        related="company_id.telesales_partial_quarter_mode", readonly=False
    )
    telesales_watch_months = fields.Integer(
        related="company_id.telesales_watch_months", readonly=False
    )
