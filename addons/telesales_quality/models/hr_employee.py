# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    telesales_observation_until = fields.Date(
        string="Under Observation Until",
        tracking=True,
        groups="hr.group_hr_user",
        help="察看期 after a probation (留司查看) penalty: a new case opened "
        "before this date proposes dismissal.",
    )
    telesales_discipline_ids = fields.One2many(
        "telesales.discipline",
        "employee_id",
        string="Disciplinary Cases",
        groups="hr.group_hr_user",
    )
    telesales_discipline_count = fields.Integer(
        compute="_compute_telesales_discipline_count", groups="hr.group_hr_user"
    )
    telesales_annual_bonus_cancelled = fields.Boolean(
        string="Annual Bonus Cancelled (This Year)",
        compute="_compute_telesales_annual_bonus_cancelled",
        groups="hr.group_hr_user",
    )

    def _compute_telesales_discipline_count(self):
        groups = self.env["telesales.discipline"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
        )
        counts = {employee.id: count for employee, count in groups}
        for employee in self:
            employee.telesales_discipline_count = counts.get(employee.id, 0)

    def _compute_telesales_annual_bonus_cancelled(self):
        year = fields.Date.context_today(self).year
        cancelled = self._telesales_annual_bonus_cancelled(self, year)
        for employee in self:
            employee.telesales_annual_bonus_cancelled = employee.id in cancelled

    @api.model
    def _telesales_annual_bonus_cancelled(self, employees, year):
        """Ids of ``employees`` who lost the annual bonus of ``year``."""
        return self.env["telesales.annual.bonus.block"]._cancelled_employees(
            employees, year
        )

    @api.model
    def _telesales_promotion_blocks(self, employees, date_from, date_to):
        """Add the penalties of 警告 and above approved in the period, and the
        observation periods (留司查看) overlapping it."""
        blocks = defaultdict(list)
        for emp_id, reasons in (
            super()._telesales_promotion_blocks(employees, date_from, date_to).items()
        ):
            blocks[emp_id].extend(reasons)
        if not employees:
            return dict(blocks)
        cases = (
            self.env["telesales.discipline"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("level_id.block_promotion", "=", True),
                    (
                        "state",
                        "in",
                        ("approved", "appealed", "facts_confirmed", "applied"),
                    ),
                    ("date_approved", ">=", date_from),
                    ("date_approved", "<=", date_to),
                ]
            )
        )
        for case in cases:
            blocks[case.employee_id.id].append(
                self.env._(
                    "%(level)s (%(name)s) approved on %(date)s",
                    level=case.level_id.name,
                    name=case.name,
                    date=case.date_approved,
                )
            )
        observations = (
            self.env["telesales.discipline"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "applied"),
                    ("observation_until", ">=", date_from),
                    ("date_applied", "<=", date_to),
                ]
            )
        )
        for case in observations:
            blocks[case.employee_id.id].append(
                self.env._(
                    "Under observation until %(date)s (%(name)s)",
                    date=case.observation_until,
                    name=case.name,
                )
            )
        return dict(blocks)
