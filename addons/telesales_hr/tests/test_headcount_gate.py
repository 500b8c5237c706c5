# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_recruiting import TelesalesGateCase


@tagged("post_install", "-at_install")
class TestHeadcountGate(TelesalesGateCase):
    # the QA pass rate KPI: telesales_quality/tests/test_qa_gate.py
    def test_kpi_values(self):
        """Achievement against target, premium per agent and attrition on the
        headcount at month start; leavers are counted even when archived."""
        self.leave_last_month(self.agent_a1b)
        with self.kpi_sources(premiums={self.team_a1.id: 45000}):
            kpi = self.kpi()
        self.assertRecordValues(
            kpi,
            [
                {
                    "month": self.last_month,
                    "premium": 45000,
                    "target": 50000,
                    "achievement": 90.0,
                    "headcount_start": 3,
                    "leavers": 1,
                    "premium_per_agent": 15000,
                    "passed": True,
                    "failed_kpis": False,
                }
            ],
        )
        self.assertEqual(kpi.attrition, 33.3)  # 1 leaver / 3 at month start
        # no premium ledger installed: the premium KPIs are not evaluated
        with self.kpi_sources(premiums=None):
            kpi = self.Kpi._compute_team_kpis(self.last_month, self.team_a1)
        self.assertFalse(kpi.achievement_evaluated)
        self.assertFalse(kpi.premium_per_agent_evaluated)
        self.assertTrue(kpi.attrition_evaluated)
        # every team of the month at once
        with self.kpi_sources():
            kpis = self.Kpi._compute_team_kpis(self.last_month)
        self.assertTrue(
            self.team_a1 | self.team_a2 | self.team_b1 <= kpis.department_id
        )
        self.assertNotIn(self.unit_a, kpis.department_id)

    def test_gate_passes(self):
        with self.kpi_sources(premiums={self.team_a1.id: 60000}):
            employee = self.hire(self.applicant("Li Lei"))
        self.assertEqual(employee.department_id, self.team_a1)
        self.assertTrue(self.kpi().passed)

    def test_gate_refuses_naming_each_failed_kpi(self):
        self.leave_last_month(self.agent_a1b, self.agent_a1)
        applicant = self.applicant("Li Lei")
        stage = applicant.stage_id
        with self.kpi_sources(premiums={self.team_a1.id: 30000}):
            with self.assertRaises(UserError) as error:
                applicant.write({"stage_id": self.hired_stage.id})
            message = str(error.exception)
            self.assertIn("Team A1 cannot refill headcount", message)
            self.assertIn("premium achievement 60.0% < 85.0%", message)
            self.assertIn("premium per agent", message)
            self.assertIn("10,000.00", message)
            self.assertIn("attrition 66.7% > 40.0%", message)
            self.assertIn(self.last_month.strftime("%Y-%m"), message)
            applicant.invalidate_recordset()
            self.assertEqual(applicant.stage_id, stage)
            # creating the employee directly is refused as well
            with self.assertRaisesRegex(UserError, "cannot refill headcount"):
                applicant.create_employee_from_applicant()
        self.assertFalse(applicant.employee_id)
        kpi = self.kpi()
        self.assertFalse(kpi.passed)

    def test_thresholds_are_settings(self):
        self.leave_last_month(self.agent_a1b)  # attrition 33.3%
        with self.kpi_sources():
            kpi = self.kpi()
            self.assertTrue(kpi.passed)
            self.company.telesales_gate_max_attrition = 30
            self.assertFalse(kpi.passed)
            self.assertIn("attrition 33.3% > 30.0%", kpi.failed_kpis)
            with self.assertRaisesRegex(UserError, "attrition 33.3% > 30.0%"):
                self.hire(self.applicant("Li Lei"))
            self.company.telesales_gate_active = False
            employee = self.hire(self.applicant("Han Meimei"))
        self.assertEqual(employee.department_id, self.team_a1)

    def test_override_by_hr_with_reason(self):
        self.leave_last_month(self.agent_a1b, self.agent_a1)
        applicant = self.applicant("Li Lei")
        as_recruiter = applicant.with_user(self.recruiter)
        with self.assertRaises(AccessError):
            as_recruiter.write(
                {"telesales_gate_override": True, "telesales_gate_override_reason": "x"}
            )
        as_hr = applicant.with_user(self.hr_recruiter).with_context(
            tracking_disable=False
        )
        with self.assertRaises(ValidationError):
            as_hr.write({"telesales_gate_override": True})
        with self.kpi_sources():
            with self.assertRaisesRegex(UserError, "attrition 66.7%"):
                as_recruiter.write({"stage_id": self.hired_stage.id})
            as_hr.write(
                {
                    "telesales_gate_override": True,
                    "telesales_gate_override_reason": "Campaign launch needs seats",
                }
            )
            self.assertEqual(
                applicant.telesales_gate_override_user_id, self.hr_recruiter
            )
            as_recruiter.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.stage_id.hired_stage)
        # tracking values are written when the transaction flushes
        self.env.flush_all()
        self.env.cr.flush()
        tracked = applicant.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name
            in ("telesales_gate_override", "telesales_gate_override_reason")
        )
        self.assertEqual(
            set(tracked.field_id.mapped("name")),
            {"telesales_gate_override", "telesales_gate_override_reason"},
        )
        self.assertIn("Campaign launch needs seats", tracked.mapped("new_value_text"))

    def test_referred_applicant_passes(self):
        self.leave_last_month(self.agent_a1b, self.agent_a1)
        applicant = self.applicant("Li Lei", referrer=self.tl_a1)
        self.assertEqual(applicant.department_id, self.team_a1)
        with self.kpi_sources(premiums={self.team_a1.id: 0}):
            self.assertFalse(self.kpi().passed)
            employee = self.hire(applicant)
        self.assertEqual(employee.department_id, self.team_a1)
        self.assertTrue(self.Referral.search([("employee_id", "=", employee.id)]))

    def test_non_team_department_is_not_gated(self):
        with self.kpi_sources(premiums={}):
            employee = self.hire(self.applicant("Li Lei", department=self.unit_a))
        self.assertEqual(employee.department_id, self.unit_a)
        self.assertFalse(self.Kpi.search([("department_id", "=", self.unit_a.id)]))

    def test_kpi_access_and_wizard(self):
        with self.kpi_sources():
            action = (
                self.env["telesales.team.kpi.compute"]
                .with_user(self.hr_user)
                .create({"month": self.last_month + timedelta(days=5)})
                .action_compute()
            )
        kpis = self.Kpi.search(action["domain"])
        self.assertTrue(
            self.team_a1 | self.team_a2 | self.team_b1 <= kpis.department_id
        )
        ours = kpis.filtered(
            lambda k: k.department_id in self.team_a1 | self.team_a2 | self.team_b1
        )

        def visible(user):
            return self.Kpi.with_user(user).search([]) & ours

        self.assertEqual(visible(self.tl_a1_user).department_id, self.team_a1)
        self.assertEqual(
            visible(self.manager_a_user).department_id, self.team_a1 | self.team_a2
        )
        self.assertEqual(visible(self.hr_user), ours)
        self.assertEqual(visible(self.auditor), ours)
        with self.assertRaises(AccessError):
            self.Kpi.with_user(self.agent_a1_user).search([])
        with self.assertRaises(AccessError):
            self.env["telesales.team.kpi.compute"].with_user(self.tl_a1_user).create(
                {"month": self.last_month}
            )
        with self.assertRaises(AccessError):
            ours[:1].with_user(self.auditor).unlink()
