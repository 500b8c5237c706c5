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

    # Calls (SPEC §4): the permitted calling window and the anti-harassment cap
    telesales_call_window_start = fields.Float(
        string="Calling Window Start",
        default=9.0,
        help="Earliest local time (agent's timezone) an outbound call may start.",
    )
    telesales_call_window_end = fields.Float(
        string="Calling Window End",
        default=18.0,
        help="Outbound calls must start before this local time.",
    )
    telesales_call_window_working_days = fields.Boolean(
        string="Calls on Working Days Only",
        default=True,
        help="Outbound calls are permitted only on the working days of the "
        "agent's working schedule (public holidays excluded). Untick to permit "
        "the window every day (e.g. 08:00-21:00 every day).",
    )
    telesales_daily_dial_cap = fields.Integer(
        string="Daily Outbound Dial Cap",
        default=200,
        help="Outbound calls beyond this number in an agent's day are compliance "
        "violations (anti-harassment cap). 0 disables the cap.",
    )

    _sql_constraints = [
        (
            "telesales_call_window_check",
            "CHECK(telesales_call_window_start >= 0 AND "
            "telesales_call_window_end <= 24 AND "
            "telesales_call_window_start < telesales_call_window_end)",
            "The calling window must start before it ends, within the day.",
        ),
        (
            "telesales_daily_dial_cap_check",
            "CHECK(telesales_daily_dial_cap >= 0)",
            "The daily dial cap cannot be negative.",
        ),
    ]
