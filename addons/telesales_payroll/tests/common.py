# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payslips of the small test centre (telesales_hr's TelesalesCase).

Every agent and team leader gets a running contract on the telesales
structure with an absurd contract wage (99,999): the telesales structure pays
the rank's wage, so the contract wage must never show up. The calendar works
Monday to Friday, so April 2025 has 22 working days (1-15: 11, 16-30: 11).

Amounts other modules compute from data this module does not own (premium,
KPI, quality points, liability) may be fixed by patching the payslip's
collector methods (``fake_sources``) to test the payslip side (rules, cap,
carry-over, paid once) on exact figures; test_sources_after_merge.py feeds
them from real records instead. Compliance days and referral bonuses are
always real records (``make_compliance``, ``make_milestone``): paying them
locks or marks the records themselves.

China statutory payroll (l10n_cn_payroll, the parent structure): every
contract's employee pays in a test city whose minimum wage (1,000, including
the employee's contributions) and deduction cap (20 %) are the company's
telesales settings, so the telesales amounts do not depend on a real city's
figures; a declared base of 5,000 gives employee contributions of 875.00 a
month (pension 8 % 400.00, medical 2 % 100.00, unemployment 0.5 % 25.00,
housing fund 7 % 350.00). The pay policies the deductions stand on are
published on 2025-01-01 and acknowledged by the employee on the contract's
first day.
"""

from contextlib import ExitStack, contextmanager
from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo.addons.telesales_hr.tests.common import TelesalesCase

APRIL = (date(2025, 4, 1), date(2025, 4, 30))
MAY = (date(2025, 5, 1), date(2025, 5, 31))
#: employee SI and HF of the test city on the 5,000 base
SIHF = 875.0
POLICY_DATE = date(2025, 1, 1)


class PayrollCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Payslip = cls.env["hr.payslip"]
        cls.Source = cls.env["telesales.payslip.source"]
        cls.Carry = cls.env["telesales.deduction.carryover"]
        cls.Compliance = cls.env["telesales.daily.compliance"]
        cls.Referral = cls.env["telesales.referral"]
        cls.Milestone = cls.env["telesales.referral.milestone"]
        cls.structure = cls.env.ref("telesales_payroll.structure_telesales")
        cls.company.write(
            {
                "telesales_deduction_cap": 20.0,
                "telesales_min_monthly_wage": 1000.0,
                "telesales_referral_first_months": 1,
                "telesales_referral_approver_id": cls.hr_user.id,
            }
        )
        for rank, rate in zip(
            cls.ranks, [0.02, 0.03, 0.035, 0.04, 0.045, 0.05], strict=True
        ):
            rank.commission_rate = rate
        cls.d1.management_allowance = 1500
        cls.d2.management_allowance = 2000
        cls._make_cn_city()
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
    def _make_cn_city(cls):
        cls.cn_city = cls.env["l10n_cn.city"].create(
            {
                "name": "Telesales Testville",
                "code": "TS-TV",
                "deduction_cap_percent": 20,
            }
        )
        cls.cn_param = cls.env["l10n_cn.si.parameter"].create(
            {
                "city_id": cls.cn_city.id,
                "date_from": date(2024, 1, 1),
                "si_base_min": 3000.0,
                "si_base_max": 30000.0,
                "hf_base_min": 2500.0,
                "hf_base_max": 28000.0,
                "pension_employee": 8.0,
                "pension_employer": 16.0,
                "medical_employee": 2.0,
                "medical_employer": 9.0,
                "unemployment_employee": 0.5,
                "unemployment_employer": 0.5,
                "hf_rate_min": 5.0,
                "hf_rate_max": 12.0,
                "hf_rate_default": 7.0,
                "rounding": "cent",
                "source": "Test figures.",
                "injury_rate_ids": [(0, 0, {"risk_class": "1", "rate": 0.2})],
            }
        )
        cls.cn_min_wage = cls.env["l10n_cn.minimum.wage"].create(
            {
                "city_id": cls.cn_city.id,
                "date_from": date(2024, 1, 1),
                "amount": 1000.0,
                "excludes_contributions": False,
                "source": "Test figure.",
            }
        )
        Policy = cls.env["l10n_cn.pay.policy"]
        cls.policies = Policy
        for code in ("TELESALES_ATTENDANCE", "TELESALES_DISCIPLINE"):
            versions = Policy.search(
                [("code", "=", code), ("company_id", "=", cls.company.id)]
            )
            cls.policies |= Policy.create(
                {
                    "name": f"Test {code}",
                    "code": code,
                    "version": max(versions.mapped("version"), default=0) + 1,
                    "company_id": cls.company.id,
                    "state": "published",
                    "date_published": POLICY_DATE,
                }
            )

    @classmethod
    def make_cn_employee(cls, employee, start, base=5000.0):
        """The test city, a declared base from ``start`` and the pay
        policies acknowledged on ``start``."""
        employee.l10n_cn_city_id = cls.cn_city
        cls.env["l10n_cn.contribution.base"].create(
            {"employee_id": employee.id, "date_from": start, "si_base": base}
        )
        cls.env["l10n_cn.pay.policy.ack"].create(
            [
                {"policy_id": policy.id, "employee_id": employee.id, "date": start}
                for policy in cls.policies
            ]
        )

    @classmethod
    def make_contract(cls, employee, start=date(2025, 1, 1)):
        if not employee.l10n_cn_city_id:
            cls.make_cn_employee(employee, start)
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

    @classmethod
    def make_compliance(cls, employee, day, deduction):
        """A daily compliance row of ``employee`` with an attendance deduction
        (a late arrival) of ``deduction``. The rows are computed records
        (``_compute_for_range``); this writes one directly to get an exact
        amount, with the fields a computed late day has."""
        rank = cls.History._rank_at(employee, day).get(employee.id)
        return cls.Compliance.create(
            {
                "employee_id": employee.id,
                "date": day,
                "rank_id": rank and rank.id,
                "late_tier": "major",
                "late_deduction": deduction,
                "attendance_deduction": deduction,
            }
        )

    @classmethod
    def make_milestone(cls, referrer, date_due, amount=100.0):
        """An approved referral bonus of ``referrer`` due on ``date_due``, made
        the way telesales_hr makes one: a referral of a new hire, the daily
        cron on the due date, the HR officer's approval."""
        cls.company.telesales_referral_first_amount = amount
        hire = cls.env["hr.employee"].create(
            {
                "name": f"Hire of {referrer.name} ({date_due})",
                "department_id": referrer.department_id.id,
                "company_id": cls.company.id,
            }
        )
        referral = cls.Referral.with_user(cls.hr_user).create(
            {
                "referrer_id": referrer.id,
                "employee_id": hire.id,
                "date_start": date_due
                - relativedelta(months=cls.company.telesales_referral_first_months),
            }
        )
        milestone = referral.milestone_ids.filtered(
            lambda m: m.kind == "one_month"
        ).with_env(cls.env)
        if milestone.date_due != date_due:
            raise ValueError(f"{date_due}: pick a due date on day 1 to 28")
        cls.Milestone._cron_referral_milestones(date_due)
        milestone.with_user(cls.hr_user).action_approve()
        return milestone

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
        """Patch the collectors of the amounts other modules compute.

        premium / quality / liability: {employee: amount or points} or a
        function (employees, date_from, date_to) -> {employee id: value};
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

        mapping = {
            "premium": ("_telesales_collect_premium", per_employee),
            "quality": ("_telesales_collect_quality_points", per_employee),
            "liability": ("_telesales_collect_liability", per_employee),
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
