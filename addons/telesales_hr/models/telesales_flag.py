# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext, is_html_empty


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
    _check_company_auto = True
    _description = "Telesales Flag"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.team.mixin",
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]

    # what the flag is about (employee, type, period, source) is the raiser's;
    # while open, the decider may still reassign it and write the note
    _workflow_editable = {"open": frozenset({"responsible_user_id", "decision_note"})}
    _workflow_deletable_states = ("open",)
    _workflow_transitions = {
        "action_confirm": (("open",), None),
        "action_dismiss": (("open",), None),
    }
    #: flag types whose decision needs a written note (other modules add theirs)
    _flag_note_required_types = ()
    #: flag types whose confirmation (a sanction) needs a written note
    _flag_confirm_note_types = ()
    #: flag types that are done when their activity is marked done (coaching)
    _flag_done_by_activity_types = ()
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
    source_readable = fields.Boolean(
        compute="_compute_source_access",
        help="The current user may open the source record.",
    )
    source_name = fields.Char(
        compute="_compute_source_access",
        string="Source Record",
        help="What raised the flag, named even for a user who may not open it.",
    )

    @api.depends_context("uid")
    @api.depends("source_ref")
    def _compute_source_access(self):
        """The source link is offered only to who may open it: anyone else
        sees its name (opening it would be an access error)."""
        for flag in self:
            source = flag.sudo().source_ref
            source = source.exists() if source else source
            if not source:
                flag.source_readable = False
                flag.source_name = False
                continue
            flag.source_readable = source.with_env(self.env).has_access("read")
            model = self.env["ir.model"].sudo()._get(source._name).name
            flag.source_name = f"{model}: {source.display_name}"

    @api.model
    def _selection_source_ref(self):
        return [
            ("hr.employee", self.env["ir.model"]._get("hr.employee").name),
            ("hr.department", self.env._("Team")),
        ]

    @api.model
    def _raise_flags(self, vals_list, activity_summary=None):
        """Create the flags not raised yet (same type, employee and period)
        and schedule an activity for their responsible user."""

        def key(flag_type, employee_id, period_start, period_end):
            return (
                flag_type,
                employee_id or False,
                fields.Date.to_date(period_start) or False,
                fields.Date.to_date(period_end) or False,
            )

        keys = [
            key(
                vals["flag_type"],
                vals["employee_id"],
                vals.get("period_start"),
                vals.get("period_end"),
            )
            for vals in vals_list
        ]
        # the flags raised already, of all candidates in one query
        raised = set()
        if keys:
            candidates = self.search_fetch(
                [
                    ("flag_type", "in", list({k[0] for k in keys})),
                    ("employee_id", "in", list({k[1] for k in keys})),
                    ("period_start", "in", list({k[2] for k in keys})),
                ],
                ["flag_type", "employee_id", "period_start", "period_end"],
            )
            raised = {
                key(f.flag_type, f.employee_id.id, f.period_start, f.period_end)
                for f in candidates
            }
        flags = self.create(
            [vals for vals, k in zip(vals_list, keys, strict=True) if k not in raised]
        )
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
            self._check_note(self.env._("confirmed"), confirming=True)
            self.state = "confirmed"
            self._on_confirmed()
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_open_confirm(self):
        """The form's Confirm button: a dialog that asks for the decision
        note and says what confirming costs."""
        return self._open_decide("confirm")

    def action_open_dismiss(self):
        """The form's Dismiss button, the same dialog."""
        return self._open_decide("dismiss")

    def _open_decide(self, decision):
        self.ensure_one()
        wizard = self.env["telesales.flag.decide"].create(
            {
                "flag_id": self.id,
                "decision": decision,
                "decision_note": self.decision_note,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm the Flag")
            if decision == "confirm"
            else self.env._("Dismiss the Flag"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _confirm_consequences(self):
        """Hook: what confirming this flag will cost, as sentences (KPI
        points …); shown before the decision."""
        self.ensure_one()
        return []

    def _on_activity_done(self, feedback=False):
        """The activity of a flag that is done by doing it (a coaching) was
        marked done: the flag is confirmed with the feedback as its note.
        Not when the one marking it done is the person the flag is about."""
        flags = (
            self.sudo()
            .exists()
            .filtered(
                lambda flag: flag.state == "open"
                and flag.flag_type in self._flag_done_by_activity_types
                and not flag.activity_ids
                and self.env.user not in flag.employee_id.user_id
            )
        )
        for flag in flags:
            note = html2plaintext(feedback).strip() if feedback else ""
            if not note or is_html_empty(feedback):
                note = self.env._(
                    "Done: the activity was marked done by %(user)s.",
                    user=self.env.user.name,
                )
            flag._workflow_write(
                {"state": "confirmed", "decision_note": flag.decision_note or note}
            )

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

    def _check_note(self, action, confirming=False):
        required = set(self._flag_note_required_types)
        if confirming:
            required |= set(self._flag_confirm_note_types)
        for flag in self:
            if flag.flag_type in required and not (flag.decision_note or "").strip():
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
