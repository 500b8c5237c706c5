# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesFlag(models.Model):
    """Flags of the attendance and compliance rules (SPEC §4)."""

    _inherit = "telesales.flag"

    flag_type = fields.Selection(
        selection_add=[
            ("absence_dismissal", "Dismissal Review (Absence)"),
            ("proxy_punch", "Suspected Proxy Punch"),
            ("newcomer_coaching", "Newcomer Coaching"),
        ],
        ondelete={
            "absence_dismissal": "cascade",
            "proxy_punch": "cascade",
            "newcomer_coaching": "cascade",
        },
    )

    @api.model
    def _selection_source_ref(self):
        return super()._selection_source_ref() + [("hr.attendance", "Attendance")]

    def _on_confirmed(self):
        """A confirmed proxy punch costs KPI points to the agent and to the
        team leader of the team at the time."""
        res = super()._on_confirmed()
        proxies = self.filtered(lambda flag: flag.flag_type == "proxy_punch")
        if proxies:
            self.env["telesales.kpi.deduction"]._deduct_for_flags(proxies)
        return res
