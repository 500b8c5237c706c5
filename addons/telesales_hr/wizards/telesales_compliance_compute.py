# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class TelesalesComplianceCompute(models.TransientModel):
    """Compute (again) the daily compliance of a date range on demand, e.g.
    after a late call import or a corrected attendance."""

    _name = "telesales.compliance.compute"
    _description = "Compute Daily Compliance"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self) - timedelta(days=1),
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Teams",
        help="Only the agents of these teams; empty means every agent.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Agents",
        domain=[("is_telesales_agent", "=", True)],
        help="Only these agents; empty means every agent (of the teams chosen).",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(
                    self.env._("The start date must be before the end date.")
                )
            if wizard.date_to >= today:
                raise UserError(
                    self.env._(
                        "A day is computed once it is over: choose an end date "
                        "before %(today)s.",
                        today=today,
                    )
                )

    def action_compute(self):
        self.ensure_one()
        if not self.env.user.has_group("telesales_hr.group_telesales_manager"):
            raise AccessError(
                self.env._("Only telesales managers and HR compute compliance.")
            )
        employees = self._employees_to_compute()
        # rows, KPI deductions and flags are system records: written as superuser
        self.env["telesales.daily.compliance"].sudo()._compute_for_range(
            self.date_from, self.date_to, employees
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_daily_compliance"
        )
        action["domain"] = [
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("employee_id", "in", employees.ids),
        ]
        action["context"] = {}
        return action

    def _employees_to_compute(self):
        """The agents chosen (every agent the user may compute when none is),
        refusing any whose days the user may not write: a manager computes
        the teams of their unit, HR every team (the record rules of the
        compliance days, whatever the client sent)."""
        Employee = self.env["hr.employee"].sudo().with_context(active_test=True)
        domain = [("is_telesales_agent", "=", True)]
        if self.employee_ids:
            domain.append(("id", "in", self.employee_ids.ids))
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        employees = Employee.search(domain)
        allowed = self._allowed_days(employees, self.date_from, self.date_to)
        if not (self.employee_ids or self.department_ids):
            # nothing chosen: every agent of the user's teams
            employees = allowed
        forbidden = employees - allowed
        if forbidden:
            raise AccessError(
                self.env._(
                    "You may not compute the compliance of %(agents)s (teams "
                    "%(teams)s): a manager computes the teams of their own unit "
                    "only.",
                    agents=", ".join(forbidden.mapped("name")),
                    teams=", ".join(forbidden.department_id.mapped("name")) or "-",
                )
            )
        return employees

    def _allowed_days(self, employees, date_from, date_to):
        """The employees all of whose days of the range the user may write
        per the record rules: the days computed already with their team of
        the day, the days still to compute with the agent's current team."""
        Compliance = self.env["telesales.daily.compliance"]
        rule = self.env["ir.rule"]._compute_domain(Compliance._name, "write")
        if not rule or not employees:
            return employees
        existing = Compliance.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )
        refused = (existing - existing.filtered_domain(rule)).employee_id
        # a day not computed yet gets the agent's current team
        days = (date_to - date_from).days + 1
        computed = defaultdict(int)
        for row in existing:
            computed[row.employee_id] += 1
        todo = Compliance.sudo().browse()
        for employee in employees.filtered(lambda e: computed[e] < days):
            todo |= Compliance.sudo().new(
                {
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                    "company_id": employee.company_id.id,
                    "date": date_to,
                }
            )
        refused |= (todo - todo.filtered_domain(rule)).employee_id
        return employees - refused
