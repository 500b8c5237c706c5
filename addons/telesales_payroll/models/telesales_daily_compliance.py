# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from .telesales_attendance_money import day_deductions


class TelesalesDailyCompliance(models.Model):
    """Payroll values the compliance days telesales_hr computes: the day wage
    and the late, early leave and absence deductions (SPEC §4), which the
    payslip then deducts (``hr.payslip._telesales_collect_attendance``)."""

    _inherit = "telesales.daily.compliance"

    # the columns keep the names telesales_hr gave them before payroll owned
    # every amount of money, so the data of an upgraded database stays
    currency_id = fields.Many2one(related="company_id.currency_id")
    day_wage = fields.Monetary(
        readonly=True,
        help="Base wage of the rank held that day divided by the working days "
        "of the month in the agent's schedule.",
    )
    late_deduction = fields.Monetary(readonly=True)
    early_deduction = fields.Monetary(string="Early Leave Deduction", readonly=True)
    absence_deduction = fields.Monetary(readonly=True)
    attendance_deduction = fields.Monetary(
        readonly=True, help="Late, early leave and absence deductions of the day."
    )

    @api.model
    def _company_params(self, company):
        params = super()._company_params(company)
        params.update(
            minor_pct=company.telesales_late_minor_pct,
            major_pct=company.telesales_late_major_pct,
            half_factor=company.telesales_half_absence_factor,
            full_factor=company.telesales_full_absence_factor,
            rounding=company.currency_id.rounding or 0.01,
        )
        return params

    def _row_values(
        self, employee, day, rank, expected, schedule, params, calls, punch, pending
    ):
        vals = super()._row_values(
            employee, day, rank, expected, schedule, params, calls, punch, pending
        )
        month_days = schedule["month_days"].get(day.replace(day=1)) or 0
        vals.update(day_deductions(rank.base_wage, month_days, vals, params))
        return vals

    @api.model
    def _telesales_value_unpaid_days(self):
        """At install: value the days telesales_hr computed before payroll
        was installed (e.g. its demo data), as a recompute would; the days
        paid already are left alone."""
        rows = self.sudo().search([("locked", "=", False)], order="id")
        if not rows:
            return 0
        schedules = self._schedules(
            rows.employee_id, min(rows.mapped("date")), max(rows.mapped("date"))
        )
        params_by_company = {
            company.id: self._company_params(company) for company in rows.company_id
        }
        by_vals = defaultdict(list)
        for row in rows:
            schedule = schedules.get(row.employee_id.id, {"month_days": {}})
            month_days = schedule["month_days"].get(row.date.replace(day=1)) or 0
            facts = {
                "late_tier": row.late_tier,
                "early_tier": row.early_tier,
                "absence": row.absence,
            }
            vals = day_deductions(
                row.rank_id.base_wage,
                month_days,
                facts,
                params_by_company[row.company_id.id],
            )
            by_vals[tuple(sorted(vals.items()))].append(row.id)
        for vals, ids in by_vals.items():
            self.browse(ids)._workflow_write(dict(vals))
        return len(rows)
