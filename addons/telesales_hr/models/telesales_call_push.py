# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

#: pushes whose job never imported them are forgotten after this
KEEP_DAYS = 30


class TelesalesCallPush(models.Model):
    """The records of a large push of a dialer, waiting for the job that
    imports them (see telesales_dialer_push.py); that job deletes them once
    imported, a refused push is forgotten after KEEP_DAYS.

    A table row rather than an attachment: written in the push's own
    transaction, it is there for its job or not at all (a file of the
    filestore may be collected while the transaction that creates its
    attachment runs), and a job rolled back by a failure finds it again.
    """

    _name = "telesales.call.push"
    _description = "Pushed Call Records"
    _log_access = False

    dialer_id = fields.Many2one(
        "telesales.dialer", required=True, ondelete="cascade", index=True
    )
    checksum = fields.Char(required=True, index=True)
    record_count = fields.Integer()
    # JSON of the records' mapped values; the table is TOASTed (compressed)
    payload = fields.Text(prefetch=False)
    date = fields.Datetime(default=fields.Datetime.now, required=True)

    @api.autovacuum
    def _gc_forgotten(self):
        self.sudo().search(
            [("date", "<", fields.Datetime.now() - timedelta(days=KEEP_DAYS))]
        ).unlink()
