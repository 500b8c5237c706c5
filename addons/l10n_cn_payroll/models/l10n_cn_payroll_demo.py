# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data generator, kept apart from the business models: a Shanghai
company with a few employees, special deductions, and done payslips for the
first half of a fixed demo year so the year-to-date figures show; the next
month is left as a computed batch for HR to check and confirm."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, models

DEMO_YEAR = 2025
DONE_MONTHS = 6
EMPLOYEES = [
    # name, wage, hire date, declared base, special deductions
    (
        "张伟",
        8000.0,
        date(2023, 3, 1),
        8000.0,
        [("child_education", 2000.0), ("housing_rent", 1500.0)],
    ),
    (
        "李娜",
        12000.0,
        date(2021, 6, 1),
        11500.0,
        [("elderly_support", 3000.0), ("mortgage_interest", 1000.0)],
    ),
    ("王芳", 25000.0, date(DEMO_YEAR, 4, 1), 25000.0, [("infant_care", 2000.0)]),
    ("刘洋", 6000.0, date(2024, 9, 1), 5000.0, []),
]


class L10nCnPayrollDemo(models.AbstractModel):
    _name = "l10n_cn_payroll.demo"
    _description = "China Payroll Demo Generator"

    @api.model
    def generate(self):
        company = self.env.ref("base.main_company")
        city = self.env.ref("l10n_cn_payroll.city_shanghai")
        struct = self.env.ref("l10n_cn_payroll.structure_cn_monthly")
        Employee = self.env["hr.employee"].with_company(company)
        employees = Employee.browse()
        for index, (name, wage, hired, base, deductions) in enumerate(EMPLOYEES, 1):
            employee = Employee.create(
                {
                    "name": name,
                    "company_id": company.id,
                    "barcode": f"CN{index:03d}",
                    "identification_id": f"31010119900101{index:04d}",
                    "l10n_cn_city_id": city.id,
                    "l10n_cn_id_type": "resident_id",
                }
            )
            self.env["hr.contract"].create(
                {
                    "name": f"{name} {hired.year}",
                    "employee_id": employee.id,
                    "company_id": company.id,
                    "wage": wage,
                    "date_start": hired,
                    "struct_id": struct.id,
                    "resource_calendar_id": company.resource_calendar_id.id,
                    "state": "open",
                }
            )
            # The contribution year of Shanghai runs from July to June.
            self.env["l10n_cn.contribution.base"].create(
                [
                    {
                        "employee_id": employee.id,
                        "date_from": date(DEMO_YEAR - 1, 7, 1),
                        "date_to": date(DEMO_YEAR, 6, 30),
                        "si_base": base,
                    },
                    {
                        "employee_id": employee.id,
                        "date_from": date(DEMO_YEAR, 7, 1),
                        "si_base": wage,
                    },
                ]
            )
            self.env["l10n_cn.special.deduction"].create(
                [
                    {
                        "employee_id": employee.id,
                        "deduction_type": kind,
                        "amount": amount,
                        "date_from": date(DEMO_YEAR, 1, 1),
                    }
                    for kind, amount in deductions
                ]
            )
            employees |= employee
        self.env["l10n_cn.tax.year"].create(
            {
                "employee_id": employees[-1].id,
                "company_id": company.id,
                "year": DEMO_YEAR,
                "previous_year_low_income": True,
                "note": "2024 income below 60,000 (2020年第19号).",
            }
        )
        for month in range(1, DONE_MONTHS + 2):
            run = self._demo_batch(company, employees, date(DEMO_YEAR, month, 1))
            if month <= DONE_MONTHS:
                # OCA confirms one payslip at a time (it recomputes it first).
                for slip in run.slip_ids:
                    slip.action_payslip_done()
                run.close_payslip_run()
        return True

    def _demo_batch(self, company, employees, first_day):
        last_day = first_day + relativedelta(months=1, days=-1)
        run = self.env["hr.payslip.run"].create(
            {
                "name": first_day.strftime("%Y年%m月"),
                "date_start": first_day,
                "date_end": last_day,
            }
        )
        slips = self.env["hr.payslip"]
        for employee in employees:
            contract = employee.contract_ids[:1]
            if contract.date_start > last_day:
                continue
            slip = slips.new(
                {
                    "employee_id": employee.id,
                    "date_from": first_day,
                    "date_to": last_day,
                    "payslip_run_id": run.id,
                    "company_id": company.id,
                }
            )
            slip.onchange_employee()
            slips |= slips.create(slip._convert_to_write(slip._cache))
        slips.compute_sheet()
        return run
