# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrDepartment(models.Model):
    """A telesales team is a department led by its team leader (manager_id);
    a manager's unit is the parent department (SPEC §2)."""

    _inherit = "hr.department"

    telesales_monthly_target = fields.Monetary(
        string="Team Monthly Target",
        currency_field="telesales_currency_id",
        help="Premium the team is expected to bring each month when no "
        "monthly target is recorded for it.",
    )
    telesales_currency_id = fields.Many2one(related="company_id.currency_id")

    def _telesales_supervisors(self):
        """(direct supervisor, indirect supervisor) employees of this team."""
        self.ensure_one()
        direct = self.manager_id
        indirect = self.parent_id.manager_id
        if indirect == direct:
            indirect = self.parent_id.parent_id.manager_id
        return direct, indirect

    @api.model
    def _telesales_teams(self, companies=None):
        """Departments that are telesales teams: they have (or had) a
        telesales agent, or a monthly premium target."""
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        domain = [("is_telesales_agent", "=", True), ("department_id", "!=", False)]
        target_domain = [("telesales_monthly_target", ">", 0)]
        if companies:
            domain.append(("company_id", "in", companies.ids))
            target_domain.append(("company_id", "in", companies.ids))
        groups = Employee._read_group(domain, ["department_id"])
        teams = self.browse([department.id for (department,) in groups])
        teams |= self.sudo().search(target_domain)
        return teams.filtered("active")
