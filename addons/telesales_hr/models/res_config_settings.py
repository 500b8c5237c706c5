# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

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
    telesales_call_window_start = fields.Float(
        related="company_id.telesales_call_window_start", readonly=False
    )
    telesales_call_window_end = fields.Float(
        related="company_id.telesales_call_window_end", readonly=False
    )
    telesales_call_window_working_days = fields.Boolean(
        related="company_id.telesales_call_window_working_days", readonly=False
    )
    telesales_daily_dial_cap = fields.Integer(
        related="company_id.telesales_daily_dial_cap", readonly=False
    )

    def action_telesales_recompute_call_violations(self):
        """Re-evaluate the calls of the last 92 days against the settings."""
        self.ensure_one()
        date_from = fields.Date.context_today(self) - timedelta(days=92)
        calls = self.env["telesales.call"]
        calls.check_access("write")
        count = calls.sudo()._compute_violations(
            [("company_id", "=", self.company_id.id), ("call_date", ">=", date_from)]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Call violations recomputed since %(date)s: %(count)s calls "
                    "are violations.",
                    date=date_from,
                    count=count,
                ),
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }
