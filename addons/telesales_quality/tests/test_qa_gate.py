# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The QA pass rate as a KPI of the headcount gate and of the leaderboard
(moved from telesales_hr's test_headcount_gate and test_dashboard with the
code they test)."""

from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.telesales_hr.tests.common_recruiting import TelesalesGateCase
from odoo.addons.telesales_hr.tests.reports_common import TelesalesReportCase

APRIL = date(2025, 4, 1)


@tagged("post_install", "-at_install")
class TestQaGate(TelesalesGateCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.telesales_gate_min_qa_pass_rate = 90

    @contextmanager
    def kpi_sources(self, premiums=None, qa_rates=None):
        """Also control the QA pass rates the inspections report ({}:
        nothing reported)."""
        Department = type(self.env["hr.department"])
        with (
            super().kpi_sources(premiums=premiums),
            patch.object(
                Department,
                "_telesales_qa_pass_rates",
                lambda self, *args: dict(qa_rates or {}),
            ),
        ):
            yield

    def test_kpi_values(self):
        self.leave_last_month(self.agent_a1b)
        with self.kpi_sources(
            premiums={self.team_a1.id: 45000}, qa_rates={self.team_a1.id: 93.5}
        ):
            kpi = self.kpi()
        self.assertRecordValues(
            kpi,
            [
                {
                    "qa_pass_rate": 93.5,
                    "qa_pass_rate_evaluated": True,
                    "passed": True,
                    "failed_kpis": False,
                }
            ],
        )
        with self.kpi_sources(premiums=None):
            kpi = self.Kpi._compute_team_kpis(self.last_month, self.team_a1)
        self.assertFalse(kpi.qa_pass_rate_evaluated)

    def test_gate_passes(self):
        with self.kpi_sources(
            premiums={self.team_a1.id: 60000}, qa_rates={self.team_a1.id: 95}
        ):
            employee = self.hire(self.applicant("Li Lei"))
        self.assertEqual(employee.department_id, self.team_a1)
        self.assertTrue(self.kpi().passed)

    def test_gate_refuses_naming_the_qa_pass_rate(self):
        self.leave_last_month(self.agent_a1b, self.agent_a1)
        applicant = self.applicant("Li Lei")
        with self.kpi_sources(
            premiums={self.team_a1.id: 30000}, qa_rates={self.team_a1.id: 88}
        ):
            with self.assertRaises(UserError) as error:
                applicant.write({"stage_id": self.hired_stage.id})
            message = str(error.exception)
            self.assertIn("Team A1 cannot refill headcount", message)
            self.assertIn("QA pass rate 88.0% < 90.0%", message)
            kpi = self.kpi()
        self.assertFalse(kpi.passed)
        self.assertIn("QA pass rate", kpi.failed_kpis)

    def test_qa_not_evaluated_when_not_reported(self):
        """Without the quality module (nothing reported, or None for a team
        without inspections) the QA KPI neither passes nor fails the gate."""
        premiums = {self.team_a1.id: 60000}
        for qa_rates in ({}, {self.team_a1.id: None}):
            with self.kpi_sources(premiums=premiums, qa_rates=qa_rates):
                kpi = self.Kpi._compute_team_kpis(self.last_month, self.team_a1)
                self.assertFalse(kpi.qa_pass_rate_evaluated)
                self.assertTrue(kpi.passed)
        with self.kpi_sources(premiums=premiums, qa_rates={self.team_a1.id: 85}):
            kpi = self.Kpi._compute_team_kpis(self.last_month, self.team_a1)
            self.assertTrue(kpi.qa_pass_rate_evaluated)
            self.assertEqual(kpi.failed_kpis, "QA pass rate 85.0% < 90.0%")
            with self.assertRaisesRegex(UserError, "QA pass rate 85.0% < 90.0%"):
                self.hire(self.applicant("Li Lei"))


@tagged("post_install", "-at_install")
class TestQaLeaderboard(TelesalesReportCase):
    def board(self, team, month):
        return self.env["telesales.team.leaderboard"].search(
            [("department_id", "=", team.id), ("month", "=", month)]
        )

    def test_leaderboard_nothing_inspected(self):
        # nothing inspected, no Team KPI: no rate
        self.assertFalse(self.board(self.team_a1, APRIL).qa_pass_rate)

    def test_leaderboard_qa_rate_from_team_kpis(self):
        self.env["telesales.team.kpi"].create(
            {
                "department_id": self.team_a1.id,
                "company_id": self.company.id,
                "month": APRIL,
                "qa_pass_rate": 87.5,
                "qa_pass_rate_evaluated": True,
            }
        )
        self.assertEqual(self.board(self.team_a1, APRIL).qa_pass_rate, 87.5)
        self.assertFalse(self.board(self.team_a2, APRIL).qa_pass_rate)
