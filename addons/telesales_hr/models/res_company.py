# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Quarterly rank review (SPEC §3)
    telesales_promotion_mode = fields.Selection(
        [("step", "One step per review"), ("jump", "Jump to the highest rank reached")],
        string="Promotion Mode",
        default="step",
        required=True,
    )
    telesales_partial_quarter_mode = fields.Selection(
        [("prorata", "Pro rata"), ("exempt", "Exempt from the review")],
        string="Rank Started Inside the Quarter",
        default="prorata",
        required=True,
    )
    telesales_watch_months = fields.Integer(
        string="Months Below Target Before Review",
        default=3,
        help="Consecutive months below the monthly target that raise a job "
        "adjustment or dismissal review flag for HR.",
    )
