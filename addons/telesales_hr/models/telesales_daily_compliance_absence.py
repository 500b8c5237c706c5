# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Absence escalation: a dismissal review flag for HR (SPEC §4)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _check_absence_escalation(self, employees, date_from, date_to):
        """Raise an "absence dismissal review" flag for HR for each month in
        which an agent was absent a full day N working days in a row, or
        absent M days in total (a half day counts 0.5)."""
        month = date_from.replace(day=1)
        last = date_to.replace(day=1)
        Flag = self.env["telesales.flag"].sudo()
        vals_list = []
        while month <= last:
            month_end = month + relativedelta(day=31)
            per_employee = self._final_days(
                employees,
                month - timedelta(days=31),
                month_end,
                ["absence", "absence_days"],
            )
            for employee in employees.filtered(lambda e, p=per_employee: e.id in p):
                company = employee.company_id
                needed_run = company.telesales_absence_consecutive_days
                needed_total = company.telesales_absence_month_days
                run, longest, total = 0, 0, 0.0
                for day, absence, days in per_employee[employee.id]:
                    run = run + 1 if absence == "full" else 0
                    if day >= month:
                        longest = max(longest, run)
                        total += days
                reasons = []
                if needed_run and longest >= needed_run:
                    reasons.append(
                        self.env._(
                            "%(days)s consecutive working days absent", days=longest
                        )
                    )
                if needed_total and total >= needed_total:
                    reasons.append(
                        self.env._("%(days)s days absent in the month", days=total)
                    )
                if not reasons:
                    continue
                vals_list.append(
                    {
                        "name": self.env._(
                            "Absence: dismissal review for %(employee)s (%(month)s)",
                            employee=employee.name,
                            month=month.strftime("%Y-%m"),
                        ),
                        "flag_type": "absence_dismissal",
                        "employee_id": employee.id,
                        "date": min(month_end, fields.Date.context_today(self)),
                        "period_start": month,
                        "period_end": month_end,
                        "description": "\n".join(reasons),
                        "responsible_user_id": company._telesales_flag_responsible().id,
                        "source_ref": f"hr.employee,{employee.id}",
                    }
                )
            month += relativedelta(months=1)
        return Flag._raise_flags(vals_list)
