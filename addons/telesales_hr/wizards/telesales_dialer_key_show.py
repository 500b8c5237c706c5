# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesDialerKeyShow(models.AbstractModel):
    """Shows a new dialer key once, like Odoo's ``res.users.apikeys.show``:
    the key comes in the action's context and is never saved (an abstract
    model has no table); only its hash is kept, in ``res.users.apikeys``."""

    _name = "telesales.dialer.key.show"
    _description = "Show a Dialer Key"

    # the field 'id' is needed by the onchange that returns the value of 'key'
    id = fields.Id()
    dialer_id = fields.Many2one("telesales.dialer", readonly=True)
    key = fields.Char(readonly=True)
