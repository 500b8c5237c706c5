# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The employee's appeal of an approved case and the committee's re-decision."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .telesales_discipline import _ACTIVITY


class TelesalesDiscipline(models.Model):
    """An approved case may be appealed once, before its facts are confirmed:
    a committee member proposes the re-decision (uphold, change the level,
    overturn) and every member votes on it."""

    _inherit = "telesales.discipline"  # pylint: disable=consider-merging-classes-inherited

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
                # the employee only reads their case: the workflow closes
                # their to-do and files the committee's
                as_workflow = case.sudo()
                as_workflow.activity_feedback([_ACTIVITY], user_id=self.env.uid)
                as_workflow._schedule_for(
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
        # nobody has the right to create approval lines: the workflow does
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
                case.activity_unlink([_ACTIVITY])
                case._schedule_for(
                    committee - self.env.user,
                    self.env._(
                        "Vote on the appeal decision of %(name)s", name=case.name
                    ),
                    note,
                )
                case.message_post(
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
        self.message_post(
            body=self._doc_env()._(
                "The committee decided the appeal: %(decision)s. %(note)s",
                decision=dict(
                    self._fields["appeal_decision"]._description_selection(
                        self._doc_env()
                    )
                )[decision],
                note=self.appeal_note,
            ),
            partner_ids=self.employee_id.user_id.partner_id.ids,
        )
        user = self.employee_id.user_id
        if self.state == "approved" and user:
            self._schedule_for(
                user,
                self.env._("Confirm the facts of %(name)s", name=self.name),
            )

    def action_open_appeal_wizard(self):
        return self._open_reason("action_appeal")

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
