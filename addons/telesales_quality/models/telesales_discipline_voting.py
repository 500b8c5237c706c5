# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who decides a disciplinary case, and the votes on it.

A general case goes to the HR officers (any one of them decides), a serious
one to every member of the quality committee (consensus, 达成一致意见); whoever
proposes a case, and the employee it is about, never decide it.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .telesales_discipline import _ACTIVITY, _HR


class TelesalesDiscipline(models.Model):
    """The approval of a case: approver lines, votes, approval or rejection."""

    _inherit = "telesales.discipline"  # pylint: disable=consider-merging-classes-inherited

    approval_ids = fields.One2many(
        "telesales.discipline.approval",
        "discipline_id",
        string="Approvals",
        groups="telesales_hr.group_telesales_hr,"
        "telesales_quality.group_quality_committee,"
        "telesales_quality.group_qa_inspector,"
        "telesales_hr.group_telesales_auditor",
    )
    can_decide = fields.Boolean(compute="_compute_can_decide")

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_decide(self):
        for case in self:
            case.can_decide = bool(case._my_pending_lines())

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
        # the lines are hidden from the employee, their leaders and the HR
        # readers, whose screens still ask whether they decide (can_decide)
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
        return max(self.approval_ids.mapped("round") or [0]) + 1

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
        members = self._committee() - self.proposer_id - self.employee_id.user_id
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
        users -= self.proposer_id | self.employee_id.user_id
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

    def action_submit(self):
        """QA submits the proposal to its approvers."""
        with self._workflow_begin("action_submit", self.env._("submitted")):
            # nobody has the right to create approval lines: the workflow does
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
            if self.env.user in case.employee_id.user_id:
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
                case.activity_feedback([_ACTIVITY], user_id=self.env.uid)
                if lines.group_id:
                    # a group line is decided for the whole group
                    case.activity_unlink([_ACTIVITY])
                case.message_post(
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
            case.activity_unlink([_ACTIVITY])
            if case.state == "to_approve":
                case._workflow_write({"state": "rejected", "rejection_reason": reason})
                case.message_post(
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
                case.message_post(
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
        self.message_post(body=self._doc_env()._("The case is approved."))
        user = self.employee_id.user_id
        if user:
            self._schedule_for(
                user,
                self.env._("Confirm the facts of %(name)s or appeal", name=self.name),
                self.facts,
            )
