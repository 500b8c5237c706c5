# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_ACTIVITY = "mail.mail_activity_data_todo"
_LEADER = "telesales_hr.group_telesales_team_leader"


class TelesalesCoaching(models.Model):
    """Forced offline coaching (强制下线辅导, 坐席辅导记录表).

    A warning or heavier penalty takes the agent off the phones for at least
    one working day of their own schedule, coached by their team leader.
    It is done or cancelled (with a reason) only by the buttons, by a team
    leader or HR, never by the person coached.
    """

    _name = "telesales.coaching"
    _description = "Offline Coaching"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.team.mixin",
        # before mail.thread: a user without an email address still acts
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, id desc"

    _workflow_fields = frozenset({"discipline_id", "cancel_reason"})
    _workflow_editable = {
        "planned": frozenset({"date_from", "date_to", "coach_id", "notes"}),
        "done": frozenset({"notes"}),
    }
    _workflow_deletable_states = ()
    _workflow_transitions = {
        "action_done": (("planned",), (_LEADER,)),
        "action_cancel": (("planned",), (_LEADER,)),
    }

    employee_id = fields.Many2one(tracking=True)
    discipline_id = fields.Many2one(
        "telesales.discipline", string="Disciplinary Case", index=True, readonly=True
    )
    date_from = fields.Date(required=True, tracking=True)
    date_to = fields.Date(required=True, tracking=True)
    working_days = fields.Float(
        compute="_compute_working_days",
        help="Working days of the agent's schedule inside the period.",
    )
    reason = fields.Text(required=True)
    coach_id = fields.Many2one(
        "res.users", tracking=True, help="Usually the team leader."
    )
    notes = fields.Html(string="Coaching Notes")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        readonly=True,
        tracking=True,
        copy=False,
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)

    @api.depends("employee_id", "date_from", "date_to")
    def _compute_working_days(self):
        for coaching in self:
            coaching.working_days = coaching._count_working_days()

    def _count_working_days(self):
        self.ensure_one()
        if not (self.employee_id and self.date_from and self.date_to):
            return 0.0
        employee = self.employee_id.sudo()
        tz = pytz.timezone(employee._telesales_tz())  # the agent's day
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to, time.max))
        return employee._get_work_days_data_batch(start, end)[employee.id]["days"]

    @api.constrains("employee_id", "date_from", "date_to", "state")
    def _check_one_working_day(self):
        for coaching in self.filtered(lambda c: c.state != "cancelled"):
            if (
                coaching.date_to < coaching.date_from
                or coaching._count_working_days() < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The offline coaching of %(employee)s must cover at least "
                        "one working day of their schedule.",
                        employee=coaching.employee_id.name,
                    )
                )

    @api.model
    def _plan(self, employee, date, days, reason, discipline=None):
        """Coaching of ``days`` working days starting on the first working day
        from ``date`` on, coached by the employee's team leader."""
        employee = employee.sudo()
        calendar = (
            employee.resource_calendar_id or employee.company_id.resource_calendar_id
        )
        date_from, date_to = date, date + timedelta(days=max(days, 1) - 1)
        if calendar:
            tz = pytz.timezone(calendar.tz or "UTC")
            start = tz.localize(datetime.combine(date, time.min))
            first = calendar.plan_days(1, start, compute_leaves=True)
            last = calendar.plan_days(max(days, 1), start, compute_leaves=True)
            if first and last:
                date_from = first.astimezone(tz).date()
                date_to = last.astimezone(tz).date()
        leader = employee.department_id.manager_id
        if leader == employee:
            leader = employee.department_id.parent_id.manager_id
        with self._workflow_step(model_wide=True):
            coaching = self.create(
                {
                    "employee_id": employee.id,
                    "discipline_id": discipline.id if discipline else False,
                    "date_from": date_from,
                    "date_to": date_to,
                    "reason": reason,
                    "coach_id": leader.user_id.id,
                }
            )
        if coaching.coach_id:
            coaching.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=date_from,
                summary=self.env._(
                    "Coach %(employee)s offline", employee=employee.name
                ),
                note=reason,
                user_id=coaching.coach_id.id,
            )
        return coaching

    def _check_not_my_own(self, action):
        for coaching in self:
            if coaching.employee_id.sudo().user_id == self.env.user:
                raise AccessError(
                    self.env._(
                        "The offline coaching of %(employee)s concerns you: "
                        "another team leader or HR has it %(action)s.",
                        employee=coaching.employee_id.name,
                        action=action,
                    )
                )

    def action_done(self):
        label = self.env._("done")
        self._check_not_my_own(label)
        with self._workflow_begin("action_done", label):
            self.write({"state": "done"})
            self.sudo().activity_feedback([_ACTIVITY])
        return True

    def action_cancel(self, reason=None):
        """Cancel a planned coaching, with a reason (a forced coaching is
        part of a penalty: cancelling it is traced)."""
        if not (reason or "").strip():
            raise UserError(
                self.env._(
                    "Cancelling the offline coaching of %(employee)s needs a reason.",
                    employee=self[:1].employee_id.name,
                )
            )
        label = self.env._("cancelled")
        self._check_not_my_own(label)
        with self._workflow_begin("action_cancel", label):
            self.write({"state": "cancelled", "cancel_reason": reason})
            self.sudo().activity_unlink([_ACTIVITY])
            for coaching in self:
                coaching.message_post(
                    body=self.env._("Cancelled: %(reason)s", reason=reason)
                )
        return True

    def action_open_cancel_wizard(self):
        return self.env["telesales.reason.wizard"]._open(self, "action_cancel")
