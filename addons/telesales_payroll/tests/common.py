# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payslips of the small test centre (telesales_hr's TelesalesCase).

Every agent and team leader gets a running contract on the telesales
structure with an absurd contract wage (99,999): the telesales structure pays
the rank's wage, so the contract wage must never show up. The calendar works
Monday to Friday, so April 2025 has 22 working days (1-15: 11, 16-30: 11).

Sources that other branches provide are faked by patching the payslip's
collector methods (``fake_sources``): the payslip side (rules, cap,
carry-over, paid once) is tested on real payslips either way.
"""

from contextlib import ExitStack, contextmanager
from datetime import date
from unittest.mock import patch

from odoo.addons.telesales_hr.tests.common import TelesalesCase

APRIL = (date(2025, 4, 1), date(2025, 4, 30))
MAY = (date(2025, 5, 1), date(2025, 5, 31))


class PayrollCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Payslip = cls.env["hr.payslip"]
        cls.Source = cls.env["telesales.payslip.source"]
        cls.Carry = cls.env["telesales.deduction.carryover"]
        cls.structure = cls.env.ref("telesales_payroll.structure_telesales")
        cls.company.write(
            {"telesales_deduction_cap": 20.0, "telesales_min_monthly_wage": 1000.0}
        )
        for rank, rate in zip(
            cls.ranks, [0.02, 0.03, 0.035, 0.04, 0.045, 0.05], strict=True
        ):
            rank.commission_rate = rate
        cls.d1.management_allowance = 1500
        cls.d2.management_allowance = 2000
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Telesales test week",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        },
                    )
                    for day in range(5)
                    for period, start, end in (
                        ("morning", 9, 12),
                        ("afternoon", 13, 18),
                    )
                ],
            }
        )
        cls.leaders = cls.tl_a1 | cls.tl_a2 | cls.tl_b1
        cls.staff = cls.agents | cls.leaders
        cls.staff.resource_calendar_id = cls.calendar
        cls.contracts = {
            employee: cls.make_contract(employee) for employee in cls.staff
        }
        cls.env["ir.config_parameter"].sudo().set_param(
            "payroll.allow_cancel_payslips", True
        )

    @classmethod
    def make_contract(cls, employee, start=date(2025, 1, 1)):
        return cls.env["hr.contract"].create(
            {
                "name": f"Contract {employee.name}",
                "employee_id": employee.id,
                "struct_id": cls.structure.id,
                "wage": 99999,
                "date_start": start,
                "resource_calendar_id": cls.calendar.id,
                "state": "open",
            }
        )

    @classmethod
    def payslip(cls, employee, period=APRIL, run=None, user=None):
        Payslip = cls.Payslip.with_user(user) if user else cls.Payslip
        contract = cls.env["hr.contract"].search(
            [("employee_id", "=", employee.id), ("state", "=", "open")], limit=1
        )
        slip = Payslip.create(
            {
                "employee_id": employee.id,
                "contract_id": contract.id,
                "struct_id": cls.structure.id,
                "date_from": period[0],
                "date_to": period[1],
                "payslip_run_id": run and run.id,
            }
        )
        slip._compute_name()
        return slip

    @staticmethod
    def lines(slip):
        """{rule code: total} of a computed payslip."""
        return {line.code: line.total for line in slip.line_ids}

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls the savepoint back, unlike
        assertRaisesRegex) and the message contains `text`."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    @contextmanager
    def fake_sources(self, **sources):
        """Patch the collectors of sources other branches provide.

        premium / quality / liability: {employee: amount or points} or a
        function (employees, date_from, date_to) -> {employee id: value};
        attendance / referrals: [(employee, res_id, date, amount)];
        kpi: {employee: bool}.
        """
        Payslip = type(self.env["hr.payslip"])
        stack = ExitStack()

        def per_employee(values):
            if callable(values):
                return lambda self_, employees, date_from, date_to: values(
                    employees, date_from, date_to
                )
            return lambda self_, employees, date_from, date_to: {
                employee.id: value
                for employee, value in values.items()
                if employee in employees
            }

        def records(model, rows, label):
            def collect(self_, employees, *dates):
                return [
                    {
                        "employee_id": employee.id,
                        "res_model": model,
                        "res_id": res_id,
                        "amount": amount,
                        "date": day,
                        "name": f"{label} {res_id}",
                    }
                    for employee, res_id, day, amount in rows
                    if employee in employees
                ]

            return collect

        mapping = {
            "premium": ("_telesales_collect_premium", per_employee),
            "quality": ("_telesales_collect_quality_points", per_employee),
            "liability": ("_telesales_collect_liability", per_employee),
            "attendance": (
                "_telesales_collect_attendance",
                lambda rows: records(
                    "telesales.daily.compliance", rows, "Compliance day"
                ),
            ),
            "referrals": (
                "_telesales_collect_referrals",
                lambda rows: records("telesales.referral.milestone", rows, "Milestone"),
            ),
            "kpi": (
                "_telesales_collect_kpi",
                lambda values: lambda self_, employees, month: {
                    employee.id: values.get(employee, True) for employee in employees
                },
            ),
        }
        for key, values in sources.items():
            method, make = mapping[key]
            stack.enter_context(patch.object(Payslip, method, make(values)))
        with stack:
            yield
