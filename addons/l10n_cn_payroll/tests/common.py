# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, new_test_user

YEAR = 2025


class CnPayrollCase(TransactionCase):
    """A test city with round figures (employee contributions of 15 % of the
    base: pension 8 %, medical 2 %, housing fund 5 %), payroll users, and
    helpers that run real payslips through OCA's compute and confirm."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.ref("base.main_company")
        cls.officer = new_test_user(
            cls.env,
            login="cn_payroll_officer",
            groups="payroll.group_payroll_user",
            company_id=cls.company.id,
        )
        cls.manager = new_test_user(
            cls.env,
            login="cn_payroll_manager",
            groups="payroll.group_payroll_manager",
            company_id=cls.company.id,
        )
        cls.city = cls.env["l10n_cn.city"].create(
            {"name": "Testville", "code": "TV", "deduction_cap_percent": 20.0}
        )
        cls.param = cls.env["l10n_cn.si.parameter"].create(
            {
                "city_id": cls.city.id,
                "date_from": date(YEAR - 1, 1, 1),
                "si_base_min": 3000.0,
                "si_base_max": 30000.0,
                "hf_base_min": 2500.0,
                "hf_base_max": 28000.0,
                "pension_employee": 8.0,
                "pension_employer": 16.0,
                "medical_employee": 2.0,
                "medical_employer": 9.0,
                "unemployment_employee": 0.0,
                "unemployment_employer": 0.5,
                "hf_rate_min": 5.0,
                "hf_rate_max": 12.0,
                "hf_rate_default": 5.0,
                "rounding": "cent",
                "source": "Test figures.",
                "injury_rate_ids": [
                    (0, 0, {"risk_class": "1", "rate": 0.2}),
                    (0, 0, {"risk_class": "2", "rate": 0.4}),
                ],
            }
        )
        cls.min_wage = cls.env["l10n_cn.minimum.wage"].create(
            {
                "city_id": cls.city.id,
                "date_from": date(YEAR - 1, 1, 1),
                "amount": 2500.0,
                "excludes_contributions": True,
                "source": "Test figure.",
            }
        )
        cls.structure = cls.env.ref("l10n_cn_payroll.structure_cn_monthly")

    @classmethod
    def make_employee(cls, name, wage=10000.0, start=date(YEAR - 1, 1, 1), base=None):
        employee = cls.env["hr.employee"].create(
            {
                "name": name,
                "company_id": cls.company.id,
                "l10n_cn_city_id": cls.city.id,
                "identification_id": "110101199001011234",
            }
        )
        cls.env["hr.contract"].create(
            {
                "name": name,
                "employee_id": employee.id,
                "company_id": cls.company.id,
                "wage": wage,
                "date_start": start,
                "struct_id": cls.structure.id,
                "resource_calendar_id": cls.company.resource_calendar_id.id,
                "state": "open",
            }
        )
        cls.env["l10n_cn.contribution.base"].create(
            {
                "employee_id": employee.id,
                "date_from": date(YEAR - 1, 1, 1),
                "si_base": wage if base is None else base,
            }
        )
        return employee

    def payslip(self, employee, month, year=YEAR, bonus=0.0, user=None):
        """A computed payslip of ``month`` (draft, state 'verify')."""
        env = self.env(user=user or self.officer)
        first = date(year, month, 1)
        last = first + relativedelta(months=1, days=-1)
        contract = employee.contract_ids[:1]
        slip = env["hr.payslip"].create(
            {
                "employee_id": employee.id,
                "contract_id": contract.id,
                "struct_id": contract.struct_id.id,
                "date_from": first,
                "date_to": last,
                "company_id": self.company.id,
                "name": f"{employee.name} {first}",
            }
        )
        if bonus:
            env["hr.payslip.input"].create(
                {
                    "payslip_id": slip.id,
                    "contract_id": contract.id,
                    "name": "Annual bonus",
                    "code": "CN_BONUS",
                    "amount": bonus,
                }
            )
        slip.compute_sheet()
        return slip

    def done(self, employee, month, **kwargs):
        slip = self.payslip(employee, month, **kwargs)
        slip.action_payslip_done()
        self.assertEqual(slip.state, "done")
        return slip

    def run_year(self, employee, months=None, **kwargs):
        months = months or range(1, 13)
        return [self.done(employee, month, **kwargs) for month in months]

    def unpaid_leave(self, employee, date_from, date_to):
        """A validated time off of an unpaid type (事假) over these days."""
        leave_type = self.env["hr.leave.type"].create(
            {
                "name": "事假",
                "requires_allocation": "no",
                "leave_validation_type": "no_validation",
                "unpaid": True,
                "company_id": self.company.id,
            }
        )
        leave = self.env["hr.leave"].create(
            {
                "employee_id": employee.id,
                "holiday_status_id": leave_type.id,
                "request_date_from": date_from,
                "request_date_to": date_to,
            }
        )
        self.assertEqual(leave.state, "validate")
        return leave

    @staticmethod
    def line(slip, code):
        return sum(
            slip.line_ids.filtered(lambda line: line.code == code).mapped("total")
        )
