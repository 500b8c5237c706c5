# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

from .hr_payslip_cn import DEDUCTION_POLICIES

#: done months before last month's computed batch (same calendar year)
DONE_MONTHS = 2
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
    def _telesales_demo_payroll(self):
        """A running contract on the telesales structure for every telesales
        agent and team leader, last month's sales where the sales demo has
        none (it fills the previous quarter), and last month's payslip batch,
        computed, with the two months before it (same year) done; the
        employees pay social insurance, housing fund and income tax in
        Shanghai (``_telesales_demo_payroll_cn``)."""
        structure = self.env.ref("telesales_payroll.structure_telesales")
        employees = self.env["hr.employee"].search(
            [
                ("is_telesales_agent", "=", True),
                ("company_id", "=", self.env.company.id),
            ]
        )
        employees = employees.filtered(lambda employee: not employee.contract_ids)
        if not employees:
            return
        History = self.env["telesales.rank.history"]
        starts = {
            employee.id: start
            for employee, start in History._read_group(
                [("employee_id", "in", employees.ids)],
                ["employee_id"],
                ["date_start:min"],
            )
        }
        contracts = self.env["hr.contract"].create(
            [
                {
                    "name": self.env._(
                        "Telesales contract of %(name)s", name=employee.name
                    ),
                    "employee_id": employee.id,
                    "struct_id": structure.id,
                    # informative only: the telesales structure pays the rank's wage
                    "wage": employee.telesales_rank_id.base_wage,
                    "date_start": starts.get(employee.id)
                    or date.today().replace(day=1),
                    "resource_calendar_id": (
                        employee.resource_calendar_id
                        or self.env.company.resource_calendar_id
                    ).id,
                    "state": "open",
                    "company_id": employee.company_id.id,
                }
                for employee in employees
            ]
        )
        self._telesales_demo_payroll_cn(contracts)
        # last month's batch computed for HR to check; the months before it in
        # the same year done, so that the year-to-date income tax shows
        first = date.today().replace(day=1) - relativedelta(months=1)
        month = max(first.replace(month=1), first - relativedelta(months=DONE_MONTHS))
        while month <= first:
            slips = self._telesales_demo_payroll_batch(contracts, structure, month)
            if month < first:
                # just computed: confirm them all at once (OCA recomputes a
                # payslip it confirms, one at a time)
                slips.with_context(without_compute_sheet=True).action_payslip_done()
                slips.payslip_run_id.close_payslip_run()
            month += relativedelta(months=1)

    @api.model
    def _telesales_demo_payroll_batch(self, contracts, structure, first):
        """The month's batch of the telesales contracts, computed."""
        last = first + relativedelta(months=1, days=-1)
        contracts = contracts.filtered(lambda contract: contract.date_start <= last)
        self._telesales_demo_payroll_premium(contracts.employee_id, first, last)
        batch = self.env["hr.payslip.run"].create(
            {
                "name": self.env._(
                    "Telesales %(month)s", month=first.strftime("%Y-%m")
                ),
                "date_start": first,
                "date_end": last,
                "struct_id": structure.id,
            }
        )
        Payslip = self.env["hr.payslip"]
        slips = Payslip.create(
            [
                {
                    "employee_id": contract.employee_id.id,
                    "contract_id": contract.id,
                    "struct_id": structure.id,
                    "date_from": first,
                    "date_to": last,
                    "payslip_run_id": batch.id,
                    "company_id": contract.company_id.id,
                    "worked_days_line_ids": [
                        (0, 0, line)
                        for line in Payslip.get_worked_day_lines(contract, first, last)
                    ],
                }
                for contract in contracts
            ]
        )
        slips._compute_name()
        slips.compute_sheet()
        return slips

    @api.model
    def _telesales_demo_payroll_premium(self, employees, first, last):
        """About a dozen sales in the month for each employee without any,
        around the monthly target of the rank held (a few cancelled or
        refunded), so that the month's payslips pay a commission.
        Deterministic (seeded); idempotent (external ids)."""
        Premium = self.env["telesales.premium"]
        sold = {
            employee.id
            for (employee,) in Premium._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("date", ">=", first),
                    ("date", "<=", last),
                ],
                ["employee_id"],
            )
        }
        # sales only from the day the employee holds a rank (a hire inside
        # the month sells nothing before it)
        periods = self.env["telesales.rank.history"]._rank_periods(
            employees, first, last
        )
        rng = random.Random(20260201)
        month = f"{first:%Y%m}"
        vals_list = []
        for employee in employees.sorted("id"):
            if employee.id in sold or employee.id not in periods:
                continue
            rank, start = periods[employee.id][-1][0], periods[employee.id][0][1]
            total = (rank.monthly_target or 10000.0) * rng.choice(
                [0.6, 0.85, 1.0, 1.1, 1.25, 1.5]
            )
            vals_list += Premium._demo_sales_vals(
                employee, start, last, total, 12, rng, (f"PAY-{month}", month)
            )
        return Premium._demo_create(vals_list)

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
        # from January of the year of the demo's payroll months (last month
        # and those before it in its year), whatever the date of the install
        last_month = date.today().replace(day=1) - relativedelta(months=1)
        year_start = last_month.replace(month=1)
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
