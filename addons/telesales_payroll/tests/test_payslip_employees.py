# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import PayrollCase


@tagged("post_install", "-at_install")
class TestPayslipEmployees(PayrollCase):
    def test_wizard_offers_the_employees_the_batch_pays(self):
        agent = self.agent_a1  # contracted on the telesales structure
        stranger = self.env["hr.employee"].create({"name": "No Contract Person"})
        run = self.env["hr.payslip.run"].create(
            {
                "name": "April",
                "date_start": date(2025, 4, 1),
                "date_end": date(2025, 4, 30),
                "struct_id": self.structure.id,
            }
        )
        Wizard = self.env["hr.payslip.employees"].with_context(
            active_model="hr.payslip.run", active_id=run.id
        )
        domain = Wizard.fields_get(["employee_ids"])["employee_ids"]["domain"]
        offered = self.env["hr.employee"].search(domain)
        self.assertIn(agent, offered)
        self.assertNotIn(stranger, offered)
        # a batch of an earlier month: the contract did not run yet
        run.date_start, run.date_end = date(2024, 4, 1), date(2024, 4, 30)
        domain = Wizard.fields_get(["employee_ids"])["employee_ids"]["domain"]
        self.assertNotIn(agent, self.env["hr.employee"].search(domain))
