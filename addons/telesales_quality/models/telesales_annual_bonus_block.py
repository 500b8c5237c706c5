# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesAnnualBonusBlock(models.Model):
    """The employee lost the annual bonus of a year (取消当年度奖金分配资格)."""

    _name = "telesales.annual.bonus.block"
    _description = "Annual Bonus Cancellation"
    _order = "year desc, id desc"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    year = fields.Integer(required=True, index=True)
    discipline_id = fields.Many2one(
        "telesales.discipline", string="Disciplinary Case", ondelete="restrict"
    )
    active = fields.Boolean(
        default=True, help="Archived when the case that set it is cancelled."
    )

    @api.model
    def _cancelled_employees(self, employees, year):
        """Ids of ``employees`` whose annual bonus of ``year`` is cancelled."""
        if not employees:
            return set()
        blocks = self.sudo().search(
            [("employee_id", "in", employees.ids), ("year", "=", year)]
        )
        return set(blocks.employee_id.ids)
