# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
        domain = [("is_telesales_agent", "=", True)]
        if self.employee_ids:
            domain.append(("id", "in", self.employee_ids.ids))
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        # rows, KPI deductions and flags are system records: written as superuser
        employees = self.env["hr.employee"].sudo().search(domain)
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
