# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

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
    direct_supervisor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_supervisors",
        store=True,
        readonly=False,
        precompute=True,
        help="Team leader of the employee's team on the date of the facts.",
    )
    indirect_supervisor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_supervisors",
        store=True,
        readonly=False,
        precompute=True,
        help="Manager above the team leader on the date of the facts.",
    )
    approval_path = fields.Selection(
        [("hr", "HR Officer"), ("committee", "Quality Committee (all members)")],
        compute="_compute_approval_path",
        store=True,
        precompute=True,
    )
    approval_ids = fields.One2many(
        "telesales.discipline.approval",
        "discipline_id",
        string="Approvals",
        groups="telesales_hr.group_telesales_hr,"
        "telesales_quality.group_quality_committee,"
        "telesales_quality.group_qa_inspector,"
        "telesales_hr.group_telesales_auditor",
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
    appeal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    appeal_date = fields.Date(readonly=True, copy=False)
    appeal_decision = fields.Selection(
        [
            ("upheld", "Upheld"),
            ("changed", "Level Changed"),
            ("overturned", "Overturned"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
        help="The committee's decision on the appeal (proposed while its vote "
        "is pending).",
    )
    appeal_level_id = fields.Many2one(
        "telesales.discipline.level",
        string="Proposed Level",
        readonly=True,
        copy=False,
    )
    appeal_note = fields.Text(readonly=True, copy=False)
    appeal_vote_pending = fields.Boolean(readonly=True, copy=False)
    facts_confirmation = fields.Selection(
        [
            ("employee", "Confirmed by the Employee"),
            ("refused", "Refused, Recorded by HR"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    facts_note = fields.Text(readonly=True, copy=False)
    dismissal_proposed = fields.Boolean(
        readonly=True,
        copy=False,
        help="Opened while the employee was under observation (留司查看): the "
        "regulation ends employment for any new violation.",
    )
    coaching_ids = fields.One2many("telesales.coaching", "discipline_id")
    rank_history_id = fields.Many2one(
        "telesales.rank.history", string="Rank Change", readonly=True, copy=False
    )
    observation_until = fields.Date(readonly=True, copy=False)
    effect_summary = fields.Text(string="Effects Applied", readonly=True, copy=False)
    effect_labels = fields.Text(string="Effects", compute="_compute_effect_labels")
    is_my_case = fields.Boolean(compute="_compute_user_flags")
    can_decide = fields.Boolean(compute="_compute_user_flags")

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

    @api.depends("employee_id", "date", "call_id")
    def _compute_department_id(self):
        # the team of the date of the facts, not the team of the day the case
        # is opened: a later transfer moves neither liability nor visibility
        for case in self:
            case.department_id = self._team_on(
                case.employee_id, case.date, case.call_id
            )

    @api.model
    def _team_on(self, employee, day, call=None):
        """The team ``employee`` worked in on ``day`` (SPEC §2).

        Odoo keeps no dated history of an employee's department; the records
        that keep the team of their own day are used, most faithful first:
        the call of the case (its team is the agent's when it was made), the
        agent's daily compliance row of that day (one per scheduled day, its
        team kept by recomputes), a call of that day. Without any record of
        that day, the employee's current department (the case is opened
        soon after the facts; a record of an older day would not show a
        transfer made since).
        """
        employee = employee.sudo()
        if call and call.sudo().department_id:
            return call.sudo().department_id
        if not (employee and day):
            return employee.department_id
        for model, date_field in (
            ("telesales.daily.compliance", "date"),
            ("telesales.call", "call_date"),
        ):
            record = (
                self.env[model]
                .sudo()
                .search(
                    [
                        ("employee_id", "=", employee.id),
                        (date_field, "=", day),
                        ("department_id", "!=", False),
                    ],
                    order="id desc",
                    limit=1,
                )
            )
            if record:
                return record.department_id
        return employee.department_id

    @api.depends("employee_id", "department_id")
    def _compute_supervisors(self):
        for case in self:
            direct, indirect = self._supervisors_of(
                case.employee_id, case.department_id
            )
            case.direct_supervisor_id = direct
            case.indirect_supervisor_id = indirect

    @api.model
    def _supervisors_of(self, employee, department):
        """(direct, indirect) supervisors of ``employee`` in ``department``;
        a team leader's own supervisors are those of the unit above."""
        Employee = self.env["hr.employee"]
        department = department.sudo()
        if not department:
            return Employee, Employee
        direct, indirect = department._telesales_supervisors()
        if direct == employee:
            if department.parent_id:
                direct, indirect = department.parent_id._telesales_supervisors()
            else:
                direct, indirect = indirect, Employee
        if indirect == employee:
            indirect = Employee
        return direct, indirect

    @api.depends("severity", "level_id", "case_type")
    def _compute_approval_path(self):
        for case in self:
            serious = (
                case.severity in ("serious", "major")
                or case.level_id.committee_required
                or case.case_type == "cover_up"
            )
            case.approval_path = "committee" if serious else "hr"

    @api.depends_context("lang")
    @api.depends("level_id", "case_type")
    def _compute_effect_labels(self):
        for case in self:
            labels = case.level_id._effect_labels() if case.level_id else []
            if case.case_type == "cover_up" and not (
                case.level_id.rank_steps_down or case.level_id.to_lowest_rank
            ):
                labels.append(self.env._("Down at least one rank (cover-up)"))
            case.effect_labels = "\n".join(labels)

    @api.depends_context("uid")
    @api.depends("employee_id", "state")
    def _compute_user_flags(self):
        for case in self:
            case.is_my_case = case.employee_id.sudo().user_id == self.env.user
            case.can_decide = bool(case.sudo()._my_pending_lines())

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

    def _propose_dismissal_under_observation(self):
        """A case opened during an observation period (留司查看) proposes
        dismissal, as the regulation requires."""
        dismissal = self.env["telesales.discipline.level"].search(
            [("dismissal", "=", True)], order="sequence desc", limit=1
        )
        for case in self:
            until = case.employee_id.sudo().telesales_observation_until
            if not until or case.date > until or case.level_id.dismissal:
                continue
            vals = {"dismissal_proposed": True}
            if dismissal:
                vals["level_id"] = dismissal.id
            case._workflow_write(vals)
            case.sudo().message_post(
                body=case._doc_env()._(
                    "%(employee)s is under observation until %(date)s: dismissal "
                    "is proposed.",
                    employee=case.employee_id.name,
                    date=case._doc_date(until, case._doc_lang()),
                )
            )

    def _workflow_touch(self):
        """Update the rows of the cases a vote was cast on, after their lock.

        A vote writes an approval line, not the case: a concurrent voter that
        waited for the lock of the case would then read the pending lines of
        its own snapshot (PostgreSQL's repeatable read) and leave the case in
        "to approve" for good. Touching the row makes that voter fail with a
        serialization error instead; the server retries its request, which
        then sees every vote committed before it, so the last voter decides.
        """
        ids = tuple(self.ids)
        if ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET write_uid = %s, write_date = %s WHERE id IN %s",
                    SQL.identifier(self._table),
                    self.env.uid,
                    fields.Datetime.now(),
                    ids,
                )
            )
            self.invalidate_recordset(["write_uid", "write_date"])

    # ------------------------------------------------------------ approval
    def _current_stage(self):
        self.ensure_one()
        if self.state == "to_approve":
            return "approval"
        if self.state == "appealed" and self.appeal_vote_pending:
            return "appeal"
        return False

    def _pending_lines(self):
        self.ensure_one()
        stage = self._current_stage()
        return self.sudo().approval_ids.filtered(
            lambda line: line.stage == stage and line.decision == "pending"
        )

    def _my_pending_lines(self):
        self.ensure_one()
        if not self.id or self.env.user == self.proposer_id:
            # whoever proposes a case never decides it
            return self.env["telesales.discipline.approval"]
        return self._pending_lines().filtered(
            lambda rec: rec._is_approver(self.env.user)
        )

    def _next_round(self):
        self.ensure_one()
        return max(self.sudo().approval_ids.mapped("round") or [0]) + 1

    def _committee(self):
        self.ensure_one()
        members = self.company_id.telesales_committee_user_ids
        if not members:
            raise UserError(
                self.env._(
                    "%(company)s has no quality committee: choose its members in "
                    "Telesales settings.",
                    company=self.company_id.name,
                )
            )
        return members

    def _deciding_committee(self):
        """The members who vote on the case: the committee but its proposer,
        who never decides their own case."""
        self.ensure_one()
        # nor does the employee the case is about
        members = self._committee() - self.proposer_id - self.employee_id.sudo().user_id
        if not members:
            raise UserError(
                self.env._(
                    "The quality committee of %(company)s has no member other "
                    "than %(user)s, who proposed the case %(name)s: whoever "
                    "proposes a case cannot also decide it. Add another member "
                    "to the committee in Telesales settings.",
                    company=self.company_id.name,
                    user=self.proposer_id.name,
                    name=self.name,
                )
            )
        return members

    def _hr_approvers(self):
        """The HR officers who may approve a general case: never its proposer."""
        self.ensure_one()
        company = self.company_id or self.env.company
        users = company._telesales_hr_users()
        users -= self.proposer_id | self.employee_id.sudo().user_id
        if not users:
            raise UserError(
                self.env._(
                    "No HR officer other than %(user)s, who proposed the case "
                    "%(name)s, can approve it: whoever proposes a case cannot "
                    "also approve it. Give another user of %(company)s the HR "
                    "officer role.",
                    user=self.proposer_id.name,
                    name=self.name,
                    company=company.name,
                )
            )
        return users

    def _schedule_for(self, users, summary, note=None):
        for user in users:
            self.sudo().activity_schedule(
                _ACTIVITY, summary=summary, note=note, user_id=user.id
            )

    def action_submit(self):
        """QA submits the proposal to its approvers."""
        with self._workflow_begin("action_submit", self.env._("submitted")):
            Approval = self.env["telesales.discipline.approval"].sudo()
            hr_group = self.env.ref(_HR)
            for case in self:
                round_ = case._next_round()
                if case.approval_path == "committee":
                    vals_list = [
                        {"discipline_id": case.id, "round": round_, "user_id": user.id}
                        for user in case._deciding_committee()
                    ]
                else:
                    case._hr_approvers()
                    vals_list = [
                        {
                            "discipline_id": case.id,
                            "round": round_,
                            "group_id": hr_group.id,
                        }
                    ]
                with Approval._workflow_step(model_wide=True):
                    lines = Approval.create(vals_list)
                case._workflow_write(
                    {
                        "state": "to_approve",
                        "date_submitted": fields.Date.context_today(self),
                        "rejection_reason": False,
                    }
                )
                case._schedule_for(
                    lines._approvers() - case.proposer_id,
                    self.env._(
                        "Approve the disciplinary case %(name)s", name=case.name
                    ),
                    case.facts,
                )
        return True

    def _check_can_decide(self):
        """After the lock: the pending lines are read again, so that what was
        voted by a transaction committed before ours counts."""
        self.env["telesales.discipline.approval"].invalidate_model()
        for case in self:
            if not case._current_stage():
                raise UserError(
                    self.env._(
                        "The case %(name)s is not waiting for a decision.",
                        name=case.name,
                    )
                )
            if case.proposer_id == self.env.user:
                raise AccessError(
                    self.env._(
                        "%(user)s proposed the case %(name)s: whoever proposes a "
                        "case cannot also approve or reject it.",
                        user=self.env.user.name,
                        name=case.name,
                    )
                )
            if self.env.user in case.employee_id.sudo().user_id:
                raise AccessError(
                    self.env._(
                        "The case %(name)s is about you: it is decided by the "
                        "other approvers, never by you.",
                        name=case.name,
                    )
                )
            if not case._my_pending_lines():
                raise AccessError(
                    self.env._(
                        "You are not an approver of the case %(name)s, or you "
                        "already decided.",
                        name=case.name,
                    )
                )

    def action_approve(self):
        with self._workflow_begin("action_approve", self.env._("approved")):
            self._workflow_touch()
            self._check_can_decide()
            now = fields.Datetime.now()
            for case in self:
                lines = case._my_pending_lines()
                lines._workflow_write(
                    {"decision": "approved", "decided_by_id": self.env.uid, "date": now}
                )
                case.sudo().activity_feedback([_ACTIVITY], user_id=self.env.uid)
                if lines.group_id:
                    # a group line is decided for the whole group
                    case.sudo().activity_unlink([_ACTIVITY])
                case.sudo().message_post(
                    body=case._doc_env()._(
                        "Approved by %(user)s.", user=self.env.user.name
                    )
                )
                if not case._pending_lines():
                    if case.state == "to_approve":
                        case._on_approved()
                    else:
                        case._on_appeal_decided()
        return True

    def action_reject(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("A rejection needs a reason."))
        with self._workflow_begin("action_reject", self.env._("rejected")):
            self._workflow_touch()
            self._check_can_decide()
            self._reject(reason)
        return True

    def _reject(self, reason):
        now = fields.Datetime.now()
        for case in self:
            mine = case._my_pending_lines()
            others = case._pending_lines() - mine
            mine._workflow_write(
                {
                    "decision": "rejected",
                    "reason": reason,
                    "decided_by_id": self.env.uid,
                    "date": now,
                }
            )
            others._workflow_write({"decision": "cancelled"})
            case.sudo().activity_unlink([_ACTIVITY])
            if case.state == "to_approve":
                case._workflow_write({"state": "rejected", "rejection_reason": reason})
                case.sudo().message_post(
                    body=case._doc_env()._(
                        "Rejected by %(user)s: %(reason)s",
                        user=self.env.user.name,
                        reason=reason,
                    )
                )
                case._schedule_for(
                    case.proposer_id,
                    self.env._("Case %(name)s rejected", name=case.name),
                    reason,
                )
            else:
                case._workflow_write(
                    {
                        "appeal_vote_pending": False,
                        "appeal_decision": False,
                        "appeal_level_id": False,
                        "appeal_note": False,
                    }
                )
                case.sudo().message_post(
                    body=case._doc_env()._(
                        "The proposed appeal decision was rejected by %(user)s: "
                        "%(reason)s",
                        user=self.env.user.name,
                        reason=reason,
                    )
                )
                case._schedule_for(
                    case._deciding_committee(),
                    self.env._("Decide the appeal of %(name)s", name=case.name),
                )

    def _on_approved(self):
        self.ensure_one()
        self._workflow_write(
            {"state": "approved", "date_approved": fields.Date.context_today(self)}
        )
        self.sudo().message_post(body=self._doc_env()._("The case is approved."))
        user = self.employee_id.sudo().user_id
        if user:
            self._schedule_for(
                user,
                self.env._("Confirm the facts of %(name)s or appeal", name=self.name),
                self.facts,
            )

    # ------------------------------------------------------------ appeal
    def action_appeal(self, reason):
        """The employee disputes the approved case, once, before confirming."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the appeal."))
        for case in self:
            case._check_is_employee()
            if case.state != "approved":
                raise UserError(
                    self.env._(
                        "Only an approved case waiting for your confirmation can "
                        "be appealed (%(name)s).",
                        name=case.name,
                    )
                )
            if case.appeal_date:
                raise UserError(
                    self.env._(
                        "The case %(name)s was already appealed once.", name=case.name
                    )
                )
        with self._workflow_begin("action_appeal", self.env._("appealed")):
            for case in self:
                if case.appeal_date:
                    raise UserError(
                        self.env._(
                            "The case %(name)s was already appealed once.",
                            name=case.name,
                        )
                    )
                committee = case._deciding_committee()
                case._workflow_write(
                    {
                        "state": "appealed",
                        "appeal_reason": reason,
                        "appeal_date": fields.Date.context_today(self),
                    }
                )
                case.sudo().activity_feedback([_ACTIVITY], user_id=self.env.uid)
                case._schedule_for(
                    committee,
                    self.env._("Decide the appeal of %(name)s", name=case.name),
                    reason,
                )
        return True

    def action_propose_appeal_decision(self, decision, note, level=None):
        """A committee member proposes the re-decision; every member then
        votes on it (the proposer's vote is counted at once)."""
        if decision not in ("upheld", "changed", "overturned"):
            raise UserError(self.env._("Unknown appeal decision %(d)s.", d=decision))
        if not (note or "").strip():
            raise UserError(self.env._("Explain the decision on the appeal."))
        if decision == "changed" and not level:
            raise UserError(self.env._("Choose the new level."))
        Approval = self.env["telesales.discipline.approval"].sudo()
        # lock and check the group first: two members proposing at once
        # give one proposal, the other one is refused below
        with self._workflow_begin(
            "action_propose_appeal_decision", self.env._("decided on appeal")
        ):
            for case in self:
                committee = case._deciding_committee()
                if self.env.user == case.proposer_id:
                    raise AccessError(
                        self.env._(
                            "%(user)s proposed the case %(name)s: whoever proposes "
                            "a case cannot also decide its appeal.",
                            user=self.env.user.name,
                            name=case.name,
                        )
                    )
                if self.env.user not in committee:
                    raise AccessError(
                        self.env._(
                            "Only members of the quality committee decide the appeal "
                            "of %(name)s.",
                            name=case.name,
                        )
                    )
                if case.state != "appealed" or case.appeal_vote_pending:
                    raise UserError(
                        self.env._(
                            "The case %(name)s is not waiting for an appeal decision.",
                            name=case.name,
                        )
                    )
                round_ = case._next_round()
                with Approval._workflow_step(model_wide=True):
                    Approval.create(
                        [
                            {
                                "discipline_id": case.id,
                                "stage": "appeal",
                                "round": round_,
                                "user_id": user.id,
                            }
                            for user in committee
                        ]
                    )
                case._workflow_write(
                    {
                        "appeal_vote_pending": True,
                        "appeal_decision": decision,
                        "appeal_level_id": level.id if decision == "changed" else False,
                        "appeal_note": note,
                    }
                )
                case.sudo().activity_unlink([_ACTIVITY])
                case._schedule_for(
                    committee - self.env.user,
                    self.env._(
                        "Vote on the appeal decision of %(name)s", name=case.name
                    ),
                    note,
                )
                case.sudo().message_post(
                    body=case._doc_env()._(
                        "%(user)s proposes to decide the appeal: %(decision)s. "
                        "%(note)s",
                        user=self.env.user.name,
                        decision=dict(
                            self._fields["appeal_decision"]._description_selection(
                                case._doc_env()
                            )
                        )[decision],
                        note=note,
                    )
                )
        return self.action_approve()

    def _on_appeal_decided(self):
        self.ensure_one()
        decision = self.appeal_decision
        vals = {"appeal_vote_pending": False}
        if decision == "overturned":
            vals.update(state="cancelled", cancel_reason=self.appeal_note)
        else:
            vals["state"] = "approved"
            if decision == "changed":
                vals.update(
                    level_id=self.appeal_level_id.id,
                    date_approved=fields.Date.context_today(self),
                )
        self._workflow_write(vals)
        self.sudo().message_post(
            body=self._doc_env()._(
                "The committee decided the appeal: %(decision)s. %(note)s",
                decision=dict(
                    self._fields["appeal_decision"]._description_selection(
                        self._doc_env()
                    )
                )[decision],
                note=self.appeal_note,
            ),
            partner_ids=self.employee_id.sudo().user_id.partner_id.ids,
        )
        user = self.employee_id.sudo().user_id
        if self.state == "approved" and user:
            self._schedule_for(
                user,
                self.env._("Confirm the facts of %(name)s", name=self.name),
            )

    # ------------------------------------------------------------ facts
    def _check_is_employee(self):
        for case in self:
            if case.employee_id.sudo().user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s answers the case %(name)s.",
                        employee=case.employee_id.name,
                        name=case.name,
                    )
                )

    def _check_hr(self):
        if not self.env.user.has_group("telesales_hr.group_telesales_hr"):
            raise AccessError(self.env._("Only an HR officer can do this."))

    def action_confirm_facts(self):
        """The employee confirms the facts (事实确认)."""
        self._check_is_employee()
        self._check_state("approved")
        with self._workflow_begin("action_confirm_facts", self.env._("confirmed")):
            self._workflow_write(
                {"state": "facts_confirmed", "facts_confirmation": "employee"}
            )
        self.sudo().activity_feedback([_ACTIVITY], user_id=self.env.uid)
        for case in self:
            case.sudo().message_post(
                body=case._doc_env()._("The employee confirmed the facts.")
            )
        return True

    def action_record_refusal(self, note):
        """HR records that the employee refused to confirm the facts."""
        if not (note or "").strip():
            raise UserError(self.env._("Describe the refusal."))
        self._check_hr()
        self._check_state("approved")
        with self._workflow_begin("action_record_refusal", self.env._("confirmed")):
            self._workflow_write(
                {
                    "state": "facts_confirmed",
                    "facts_confirmation": "refused",
                    "facts_note": note,
                }
            )
        self.sudo().activity_unlink([_ACTIVITY])
        for case in self:
            case.sudo().message_post(
                body=case._doc_env()._(
                    "Refusal to confirm the facts recorded: %(note)s", note=note
                )
            )
        return True

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

    # ------------------------------------------------------------ effects
    def action_apply(self):
        """Write the effects of the level (HR, after the facts)."""
        self._check_hr()
        self._check_state("facts_confirmed")
        with self._workflow_begin("action_apply", self.env._("applied")):
            for case in self:
                case.sudo()._apply_effects()
        return True

    def _apply_effects(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        level = self.level_id
        employee = self.employee_id
        company = self.company_id
        effects = []
        # the effects are the case's record and its letter's: in their language
        env = self._doc_env()
        lang = env.lang

        def day(value):
            return self._doc_date(value, lang)

        vals = {
            "state": "applied",
            "date_applied": today,
            "period": today.replace(day=1),
        }
        # formatted outside the call: the term extractor evaluates every
        # string token inside _() and fails on an f-string
        points = f"{self.points:g}"
        effects.append(
            env._(
                "%(points)s behaviour-quality points in %(month)s",
                points=points,
                month=self._doc_date(today, lang, month=True),
            )
        )
        if level.coaching:
            coaching = self.env["telesales.coaching"]._plan(
                employee,
                today,
                max(company.telesales_coaching_days, 1),
                env._("Disciplinary case %(name)s", name=self.name),
                discipline=self,
            )
            effects.append(
                env._(
                    "Offline coaching from %(start)s to %(end)s",
                    start=day(coaching.date_from),
                    end=day(coaching.date_to),
                )
            )
        rank_entry = self._apply_rank(today)
        if rank_entry:
            vals["rank_history_id"] = rank_entry.id
            effects.append(
                env._(
                    "Rank set to %(rank)s",
                    rank=rank_entry.rank_id.with_env(env).display_name,
                )
            )
        if level.remove_from_post:
            departments = self.env["hr.department"].search(
                [("manager_id", "=", employee.id)]
            )
            for department in departments:
                department.message_post(
                    body=env._(
                        "%(employee)s is removed from the post of leader by the "
                        "disciplinary case %(name)s.",
                        employee=employee.name,
                        name=self.name,
                    )
                )
            departments.write({"manager_id": False})
            if departments:
                effects.append(
                    env._(
                        "Removed from the lead of %(departments)s",
                        departments=", ".join(departments.mapped("name")),
                    )
                )
        if level.cancel_annual_bonus or self.case_type == "cover_up":
            self.env["telesales.annual.bonus.block"].create(
                {
                    "employee_id": employee.id,
                    "year": today.year,
                    "discipline_id": self.id,
                }
            )
            effects.append(env._("Annual bonus of %(year)s cancelled", year=today.year))
        if level.observation_months:
            until = today + relativedelta(months=level.observation_months)
            current = employee.telesales_observation_until
            employee.telesales_observation_until = max(until, current or until)
            vals["observation_until"] = until
            effects.append(env._("Under observation until %(date)s", date=day(until)))
        if level.dismissal:
            employee.write(
                {
                    "departure_reason_id": self.env.ref("hr.departure_fired").id,
                    "departure_date": today,
                    "departure_description": env._(
                        "Dismissed by the disciplinary case %(name)s.", name=self.name
                    ),
                }
            )
            employee.with_context(no_wizard=True).action_archive()
            effects.append(env._("Employment ended on %(date)s", date=day(today)))
        if level.block_promotion:
            effects.append(env._("No promotion in the quarter review"))
        vals["effect_summary"] = "\n".join(effects)
        self._workflow_write(vals)
        self.sudo().message_post(
            body=env._("Effects applied:\n%(effects)s", effects=vals["effect_summary"])
        )

    def _apply_rank(self, today):
        """Demote on the rank ladder; returns the new history entry if any."""
        self.ensure_one()
        level = self.level_id
        employee = self.employee_id
        steps = level.rank_steps_down
        if self.case_type == "cover_up":
            steps = max(steps, 1)
        if not (steps or level.to_lowest_rank):
            return False
        History = self.env["telesales.rank.history"]
        rank = History._rank_at(employee, today).get(employee.id)
        if not rank:
            self.sudo().message_post(
                body=self._doc_env()._(
                    "%(employee)s holds no telesales rank: no demotion written.",
                    employee=employee.name,
                )
            )
            return False
        if level.to_lowest_rank:
            target = self.env["telesales.rank"]._ladder(rank.company_id)[:1]
        else:
            target = rank._step(-steps)
        if not target or target == rank:
            return False
        return History.create(
            {
                "employee_id": employee.id,
                "rank_id": target.id,
                "date_start": today,
                "origin": "penalty",
                "origin_ref": f"{self._name},{self.id}",
                "reason": self.env._(
                    "%(level)s, disciplinary case %(name)s",
                    level=level.name,
                    name=self.name,
                ),
            }
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
            self.sudo()._cancel(reason)
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
                case.coaching_ids.filtered(
                    lambda c: c.state == "planned"
                )._workflow_write(
                    {"state": "cancelled", "cancel_reason": note},
                )
                self.env["telesales.annual.bonus.block"].search(
                    [("discipline_id", "=", case.id)]
                ).write({"active": False})
                employee = case.employee_id
                if (
                    case.observation_until
                    and employee.telesales_observation_until == case.observation_until
                ):
                    employee.telesales_observation_until = False
                if case.rank_history_id or case.level_id.dismissal:
                    note += " " + env._(
                        "The rank history and the employment are not rewritten: "
                        "HR corrects them with a new entry if needed."
                    )
            case.sudo().message_post(body=note)
        return True

    # ------------------------------------------------------------ buttons
    def _open_reason(self, method):
        return self.env["telesales.reason.wizard"]._open(self, method)

    def action_open_reject_wizard(self):
        return self._open_reason("action_reject")

    def action_open_cancel_wizard(self):
        return self._open_reason("action_cancel")

    def action_open_appeal_wizard(self):
        return self._open_reason("action_appeal")

    def action_open_refusal_wizard(self):
        return self._open_reason("action_record_refusal")

    def action_open_appeal_decision_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decide the Appeal"),
            "res_model": "telesales.discipline.appeal.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_discipline_id": self.id},
        }

    def action_print_letter(self):
        self._check_state("approved", "facts_confirmed", "applied")
        return self.env.ref(
            "telesales_quality.action_report_telesales_discipline_letter"
        ).report_action(self)

    # ------------------------------------------------------------ API
    @api.model
    def _quality_points(self, employees, date_from, date_to):
        """Behaviour-quality points each employee lost in the months of
        [date_from, date_to] (payroll: points × the company's point value).

        Counts applied cases, not cancelled ones, by their month of
        application. Cases of the same month add up (an inspection and a
        complaint on the same call both count) but a month never loses more
        than the company's monthly score, and a level that resets the score
        takes all of it. Returns ``{employee id: points}``.
        """
        if not employees:
            return {}
        month_from = fields.Date.to_date(date_from).replace(day=1)
        groups = self.sudo()._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "applied"),
                ("period", ">=", month_from),
                ("period", "<=", date_to),
            ],
            ["employee_id", "company_id", "period:month"],
            ["points:sum", "reset_score:bool_or"],
        )
        result = defaultdict(float)
        for employee, company, _month, points, reset in groups:
            base = company.telesales_quality_base_points
            result[employee.id] += base if reset else min(points, base)
        return dict(result)
