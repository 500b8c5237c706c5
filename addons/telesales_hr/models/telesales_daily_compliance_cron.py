# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scheduled actions of the compliance days."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_compute_compliance(self):
        """Nightly: yesterday, and the days before it again (late imports)."""
        today = fields.Date.context_today(self)
        agents = self.env["hr.employee"].search([("is_telesales_agent", "=", True)])
        companies = self.env["res.company"].search(
            [("id", "in", agents.company_id.ids)]
        )
        for company in companies:
            employees = agents.filtered(lambda e, c=company: e.company_id == c)
            days = max(1, company.telesales_compliance_rerun_days)
            self._compute_for_range(
                today - timedelta(days=days), today - timedelta(days=1), employees
            )

    @api.model
    def _cron_absence_escalation(self):
        """Monthly: the absence escalation of last month over its final rows."""
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=1)
        employees = self.env["hr.employee"].search([("is_telesales_agent", "=", True)])
        if employees:
            self._check_absence_escalation(
                employees, first, first + relativedelta(day=31)
            )
