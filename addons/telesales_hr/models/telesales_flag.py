# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

from .telesales_workflow_mixin import ALL


class TelesalesFlag(models.Model):
    """Something HR or a team leader must look at and decide on.

    Raised by the rules (performance watch, absence escalation, proxy punch …),
    shown to its responsible user as an activity, confirmed or dismissed with a
    tracked decision. Other modules add types with ``selection_add``.

    The decision is the workflow (``telesales.workflow.mixin``): the state
    changes only in :meth:`action_confirm` and :meth:`action_dismiss`, never
    by the person the flag is about; a decided flag is frozen (its note
    included) and never deleted.
    """

    _name = "telesales.flag"
    _description = "Telesales Flag"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.team.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]

    _workflow_editable = {"open": ALL}
    _workflow_deletable_states = ("open",)
    _workflow_transitions = {
        "action_confirm": (("open",), None),
        "action_dismiss": (("open",), None),
    }
    #: flag types whose decision needs a written note (other modules add theirs)
    _flag_note_required_types = ()
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
        self._check_decider(self.env._("confirmed"))
        with self._workflow_begin("action_confirm", self.env._("confirmed")):
            self._check_note(self.env._("confirmed"))
            self.state = "confirmed"
            self._on_confirmed()
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_dismiss(self):
        self._check_decider(self.env._("dismissed"))
        with self._workflow_begin("action_dismiss", self.env._("dismissed")):
            self._check_note(self.env._("dismissed"))
            self.state = "dismissed"
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def _on_confirmed(self):
        """Hook: consequences of a confirmed flag (KPI points …)."""

    def _check_decider(self, action):
        """Nobody decides on a flag raised about themselves (a team leader
        on their own proxy punch, say): it goes to the one above."""
        if self.env.uid == SUPERUSER_ID:
            return
        for flag in self:
            if self.env.user in flag.sudo().employee_id.user_id:
                raise AccessError(
                    self.env._(
                        "%(record)s is about you: it cannot be %(action)s by you. "
                        "It is decided by %(responsible)s or HR.",
                        record=flag._workflow_record_label(),
                        action=action,
                        responsible=flag.sudo().responsible_user_id.name
                        or self.env._("your manager"),
                    )
                )

    def _check_note(self, action):
        for flag in self:
            if (
                flag.flag_type in self._flag_note_required_types
                and not (flag.decision_note or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "%(record)s: write the decision note before it is "
                        "%(action)s.",
                        record=flag._workflow_record_label(),
                        action=action,
                    )
                )

    def _check_open(self):
        if self.filtered(lambda flag: flag.state != "open"):
            raise UserError(
                self.env._("Only open flags can be confirmed or dismissed.")
            )
