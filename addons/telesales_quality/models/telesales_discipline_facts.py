# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The facts of a case: the team and supervisors of the day of the facts,
and the employee's confirmation of them (事实确认)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .telesales_discipline import _ACTIVITY


class TelesalesDiscipline(models.Model):
    """Who the case is about, where they worked that day, and who confirmed
    the facts."""

    _inherit = "telesales.discipline"  # pylint: disable=consider-merging-classes-inherited

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
    is_my_case = fields.Boolean(compute="_compute_is_my_case")

    @api.depends_context("uid")
    @api.depends("employee_id")
    def _compute_is_my_case(self):
        for case in self:
            case.is_my_case = case.employee_id.user_id == self.env.user

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

        Called by stored computes, which run as the superuser: the HR
        records of the day are read whoever opens the case.
        """
        if call and call.department_id:
            return call.department_id
        if not (employee and day):
            return employee.department_id
        for model, date_field in (
            ("telesales.daily.compliance", "date"),
            ("telesales.call", "call_date"),
        ):
            record = self.env[model].search(
                [
                    ("employee_id", "=", employee.id),
                    (date_field, "=", day),
                    ("department_id", "!=", False),
                ],
                order="id desc",
                limit=1,
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
        a team leader's own supervisors are those of the unit above (called
        by a stored compute, as the superuser)."""
        Employee = self.env["hr.employee"]
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

    def _check_is_employee(self):
        for case in self:
            if case.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s answers the case %(name)s.",
                        employee=case.employee_id.name,
                        name=case.name,
                    )
                )

    def action_confirm_facts(self):
        """The employee confirms the facts (事实确认)."""
        self._check_is_employee()
        self._check_state("approved")
        with self._workflow_begin("action_confirm_facts", self.env._("confirmed")):
            self._workflow_write(
                {"state": "facts_confirmed", "facts_confirmation": "employee"}
            )
        # the employee only reads their case: the workflow closes their to-do
        # and writes the confirmation in its chatter
        self.sudo().activity_feedback([_ACTIVITY], user_id=self.env.uid)
        for case in self.sudo():
            case.message_post(
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
        self.activity_unlink([_ACTIVITY])
        for case in self:
            case.message_post(
                body=case._doc_env()._(
                    "Refusal to confirm the facts recorded: %(note)s", note=note
                )
            )
        return True
