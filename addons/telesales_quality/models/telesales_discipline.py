# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.telesales_hr.models.telesales_workflow_mixin import ALL

from .telesales_qa_item import SEVERITIES

_ACTIVITY = "mail.mail_activity_data_todo"
_INSPECTOR = "telesales_quality.group_qa_inspector"
_COMMITTEE = "telesales_quality.group_quality_committee"
_HR = "telesales_hr.group_telesales_hr"
# once submitted, only the evidence may still be added: the facts, the level,
# the supervisors charged and every decision are frozen
_SUBMITTED_EDITABLE = frozenset({"attachment_ids"})


class TelesalesDiscipline(models.Model):
    """A disciplinary case (违规违纪) against an employee (SPEC §6).

    draft (QA proposes a level) → to_approve (HR officers for a general case,
    every member of the quality committee for a serious one) → approved or
    rejected (with a reason) → facts_confirmed (the employee confirms, or HR
    records the refusal) → applied (effects written). Before confirming the
    facts the employee may appeal once: the committee re-decides by
    consensus (uphold, change the level, overturn). An approved case is
    never deleted, only cancelled with a reason.

    One concept per file: this one holds the case and its states; the
    facts (team, supervisors, confirmation) are in
    ``telesales_discipline_facts``, the approvers and their votes in
    ``telesales_discipline_voting``, the appeal in
    ``telesales_discipline_appeal``, the effects in
    ``telesales_discipline_effects`` and what payroll reads in
    ``telesales_discipline_payroll``.
    """

    _name = "telesales.discipline"
    _description = "Disciplinary Case"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.team.mixin",
        # before mail.thread: a user without an email address still acts
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"

    # the workflow (telesales.workflow.mixin): only the action methods below
    # write these fields, whoever calls write (HR and the committee included)
    _workflow_fields = frozenset(
        {
            "points",
            "reset_score",
            # computed from the team on the date of the facts: who is charged
            # the joint liability is never chosen by hand
            "direct_supervisor_id",
            "indirect_supervisor_id",
            "approval_path",
            "period",
            "proposer_id",
            "rejection_reason",
            "cancel_reason",
            "date_submitted",
            "date_approved",
            "date_applied",
            "appeal_reason",
            "appeal_date",
            "appeal_decision",
            "appeal_level_id",
            "appeal_note",
            "appeal_vote_pending",
            "facts_confirmation",
            "facts_note",
            "dismissal_proposed",
            "rank_history_id",
            "observation_until",
            "effect_summary",
        }
    )
    _workflow_editable = {
        "draft": ALL,
        "rejected": ALL,
        "to_approve": _SUBMITTED_EDITABLE,
        "approved": _SUBMITTED_EDITABLE,
        "appealed": _SUBMITTED_EDITABLE,
        "facts_confirmed": _SUBMITTED_EDITABLE,
        "applied": _SUBMITTED_EDITABLE,
    }
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        # QA proposes (HR may submit on its behalf); never a reader
        "action_submit": (("draft", "rejected"), (_INSPECTOR, _HR)),
        # the approver lines decide who votes
        "action_approve": (("to_approve", "appealed"), None),
        "action_reject": (("to_approve", "appealed"), None),
        # the employee (checked by the method)
        "action_appeal": (("approved",), None),
        "action_confirm_facts": (("approved",), None),
        "action_propose_appeal_decision": (("appealed",), (_COMMITTEE,)),
        "action_record_refusal": (("approved",), (_HR,)),
        "action_apply": (("facts_confirmed",), (_HR,)),
        "action_cancel": (
            (
                "draft",
                "to_approve",
                "rejected",
                "approved",
                "appealed",
                "facts_confirmed",
                "applied",
            ),
            (_HR,),
        ),
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    employee_id = fields.Many2one(string="Penalised Employee", tracking=True)
    case_type = fields.Selection(
        [("violation", "Violation"), ("cover_up", "Cover-up by a Supervisor")],
        required=True,
        default="violation",
        tracking=True,
        help="A cover-up: a team leader or manager hid a violation to escape "
        "joint liability; the supervisor goes down at least one rank.",
    )
    source = fields.Selection(
        [
            ("inspection", "Call Inspection"),
            ("complaint", "Customer Complaint"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
        help="A call may carry a case from its inspection and another from a "
        "customer complaint: both penalties count.",
    )
    inspection_id = fields.Many2one(
        "telesales.qa.inspection",
        index=True,
        domain="[('employee_id', '=', employee_id)]",
        ondelete="restrict",
    )
    call_id = fields.Many2one(
        "telesales.call",
        compute="_compute_call_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        ondelete="restrict",
    )
    complaint_ref = fields.Char(string="Complaint Reference")
    date = fields.Date(
        string="Date of the Facts",
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    severity = fields.Selection(
        SEVERITIES,
        required=True,
        default="general",
        tracking=True,
        help="一般 general, 严重 serious, 特大 major: decides who approves and the "
        "supervisors' joint liability rate.",
    )
    level_id = fields.Many2one(
        "telesales.discipline.level",
        required=True,
        tracking=True,
        ondelete="restrict",
    )
    points = fields.Float(
        compute="_compute_points",
        store=True,
        precompute=True,
        help="Behaviour-quality points deducted in the month of application; "
        "taken from the level when it is chosen and kept afterwards.",
    )
    reset_score = fields.Boolean(
        string="Score Set to Zero",
        compute="_compute_points",
        store=True,
        precompute=True,
    )
    period = fields.Date(
        string="Month",
        readonly=True,
        copy=False,
        index=True,
        help="First day of the month whose behaviour-quality score loses the points.",
    )
    facts = fields.Text(required=True, help="What happened, as verified by QA.")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "telesales_discipline_attachment_rel",
        "discipline_id",
        "attachment_id",
        string="Evidence",
    )
    proposer_id = fields.Many2one(
        "res.users",
        string="Proposed By",
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
    )
    approval_path = fields.Selection(
        [("hr", "HR Officer"), ("committee", "Quality Committee (all members)")],
        compute="_compute_approval_path",
        store=True,
        precompute=True,
    )
    state = fields.Selection(
        [
            ("draft", "Proposed"),
            ("to_approve", "To Approve"),
            ("rejected", "Rejected"),
            ("approved", "Approved"),
            ("appealed", "Appealed"),
            ("facts_confirmed", "Facts Confirmed"),
            ("applied", "Applied"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    rejection_reason = fields.Text(readonly=True, copy=False, tracking=True)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    date_submitted = fields.Date(readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False, index=True)
    date_applied = fields.Date(readonly=True, copy=False)
    dismissal_proposed = fields.Boolean(
        readonly=True,
        copy=False,
        help="Opened while the employee was under observation (留司查看): the "
        "regulation ends employment for any new violation.",
    )

    # ------------------------------------------------------------ computes
    @api.depends("inspection_id")
    def _compute_call_id(self):
        for case in self:
            if case.inspection_id:
                case.call_id = case.inspection_id.call_id

    @api.depends("level_id")
    def _compute_points(self):
        # only the level: later changes of the level's settings never rewrite
        # the points of cases already decided
        for case in self:
            level = case.level_id
            case.reset_score = level.reset_score
            if level.reset_score:
                company = case.company_id or self.env.company
                case.points = company.telesales_quality_base_points
            else:
                case.points = level.points

    @api.depends("severity", "level_id", "case_type")
    def _compute_approval_path(self):
        for case in self:
            serious = (
                case.severity in ("serious", "major")
                or case.level_id.committee_required
                or case.case_type == "cover_up"
            )
            case.approval_path = "committee" if serious else "hr"

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("telesales.discipline") or "/"
                )
        cases = super().create(vals_list)
        cases._propose_dismissal_under_observation()
        return cases

    # ------------------------------------------------------------ chatter
    def _schedule_for(self, users, summary, note=None):
        """A to-do on the case for each of ``users``."""
        for user in users:
            self.activity_schedule(
                _ACTIVITY, summary=summary, note=note, user_id=user.id
            )

    # ------------------------------------------------------------ checks
    def _check_hr(self):
        if not self.env.user.has_group("telesales_hr.group_telesales_hr"):
            raise AccessError(self.env._("Only an HR officer can do this."))

    def _check_state(self, *states):
        for case in self:
            if case.state not in states:
                raise UserError(
                    self.env._(
                        "The case %(name)s is %(state)s: this step is not possible.",
                        name=case.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[case.state],
                    )
                )

    # ------------------------------------------------------------ cancel
    def action_cancel(self, reason):
        """Cancel a case at any step; approved cases are kept, never deleted."""
        if not (reason or "").strip():
            raise UserError(self.env._("A cancellation needs a reason."))
        self._check_hr()
        for case in self:
            if case.state == "cancelled":
                raise UserError(
                    self.env._(
                        "The case %(name)s is already cancelled.", name=case.name
                    )
                )
        with self._workflow_begin("action_cancel", self.env._("cancelled")):
            self._cancel(reason)
        return True

    def _cancel(self, reason):
        for case in self:
            was_applied = case.state == "applied"
            case.approval_ids.filtered(
                lambda rec: rec.decision == "pending"
            )._workflow_write({"decision": "cancelled"})
            case.activity_unlink([_ACTIVITY])
            case._workflow_write({"state": "cancelled", "cancel_reason": reason})
            env = case._doc_env()
            note = env._("Cancelled: %(reason)s", reason=reason)
            if was_applied:
                note = case._undo_effects(note)
            case.message_post(body=note)
        return True

    # ------------------------------------------------------------ buttons
    def _open_reason(self, method):
        return self.env["telesales.reason.wizard"]._open(self, method)

    def action_open_reject_wizard(self):
        return self._open_reason("action_reject")

    def action_open_cancel_wizard(self):
        return self._open_reason("action_cancel")

    def action_open_refusal_wizard(self):
        return self._open_reason("action_record_refusal")

    def action_print_letter(self):
        self._check_state("approved", "facts_confirmed", "applied")
        return self.env.ref(
            "telesales_quality.action_report_telesales_discipline_letter"
        ).report_action(self)
