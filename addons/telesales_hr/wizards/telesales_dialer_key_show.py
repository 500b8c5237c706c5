# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesDialerKeyShow(models.TransientModel):
    """Shows a new dialer (or sales system) key once, like Odoo's
    ``res.users.apikeys.show``: the key comes in the action's context
    (``default_key``) and the dialog is never saved; the key has no column,
    so no record of this model (nor anything else) holds it. Only its hash
    is kept, in ``res.users.apikeys``."""

    _name = "telesales.dialer.key.show"
    _description = "Show a Dialer Key"

    dialer_id = fields.Many2one("telesales.dialer", readonly=True)
    sales_system_id = fields.Many2one("telesales.sales.system", readonly=True)
    key = fields.Char(store=False, readonly=True)
