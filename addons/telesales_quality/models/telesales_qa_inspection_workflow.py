# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The answer to a published inspection: the agent acknowledges or appeals
it within the deadline, a reviewer decides the appeal."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .telesales_qa_inspection import _ACTIVITY


class TelesalesQaInspection(models.Model):
    """Publication, acknowledgement, appeal and review of an inspection."""

    _inherit = "telesales.qa.inspection"  # pylint: disable=consider-merging-classes-inherited

    date_published = fields.Datetime(readonly=True, copy=False)
    appeal_deadline = fields.Date(
        readonly=True,
        copy=False,
        help="Last day to acknowledge or appeal (working days of the agent's "
        "schedule after publication).",
    )
    acknowledged_auto = fields.Boolean(
        string="Acknowledged at Deadline", readonly=True, copy=False
    )
    appeal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    appeal_date = fields.Datetime(readonly=True, copy=False)
    score_before_review = fields.Float(readonly=True, copy=False)
    reviewer_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_decision = fields.Selection(
        [("upheld", "Upheld"), ("adjusted", "Adjusted"), ("overturned", "Overturned")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    review_note = fields.Text(readonly=True, copy=False)
    date_reviewed = fields.Datetime(readonly=True, copy=False)
    is_my_inspection = fields.Boolean(compute="_compute_user_flags")
    can_review = fields.Boolean(compute="_compute_user_flags")

    @api.depends_context("uid")
    @api.depends("employee_id", "inspector_id", "state")
    def _compute_user_flags(self):
        for inspection in self:
            inspection.is_my_inspection = (
                inspection.employee_id.user_id == self.env.user
            )
            inspection.can_review = inspection._is_reviewer(self.env.user)

    def _appeal_deadline(self, start_date):
        """Last day of the appeal window: N working days of the agent's
        schedule (company leaves excluded) after ``start_date``."""
        self.ensure_one()
        days = self.company_id.telesales_qa_appeal_days
        calendar = (
            self.employee_id.resource_calendar_id
            or self.company_id.resource_calendar_id
        )
        if days <= 0:
            return start_date
        if not calendar:
            return start_date + timedelta(days=days)
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(start_date + timedelta(days=1), time.min))
        end = calendar.plan_days(days, start, compute_leaves=True)
        if not end:
            return start_date + timedelta(days=days)
        return end.astimezone(tz).date()

    def action_publish(self):
        """Send the inspection to the agent, who has until the deadline to
        acknowledge or appeal it."""
        for inspection in self:
            if inspection.state != "draft":
                raise UserError(
                    self.env._(
                        "The inspection %(name)s is already published.",
                        name=inspection.name,
                    )
                )
        with self._workflow_begin("action_publish", self.env._("published")):
            self._publish()
        return True

    def _publish(self):
        today = fields.Date.context_today(self)
        for inspection in self:
            deadline = inspection._appeal_deadline(today)
            inspection.write(
                {
                    "state": "published",
                    "date_published": fields.Datetime.now(),
                    "appeal_deadline": deadline,
                    "inspector_id": inspection.inspector_id.id or self.env.uid,
                }
            )
            user = inspection.employee_id.user_id
            if user:
                inspection.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=self.env._("Acknowledge or appeal the inspection"),
                    note=self.env._(
                        "Score %(score)s. Acknowledge it or appeal it by %(date)s.",
                        score=inspection.score,
                        date=deadline,
                    ),
                    user_id=user.id,
                )

    def _check_agent_answer(self):
        today = fields.Date.context_today(self)
        for inspection in self:
            if inspection.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(agent)s can acknowledge or appeal the inspection "
                        "%(name)s.",
                        agent=inspection.employee_id.name,
                        name=inspection.name,
                    )
                )
            if inspection.state != "published":
                raise UserError(
                    self.env._(
                        "The inspection %(name)s is not waiting for your answer.",
                        name=inspection.name,
                    )
                )
            if inspection.appeal_deadline and today > inspection.appeal_deadline:
                raise UserError(
                    self.env._(
                        "The deadline to answer the inspection %(name)s was "
                        "%(date)s.",
                        name=inspection.name,
                        date=inspection.appeal_deadline,
                    )
                )

    def action_acknowledge(self):
        self._check_agent_answer()
        with self._workflow_begin("action_acknowledge", self.env._("acknowledged")):
            self._workflow_write({"state": "acknowledged"})
            # the agent only reads their inspection: the workflow closes the to-do
            self.sudo().activity_feedback([_ACTIVITY], user_id=self.env.uid)
        return True

    def action_appeal(self, reason):
        """The agent disputes the inspection (once)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the appeal."))
        self._check_agent_answer()
        for inspection in self:
            if inspection.appeal_date:
                raise UserError(
                    self.env._(
                        "The inspection %(name)s was already appealed once.",
                        name=inspection.name,
                    )
                )
        with self._workflow_begin("action_appeal", self.env._("appealed")):
            # the agent only reads their inspection: the workflow records the
            # appeal and files the reviewers' to-dos
            self.sudo()._appeal(reason)
        return True

    def _appeal(self, reason):
        for inspection in self:
            reviewers = inspection._reviewer_users()
            if not reviewers:
                raise UserError(
                    self.env._(
                        "Nobody but %(inspector)s, who made the inspection %(name)s, "
                        "could review its appeal: ask HR to add another member to "
                        "the quality committee in Telesales settings. The appeal is "
                        "not recorded.",
                        inspector=inspection.inspector_id.name,
                        name=inspection.name,
                    )
                )
            inspection.write(
                {
                    "state": "appealed",
                    "appeal_reason": reason,
                    "appeal_date": fields.Datetime.now(),
                    "score_before_review": inspection.score,
                }
            )
            inspection.activity_feedback(
                ["mail.mail_activity_data_todo"], user_id=self.env.uid
            )
            for user in reviewers:
                inspection.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Review the appeal of an inspection"),
                    note=reason,
                    user_id=user.id,
                )

    def _reviewer_users(self):
        """Who reviews an appeal: the quality committee, never the inspector
        who made the inspection. When the committee is only that inspector
        (or empty), the HR officers review it, as an HR office would: an
        agent's appeal within its deadline always reaches someone."""
        self.ensure_one()
        users = self.company_id._telesales_committee_users() - self.inspector_id
        if not users:
            users = self.company_id._telesales_hr_users()
        return users - self.inspector_id

    def _is_reviewer(self, user):
        self.ensure_one()
        return user != self.inspector_id and (
            user.has_group("telesales_quality.group_quality_committee")
            or user.has_group("telesales_hr.group_telesales_hr")
        )

    def action_review(self, decision, note):
        """Decide an appeal: ``upheld`` keeps the score, ``overturned`` clears
        every failure, ``adjusted`` keeps the item results the reviewer
        corrected on the appealed inspection."""
        if decision not in ("upheld", "adjusted", "overturned"):
            raise UserError(self.env._("Unknown review decision %(d)s.", d=decision))
        if not (note or "").strip():
            raise UserError(self.env._("Explain the review decision."))
        for inspection in self:
            if inspection.state != "appealed":
                raise UserError(
                    self.env._(
                        "The inspection %(name)s is not under appeal.",
                        name=inspection.name,
                    )
                )
            if not inspection._is_reviewer(self.env.user):
                raise AccessError(
                    self.env._(
                        "Only a member of the quality committee or an HR officer "
                        "other than its inspector reviews the appeal of %(name)s.",
                        name=inspection.name,
                    )
                )
        with self._workflow_begin("action_review", self.env._("reviewed")):
            self._review(decision, note)
        return True

    def _review(self, decision, note):
        for inspection in self:
            before = inspection.score_before_review
            if decision == "overturned":
                inspection.line_ids._workflow_write({"failed": False})
            elif decision == "upheld" and inspection.score != before:
                raise UserError(
                    self.env._(
                        "Items of %(name)s were changed: adjust the inspection "
                        "instead of upholding it.",
                        name=inspection.name,
                    )
                )
            inspection.write(
                {
                    "state": "reviewed",
                    "review_decision": decision,
                    "review_note": note,
                    "reviewer_id": self.env.uid,
                    "date_reviewed": fields.Datetime.now(),
                }
            )
            inspection.activity_unlink(["mail.mail_activity_data_todo"])
            inspection.message_post(
                body=self.env._(
                    "Appeal %(decision)s by %(user)s: score %(before)s → %(after)s. "
                    "%(note)s",
                    decision=dict(
                        self._fields["review_decision"]._description_selection(self.env)
                    )[decision],
                    user=self.env.user.name,
                    before=before,
                    after=inspection.score,
                    note=note,
                ),
                partner_ids=inspection.employee_id.user_id.partner_id.ids,
            )

    @api.model
    def _cron_acknowledge_expired(self):
        """Inspections not answered by their deadline count as acknowledged."""
        today = fields.Date.context_today(self)
        expired = self.search(
            [("state", "=", "published"), ("appeal_deadline", "<", today)]
        )
        expired._workflow_lock()
        expired = expired.filtered(lambda i: i.state == "published")
        expired._workflow_write({"state": "acknowledged", "acknowledged_auto": True})
        expired.activity_unlink(["mail.mail_activity_data_todo"])
        for inspection in expired:
            inspection.message_post(
                body=self.env._(
                    "Not answered by %(date)s: acknowledged.",
                    date=inspection.appeal_deadline,
                )
            )
        return expired

    def action_open_appeal_wizard(self):
        return self.env["telesales.reason.wizard"]._open(self, "action_appeal")

    def action_open_review_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Review the Appeal"),
            "res_model": "telesales.qa.review.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_inspection_id": self.id},
        }
