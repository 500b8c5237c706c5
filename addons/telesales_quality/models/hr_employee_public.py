# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    """Users without HR rights (agents, team leaders, QA inspectors, the
    quality committee) read employees through this view, and Odoo fetches
    every prefetched field of hr.employee at once: each such field must be
    public or restricted to HR. These two telesales_hr fields are neither,
    so any non-HR user reading an employee failed.
    TODO: move into telesales_hr/models/hr_employee_public.py."""

    _inherit = "hr.employee.public"

    telesales_rank_date = fields.Date(readonly=True)
    telesales_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Telesales Currency"
    )
    telesales_monthly_target = fields.Monetary(
        readonly=True, currency_field="telesales_currency_id"
    )
