# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.telesales_hr.models.telesales_workflow_mixin import ALL

from .telesales_qa_item import SEVERITIES, SEVERITY_ORDER

_INSPECTOR = "telesales_quality.group_qa_inspector"
_COMMITTEE = "telesales_quality.group_quality_committee"
_HR = "telesales_hr.group_telesales_hr"
_ACTIVITY = "mail.mail_activity_data_todo"

# States in which an inspection counts for the pass rates.
DONE_STATES = ("published", "acknowledged", "appealed", "reviewed")


class TelesalesQaInspection(models.Model):
    """The inspection of one call against a published form.

    Score = 100 − the points of the failed items, 0 when a fatal item failed.
    Once published the agent acknowledges it or appeals it once, within the
    deadline counted in working days of the agent's schedule; a reviewer
    (quality committee or HR, never the inspector) upholds, overturns or
    adjusts it, and the score follows the review.
    """

    _name = "telesales.qa.inspection"
    _description = "Call Inspection"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.team.mixin",
        # before mail.thread: a user without an email address still acts
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "call_start desc, id desc"

    # the workflow (telesales.workflow.mixin): a published inspection is
    # scored; its score, pass line and items change only by the review of an
    # appeal (the reviewer corrects the items, action_review decides)
    _workflow_fields = frozenset(
        {
            # the agent of the call, never another one
            "employee_id",
            "score",
            "deduction",
            "fatal_failed",
            "severity",
            "passed",
            "date_published",
            "appeal_deadline",
            "acknowledged_auto",
            "appeal_reason",
            "appeal_date",
            "score_before_review",
            "reviewer_id",
            "review_decision",
            "review_note",
            "date_reviewed",
        }
    )
    _workflow_editable = {
        "draft": ALL,
        # the reviewer's corrections of the items (checked by the lines)
        "appealed": frozenset({"line_ids"}),
    }
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "action_publish": (("draft",), (_INSPECTOR, _HR)),
        # the agent (checked by the method)
        "action_acknowledge": (("published",), None),
        "action_appeal": (("published",), None),
        "action_review": (("appealed",), (_COMMITTEE, _HR)),
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    call_id = fields.Many2one(
        "telesales.call", required=True, index=True, ondelete="restrict"
    )
    employee_id = fields.Many2one(
        compute="_compute_employee_id", store=True, readonly=False, precompute=True
    )
    call_start = fields.Datetime(related="call_id.start", store=True)
    call_date = fields.Date(
        compute="_compute_call_date",
        store=True,
        index=True,
        help="Day of the call: pass rates are counted by the month of the call.",
    )
    talk_seconds = fields.Integer(related="call_id.talk_seconds")
    recording_ref = fields.Char(related="call_id.recording_ref")
    form_id = fields.Many2one(
        "telesales.qa.form",
        required=True,
        default=lambda self: self.env["telesales.qa.form"]._current_form(),
        domain="[('state', '=', 'published'), ('company_id', '=', company_id)]",
        ondelete="restrict",
        tracking=True,
    )
    inspector_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("telesales_quality.group_qa_inspector").id)
        ],
    )
    line_ids = fields.One2many(
        "telesales.qa.inspection.line", "inspection_id", string="Items", copy=True
    )
    deduction = fields.Float(compute="_compute_score", store=True)
    fatal_failed = fields.Boolean(
        string="Fatal Failure", compute="_compute_score", store=True
    )
    score = fields.Float(compute="_compute_score", store=True, tracking=True)
    severity = fields.Selection(
        SEVERITIES,
        compute="_compute_score",
        store=True,
        help="Severity of the worst failed item.",
    )
    pass_score = fields.Float(
        string="Pass Line",
        default=lambda self: self.env.company.telesales_qa_pass_score,
        required=True,
    )
    passed = fields.Boolean(compute="_compute_score", store=True)
    comments = fields.Text()
    state = fields.Selection(
        [
            ("draft", "To Inspect"),
            ("published", "Published"),
            ("acknowledged", "Acknowledged"),
            ("appealed", "Appealed"),
            ("reviewed", "Reviewed"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
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
    discipline_ids = fields.One2many(
        "telesales.discipline", "inspection_id", string="Disciplinary Cases"
    )
    discipline_count = fields.Integer(compute="_compute_discipline_count")

    @api.depends("call_id")
    def _compute_employee_id(self):
        for inspection in self:
            inspection.employee_id = inspection.call_id.employee_id

    @api.depends("employee_id", "call_id")
    def _compute_department_id(self):
        # the team of the call, not the agent's team of today
        for inspection in self:
            inspection.department_id = (
                inspection.call_id.department_id or inspection.employee_id.department_id
            )

    @api.depends("call_id")
    def _compute_company_id(self):
        for inspection in self:
            inspection.company_id = (
                inspection.call_id.company_id
                or inspection.employee_id.company_id
                or self.env.company
            )

    @api.depends("call_start")
    def _compute_call_date(self):
        for inspection in self:
            inspection.call_date = (
                inspection.call_start and inspection.call_start.date()
            )

    @api.depends(
        "line_ids.failed",
        "line_ids.points",
        "line_ids.fatal",
        "line_ids.severity",
        "pass_score",
    )
    def _compute_score(self):
        for inspection in self:
            failed = inspection.line_ids.filtered("failed")
            deduction = sum(failed.mapped("points"))
            fatal = any(failed.mapped("fatal"))
            score = 0.0 if fatal else max(0.0, 100.0 - deduction)
            severities = failed.mapped("severity")
            inspection.deduction = deduction
            inspection.fatal_failed = fatal
            inspection.score = score
            inspection.severity = (
                max(severities, key=SEVERITY_ORDER.get) if severities else False
            )
            inspection.passed = score >= inspection.pass_score

    @api.depends_context("uid")
    @api.depends("employee_id", "inspector_id", "state")
    def _compute_user_flags(self):
        for inspection in self:
            inspection.is_my_inspection = (
                inspection.employee_id.sudo().user_id == self.env.user
            )
            inspection.can_review = inspection._is_reviewer(self.env.user)

    def _compute_discipline_count(self):
        for inspection in self:
            inspection.discipline_count = len(inspection.discipline_ids)

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("telesales.qa.inspection")
                    or "/"
                )
        inspections = super().create(vals_list)
        not_published = inspections.form_id.filtered(lambda f: f.state != "published")
        if not_published:
            raise UserError(
                self.env._(
                    "New inspections use a published form; %(form)s is %(state)s.",
                    form=not_published[0].display_name,
                    state=not_published[0].state,
                )
            )
        inspections._create_lines()
        return inspections

    def _create_lines(self):
        """One line per item of the form, for inspections created without."""
        vals_list = [
            {"inspection_id": inspection.id, "item_id": item.id}
            for inspection in self.filtered(lambda i: not i.line_ids)
            for item in inspection.form_id.item_ids
        ]
        self.env["telesales.qa.inspection.line"].create(vals_list)

    @api.constrains("call_id")
    def _check_call_once(self):
        groups = self._read_group(
            [("call_id", "in", self.call_id.ids)], ["call_id"], ["__count"]
        )
        twice = [call for call, count in groups if count > 1]
        if twice:
            raise ValidationError(
                self.env._(
                    "The call %(call)s is already inspected.",
                    call=twice[0].display_name,
                )
            )

    def write(self, vals):
        # rights first: a reader gets the access error, not a workflow message
        # about a record they may not change anyway
        self.check_access("write")
        return super().write(vals)

    # ------------------------------------------------------------ deadlines
    def _appeal_deadline(self, start_date):
        """Last day of the appeal window: N working days of the agent's
        schedule (company leaves excluded) after ``start_date``."""
        self.ensure_one()
        days = self.company_id.telesales_qa_appeal_days
        calendar = (
            self.employee_id.sudo().resource_calendar_id
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

    # ------------------------------------------------------------ workflow
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
            user = inspection.employee_id.sudo().user_id
            if user:
                inspection.sudo().activity_schedule(
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
            if inspection.employee_id.sudo().user_id != self.env.user:
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
            self.sudo().write({"state": "acknowledged"})
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
        users = self.company_id.telesales_committee_user_ids - self.inspector_id
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
            self.sudo()._review(decision, note)
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
                partner_ids=inspection.employee_id.sudo().user_id.partner_id.ids,
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

    # ------------------------------------------------------------ buttons
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

    def action_propose_case(self):
        """Open a disciplinary case proposal for the failures of this call."""
        self.ensure_one()
        failed = self.line_ids.filtered("failed")
        facts = "\n".join(
            f"- {line.item_id.name} (-{line.points:g}{' ⚠' if line.fatal else ''})"
            for line in failed
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Propose a Disciplinary Case"),
            "res_model": "telesales.discipline",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_employee_id": self.employee_id.id,
                "default_source": "inspection",
                "default_inspection_id": self.id,
                "default_call_id": self.call_id.id,
                "default_severity": self.severity or "general",
                "default_date": self.call_date,
                "default_facts": facts,
            },
        }

    def action_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_quality.action_telesales_discipline"
        )
        action["domain"] = [("inspection_id", "=", self.id)]
        action["context"] = {"default_inspection_id": self.id}
        return action
