# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each role of the centre in the real web client (headless Chromium)."""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import PayrollCase


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase, PayrollCase):
    def test_manager_submits_the_quarterly_review(self):
        review = (
            self.env["telesales.rank.review"]
            .with_user(self.hr_user)
            .create({"year": 2025, "quarter": 2, "department_id": self.unit_a.id})
        )
        review.action_compute()
        self.start_tour(
            f"/odoo/action-telesales_hr.action_telesales_rank_review/{review.id}",
            "telesales_manager_submits_review_tour",
            login=self.manager_a_user.login,
        )
        self.assertEqual(review.state, "submitted")
        self.assertIn(
            self.hr_user,
            review.activity_ids.user_id,
            "HR gets the activity to approve it",
        )

    def test_hr_approves_a_penalty(self):
        inspector = new_test_user(
            self.env,
            login="ts_tour_inspector",
            groups="telesales_quality.group_qa_inspector",
            lang="en_US",
        )
        case = (
            self.env["telesales.discipline"]
            .with_user(inspector)
            .create(
                {
                    "employee_id": self.agent_a1.id,
                    "level_id": self.env.ref("telesales_quality.level_public").id,
                    "severity": "general",
                    "facts": "Read the customer's ID number aloud in the open office.",
                }
            )
        )
        case.action_submit()
        self.start_tour(
            f"/odoo/action-telesales_quality.action_telesales_discipline/{case.id}",
            "telesales_hr_approves_penalty_tour",
            login=self.hr_user.login,
        )
        self.assertEqual(case.state, "approved")

    def test_payroll_officer_computes_a_payslip(self):
        slip = self.payslip(self.agent_a2)
        self.start_tour(
            f"/odoo/action-payroll.hr_payslip_action/{slip.id}",
            "telesales_payroll_computes_payslip_tour",
            login=self.hr_user.login,
        )
        lines = self.lines(slip)
        self.assertEqual(lines["TS_BASE"], self.s2.base_wage)
        self.assertIn("NET", lines)

    def test_auditor_exports_the_payroll_summary(self):
        run = self.env["hr.payslip.run"].create(
            {"name": "April 2025", "date_start": "2025-04-01", "date_end": "2025-04-30"}
        )
        for employee in self.agents:
            self.payslip(employee, run=run)
        run.slip_ids.compute_sheet()
        states = run.slip_ids.mapped("state")
        self.start_tour(
            f"/odoo/action-payroll.hr_payslip_run_action/{run.id}",
            "telesales_auditor_exports_report_tour",
            login=self.auditor.login,
        )
        # the auditor changed nothing
        self.assertEqual(run.slip_ids.mapped("state"), states)
        self.assertEqual(len(run.slip_ids), len(self.agents))
