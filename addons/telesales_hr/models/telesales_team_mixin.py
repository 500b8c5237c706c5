# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesTeamMixin(models.AbstractModel):
    """An employee's record that belongs to the team of the employee at the time.

    The team (``department_id``) is taken from the employee when the record is
    created and kept afterwards: a later transfer moves neither visibility nor
    liability (SPEC §2). Record rules of the inheriting models filter on it.
    """

    _name = "telesales.team.mixin"
    _description = "Telesales Team Record"

    employee_id = fields.Many2one(
        "hr.employee",
        string="Agent",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        precompute=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        index=True,
        precompute=True,
    )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for record in self:
            record.department_id = record.employee_id.department_id

    @api.depends("employee_id")
    def _compute_company_id(self):
        for record in self:
            record.company_id = record.employee_id.company_id or self.env.company
