# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The chatter never blocks a business action.

``mail.thread.message_post`` and ``message_notify`` (the latter sent when an
activity is scheduled for someone else) raise "Unable to send message, please
configure the sender's email address" when the acting user's partner has no
email. Most users of a call centre have none. The models of the telesales
add-ons inherit ``telesales.mail.author``: the message is still written, its
author is still the real user (who did what stays true), and its sender
address falls back to the company's default "from" address, as Odoo itself
does for ``_message_log`` (tracking) and for ``mail.message`` records
(``raise_on_email=False``). Mail servers send it from that address.
"""

from odoo import models


class TelesalesMailAuthor(models.AbstractModel):
    _name = "telesales.mail.author"
    _inherit = ["mail.thread"]
    _description = "Telesales Chatter Author Without Email"

    def _message_compute_author(
        self, author_id=None, email_from=None, raise_on_email=True
    ):
        author_id, email_from = super()._message_compute_author(
            author_id, email_from, raise_on_email=False
        )
        if not email_from and raise_on_email:
            email_from = (
                self.env["ir.mail_server"].sudo()._get_default_from_address() or False
            )
        return author_id, email_from
