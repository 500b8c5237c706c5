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
    attendance_complete = fields.Boolean(
        help="HR confirms that the attendance of the period is complete: a day "
        "without any check-in counts as an absence even when nobody of the "
        "company punched that day. Without it such a day stays provisional.",
    )
    state = fields.Selection(
        [("draft", "Choose"), ("preview", "Preview")], default="draft", required=True
    )
    # the preview (step 2), computed without writing anything
    preview_agents = fields.Integer(string="Agents Computed", readonly=True)
    preview_days = fields.Integer(string="Days Computed", readonly=True)
    preview_provisional = fields.Integer(string="Provisional Days", readonly=True)
    preview_absences = fields.Integer(string="Absent Days", readonly=True)
    preview_paid = fields.Integer(string="Days Kept (paid)", readonly=True)
    preview_warning = fields.Text(readonly=True)

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

    def _check_may_compute(self):
        if not self.env.user.has_group("telesales_hr.group_telesales_manager"):
            raise AccessError(
                self.env._("Only telesales managers and HR compute compliance.")
            )
        if self.attendance_complete and not self.env.user.has_group(
            "telesales_hr.group_telesales_hr"
        ):
            raise AccessError(
                self.env._(
                    "Only HR confirms that the attendance of a period is complete."
                )
            )

    @api.model
    def _reference_now(self):
        """The time the days are judged at (over or not): the current time."""
        return fields.Datetime.now()

    def action_preview(self):
        """Step 1 -> 2: what the computation would write, without writing:
        agents, days, provisional days, absences and the deductions total,
        with a warning; the user then confirms (``action_compute``)."""
        self.ensure_one()
        self._check_may_compute()
        employees = self._employees_to_compute()
        prepared = (
            self.env["telesales.daily.compliance"]
            .sudo()
            ._prepare_range(
                self.date_from,
                self.date_to,
                employees,
                self._reference_now(),
                self.attendance_complete,
                lock=False,
            )
        )
        vals_list = (prepared or {}).get("vals_list", [])
        provisional = sum(1 for vals in vals_list if vals["provisional"])
        absences = sum(1 for vals in vals_list if vals["absence"] != "none")
        locked = len((prepared or {}).get("locked_keys", ()))
        warnings = []
        if provisional:
            warnings.append(
                self.env._(
                    "%(count)s of the %(days)s days are provisional (the day is "
                    "not over yet, or no attendance was imported for it): they "
                    "carry no deduction and no KPI breach until they are "
                    "computed again once final.",
                    count=provisional,
                    days=len(vals_list),
                )
            )
        if absences:
            warnings.append(
                self.env._(
                    "%(count)s days count as absences (no check-in, or more than "
                    "the limit late or early).",
                    count=absences,
                )
            )
        if self.attendance_complete:
            warnings.append(
                self.env._(
                    "Attendance complete: every day of the period without a "
                    "check-in counts as an absence."
                )
            )
        if locked:
            warnings.append(
                self.env._(
                    "%(count)s days already paid by payroll are kept as they are.",
                    count=locked,
                )
            )
        warnings.append(
            self.env._(
                "Confirm to write the days, their KPI deductions and flags; the "
                "rows of the period are replaced."
            )
        )
        self.write(
            {
                **self._preview_values(employees, vals_list),
                "state": "preview",
                "preview_agents": len({vals["employee_id"] for vals in vals_list}),
                "preview_days": len(vals_list),
                "preview_provisional": provisional,
                "preview_absences": absences,
                "preview_paid": locked,
                "preview_warning": "\n".join(warnings),
            }
        )
        return self._reopen()

    def action_back(self):
        self.ensure_one()
        self.state = "draft"
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Compute Compliance"),
        }

    def action_compute(self):
        self.ensure_one()
        self._check_may_compute()
        employees = self._employees_to_compute()
        # rows, KPI deductions and flags are system records: written as superuser
        self.env["telesales.daily.compliance"].sudo()._compute_for_range(
            self.date_from,
            self.date_to,
            employees,
            now=self._reference_now(),
            attendance_complete=self.attendance_complete,
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

    def _preview_values(self, employees, vals_list):
        """Extra figures of the preview from the days prepared (``vals_list``);
        telesales_payroll adds the money of the days."""
        return {}

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
