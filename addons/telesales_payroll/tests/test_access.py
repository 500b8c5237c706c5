# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import APRIL, PayrollCase


@tagged("post_install", "-at_install")
class TestPayrollAccess(PayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.env["hr.payslip.run"].create(
            {"name": "April 2025", "date_start": APRIL[0], "date_end": APRIL[1]}
        )
        cls.slips = cls.Payslip
        for employee in cls.staff:
            cls.slips |= cls.payslip(employee, run=cls.batch)
        cls.slips.compute_sheet()

    def test_hr_officer_runs_payroll(self):
        """Telesales HR officers are OCA payroll officers and see every payslip."""
        self.assertTrue(self.hr_user.has_group("payroll.group_payroll_user"))
        slips = self.Payslip.with_user(self.hr_user).search(
            [("payslip_run_id", "=", self.batch.id)]
        )
        self.assertEqual(slips, self.slips)
        slips.compute_sheet()
        slips[:1].action_payslip_done()
        self.assertEqual(slips[:1].state, "done")
        self.assertTrue(
            self.env["hr.payslip.run"]
            .with_user(self.hr_user)
            .search([("id", "=", self.batch.id)])
        )

    def test_agent_sees_own_payslips(self):
        user = self.agent_a1_user
        slips = self.Payslip.with_user(user).search([])
        self.assertEqual(slips.employee_id, self.agent_a1)
        self.assertEqual(
            self.env["hr.payslip.line"].with_user(user).search([]).slip_id, slips
        )
        sources = self.Source.with_user(user).search([])
        self.assertTrue(sources)
        self.assertEqual(sources.employee_id, self.agent_a1)
        self.assertEqual(slips.line_ids.mapped("code")[:1], ["TS_BASE"])
        other = self.slips.filtered(lambda s: s.employee_id == self.agent_a2)
        with self.assertRaises(AccessError):
            other.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            slips.with_user(user).write({"note": "mine"})
        with self.assertRaises(AccessError):
            slips.with_user(user).compute_sheet()
        with self.assertRaises(AccessError):
            self.env["hr.payslip.run"].with_user(user).search([])

    def test_auditor_reads_everything_writes_nothing(self):
        user = self.auditor
        self.assertEqual(
            self.Payslip.with_user(user).search([("id", "in", self.slips.ids)]),
            self.slips,
        )
        self.assertEqual(
            self.env["hr.payslip.run"]
            .with_user(user)
            .search([("id", "=", self.batch.id)]),
            self.batch,
        )
        self.assertEqual(
            self.Source.with_user(user).search([("payslip_id", "in", self.slips.ids)]),
            self.slips.telesales_source_ids,
        )
        with self.assertRaises(AccessError):
            self.slips[:1].with_user(user).write({"note": "audited"})
        with self.assertRaises(AccessError):
            self.slips[:1].with_user(user).compute_sheet()
        with self.assertRaises(AccessError):
            self.slips[:1].with_user(user).action_payslip_done()
        with self.assertRaises(AccessError):
            self.batch.with_user(user).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["hr.payslip.run"].with_user(user).create(
                {"name": "x", "date_start": APRIL[0], "date_end": APRIL[1]}
            )
