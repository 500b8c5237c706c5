# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesCall(models.Model):
    """A call record (话单) from the dialer / CTI.

    Millions of rows a month: no mail.thread, no per-row computed fields, and
    the importers write it in bulk. ``external_id`` makes re-imports idempotent.
    """

    _name = "telesales.call"
    _description = "Telesales Call"
    _inherit = ["telesales.team.mixin"]
    _order = "start desc, id desc"
    _rec_name = "external_id"

    external_id = fields.Char(
        string="Call ID", required=True, help="The dialer's own id of the call."
    )
    callee_number = fields.Char(required=True, help="Number as dialled.")
    callee_normalized = fields.Char(
        index=True,
        help="Callee number in the normalised form used by the do-not-call list.",
    )
    start = fields.Datetime(required=True, index=True)
    direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")],
        required=True,
        default="outbound",
    )
    connected = fields.Boolean(help="接通: the callee answered.")
    ring_seconds = fields.Integer()
    talk_seconds = fields.Integer()
    wait_seconds = fields.Integer()
    pause_seconds = fields.Integer()
    wrapup_seconds = fields.Integer(string="Wrap-up Seconds")
    recording_ref = fields.Char(string="Recording")
    violation_dnc = fields.Boolean(
        string="Do-not-call Violation", help="The callee is on the do-not-call list."
    )
    violation_window = fields.Boolean(
        string="Outside Calling Window",
        help="The call started outside the permitted calling window.",
    )
    violation_cap = fields.Boolean(
        string="Over Daily Dial Cap",
        help="The call was dialled after the agent's daily outbound cap was reached.",
    )
    is_violation = fields.Boolean(
        string="Compliance Violation",
        compute="_compute_is_violation",
        store=True,
        index=True,
    )

    _sql_constraints = [
        (
            "external_id_company_uniq",
            "unique(external_id, company_id)",
            "A call id must be unique per company.",
        ),
        (
            "seconds_positive",
            "CHECK(ring_seconds >= 0 AND talk_seconds >= 0 AND wait_seconds >= 0 "
            "AND pause_seconds >= 0 AND wrapup_seconds >= 0)",
            "Call durations cannot be negative.",
        ),
    ]

    @api.depends("violation_dnc", "violation_window", "violation_cap")
    def _compute_is_violation(self):
        for call in self:
            call.is_violation = (
                call.violation_dnc or call.violation_window or call.violation_cap
            )
