# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TelesalesFlag(models.Model):
    """Something HR or a team leader must look at and decide on.

    Raised by the rules (performance watch, absence escalation, proxy punch …),
    shown to its responsible user as an activity, confirmed or dismissed with a
    tracked decision. Other modules add types with ``selection_add``.
    """

    _name = "telesales.flag"
    _description = "Telesales Flag"
    _inherit = ["telesales.team.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True)
    flag_type = fields.Selection(
        [
            ("performance_watch", "Job Adjustment or Dismissal Review (Performance)"),
            ("team_performance_watch", "Team Below Target (Performance)"),
        ],
        required=True,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    period_start = fields.Date()
    period_end = fields.Date()
    state = fields.Selection(
        [("open", "Open"), ("confirmed", "Confirmed"), ("dismissed", "Dismissed")],
        default="open",
        required=True,
        tracking=True,
    )
    description = fields.Text()
    decision_note = fields.Text(tracking=True)
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True
    )
    source_ref = fields.Reference(selection="_selection_source_ref", string="Source")

    @api.model
    def _selection_source_ref(self):
        return [("hr.employee", "Employee"), ("hr.department", "Team")]

    @api.model
    def _raise_flags(self, vals_list, activity_summary=None):
        """Create the flags not raised yet (same type, employee and period)
        and schedule an activity for their responsible user."""
        new_vals = []
        for vals in vals_list:
            if not self.search_count(
                [
                    ("flag_type", "=", vals["flag_type"]),
                    ("employee_id", "=", vals["employee_id"]),
                    ("period_start", "=", vals.get("period_start")),
                    ("period_end", "=", vals.get("period_end")),
                ],
                limit=1,
            ):
                new_vals.append(vals)
        flags = self.create(new_vals)
        for flag in flags.filtered("responsible_user_id"):
            flag.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=activity_summary or flag.name,
                note=flag.description,
                user_id=flag.responsible_user_id.id,
            )
        return flags

    def action_confirm(self):
        self._check_open()
        self.state = "confirmed"
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._on_confirmed()

    def action_dismiss(self):
        self._check_open()
        self.state = "dismissed"
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def _on_confirmed(self):
        """Hook: consequences of a confirmed flag (KPI points …)."""

    def _check_open(self):
        if self.filtered(lambda flag: flag.state != "open"):
            raise UserError(
                self.env._("Only open flags can be confirmed or dismissed.")
            )
