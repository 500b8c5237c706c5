# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesDialerKeyShow(models.TransientModel):
    """Shows a new dialer key once (like Odoo's API keys): only its hash is
    kept on the dialer, and this transient record is vacuumed."""

    _name = "telesales.dialer.key.show"
    _description = "Show a Dialer Key"

    dialer_id = fields.Many2one("telesales.dialer", required=True, readonly=True)
    key = fields.Char(readonly=True)
