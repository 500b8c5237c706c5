# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""China statutory payroll of the demo centre: the centre is in Shanghai."""

from datetime import date, timedelta

from odoo import api, models

from .hr_payslip_cn import DEDUCTION_POLICIES

#: special additional deductions of every n-th employee (monthly amounts)
SPECIAL_DEDUCTIONS = [
    [("child_education", 2000.0), ("housing_rent", 1500.0)],
    [("elderly_support", 3000.0)],
    [("mortgage_interest", 1000.0), ("infant_care", 2000.0)],
]
POLICY_NAMES = {
    "TELESALES_ATTENDANCE": "考勤管理制度 Attendance Rules",
    "TELESALES_DISCIPLINE": "奖惩制度 Discipline and Quality Rules",
}


class TelesalesDemo(models.AbstractModel):
    _inherit = "telesales.demo"

    @api.model
    def _telesales_demo_payroll_cn(self, contracts):
        """Shanghai as the contribution city of the centre and its employees,
        a declared base from the contract start, special deductions for a few
        agents, and the pay policies published before the first contract and
        acknowledged by every employee on the first day (but one agent with a
        penalty case, whose discipline deductions are then flagged to HR
        instead of made)."""
        city = self.env.ref("l10n_cn_payroll.city_shanghai")
        company = self.env.company
        if not company.state_id:
            company.write({"state_id": city.state_id.id, "city": "上海"})
        employees = contracts.employee_id.sorted("id")
        starts = {contract.employee_id: contract.date_start for contract in contracts}
        for index, employee in enumerate(employees, 1):
            vals = {"l10n_cn_city_id": city.id}
            if not employee.identification_id:
                vals["identification_id"] = f"31010119900101{index:04d}"
            if not employee.barcode:
                vals["barcode"] = f"TS{index:04d}"
            employee.write(vals)
        self.env["l10n_cn.contribution.base"].create(
            [
                {
                    "employee_id": employee.id,
                    "date_from": starts[employee],
                    # the declared base is clamped to the city's range
                    "si_base": employee.telesales_rank_id.base_wage * 4,
                }
                for employee in employees
            ]
        )
        year_start = date.today().replace(month=1, day=1)
        self.env["l10n_cn.special.deduction"].create(
            [
                {
                    "employee_id": employee.id,
                    "deduction_type": kind,
                    "amount": amount,
                    "date_from": year_start,
                }
                for index, employee in enumerate(employees)
                if index % 7 == 3
                for kind, amount in SPECIAL_DEDUCTIONS[(index // 7) % 3]
            ]
        )
        published = min(starts.values()) - timedelta(days=1)
        # an agent with a penalty case never acknowledged the discipline rules:
        # computing the payslip of the case's month flags it to HR
        cases = self.env["telesales.discipline"].search(
            [("state", "=", "applied"), ("employee_id", "in", employees.ids)],
            order="id",
        )
        unacknowledged = cases.employee_id[-1:] or employees[-1:]
        for code in sorted(set(DEDUCTION_POLICIES.values())):
            acks = employees
            if code == "TELESALES_DISCIPLINE":
                acks -= unacknowledged
            self.env["l10n_cn.pay.policy"].create(
                {
                    "name": POLICY_NAMES[code],
                    "code": code,
                    "company_id": company.id,
                    "state": "published",
                    "date_published": published,
                    "ack_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": employee.id,
                                "date": starts[employee],
                                "method": "signature",
                            },
                        )
                        for employee in acks
                    ],
                }
            )
