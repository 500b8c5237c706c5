# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Recruiting on top of the test centre: a job in team A1, the hired stage,
a recruiter without telesales rights and an HR officer who also recruits."""

from contextlib import contextmanager
from datetime import datetime, timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user

from .common import TelesalesCase


class TelesalesRecruitingCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "telesales_referral_first_amount": 100,
                "telesales_referral_first_months": 1,
                "telesales_referral_probation_amount": 100,
                "telesales_referral_probation_months": 2,
                "telesales_referral_approver_id": cls.hr_user.id,
                "telesales_gate_active": True,
                "telesales_gate_min_achievement": 85,
                "telesales_gate_min_premium_per_agent": 12000,
                "telesales_gate_max_attrition": 40,
            }
        )
        cls.Referral = cls.env["telesales.referral"]
        cls.Milestone = cls.env["telesales.referral.milestone"]
        cls.Kpi = cls.env["telesales.team.kpi"]
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Telesales Agent (test)",
                "department_id": cls.team_a1.id,
                "company_id": cls.company.id,
            }
        )
        cls.hired_stage = cls.env["hr.recruitment.stage"].search(
            [("hired_stage", "=", True)], limit=1
        )
        cls.recruiter = new_test_user(
            cls.env,
            login="ts_recruiter",
            groups="hr_recruitment.group_hr_recruitment_user",
            name="Recruiter",
        )
        cls.hr_recruiter = new_test_user(
            cls.env,
            login="ts_hr_recruiter",
            groups="telesales_hr.group_telesales_hr,"
            "hr_recruitment.group_hr_recruitment_user",
            name="HR Recruiter",
        )

    @classmethod
    def applicant(cls, name, referrer=None, department=None, env=None):
        env = env or cls.env
        candidate = env["hr.candidate"].create(
            {"partner_name": name, "company_id": cls.company.id}
        )
        vals = {"candidate_id": candidate.id, "job_id": cls.job.id}
        if referrer:
            vals["telesales_referrer_id"] = referrer.id
        if department:
            vals["department_id"] = department.id
        return env["hr.applicant"].create(vals)

    @classmethod
    def hire(cls, applicant, date_start=None):
        """Move to the hired stage (on ``date_start``) and create the employee."""
        applicant.write({"stage_id": cls.hired_stage.id})
        if date_start:
            applicant.date_closed = datetime.combine(date_start, datetime.min.time())
        applicant.create_employee_from_applicant()
        return applicant.employee_id

    @contextmanager
    def kpi_sources(self, premiums=None):
        """Control the KPI source the gate reads: team premiums (None: no
        premium ledger installed)."""
        Kpi = type(self.env["telesales.team.kpi"])
        with patch.object(
            Kpi, "_team_premiums", lambda self, *args: premiums and dict(premiums)
        ):
            yield

    def payslip(self, employee, date_to):
        """The document that pays bonuses: a real payslip when OCA payroll is
        installed (always in this project's test database); any record
        otherwise, since telesales_hr does not depend on payroll."""
        if "hr.payslip" in self.env:
            return self.env["hr.payslip"].create(
                {
                    "employee_id": employee.id,
                    "name": "Referral test slip",
                    "number": f"SLIP/TEST/{employee.id}",
                    "date_from": date_to.replace(day=1),
                    "date_to": date_to,
                }
            )
        return employee


class TelesalesGateCase(TelesalesRecruitingCase):
    """The headcount gate of team A1 (its agents hold ranks since
    2025-01-01, its monthly target is 50,000) for last month's KPIs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["telesales.team.kpi"])
        cls.last_month = today.replace(day=1) - relativedelta(months=1)
        cls.team_a1.telesales_monthly_target = 50000

    def leave_last_month(self, *employees):
        for employee in employees:
            employee.departure_date = self.last_month + timedelta(days=9)
            employee.action_archive()

    def kpi(self, team=None):
        return self.Kpi._get_or_compute(team or self.team_a1, self.last_month)[
            (team or self.team_a1).id
        ]
