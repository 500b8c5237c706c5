# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo users see and change in payroll only what their role allows:
none of them got the payroll manager group that OCA payroll adds to the
default user template."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPayrollDemoUsers(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"]
        cls.agent = Users.search([("login", "=", "agent1")])
        cls.leader = Users.search([("login", "=", "leader1")])
        cls.auditor = Users.search([("login", "=", "auditor")])
        cls.hr = Users.search([("login", "=", "hr")])
        cls.qa = Users.search([("login", "=", "qa")])
        cls.slips = cls.env["hr.payslip"].search([])

    def test_no_payroll_manager_among_roles(self):
        manager = self.env.ref("payroll.group_payroll_manager")
        for user in self.agent | self.leader | self.auditor | self.hr:
            with self.subTest(login=user.login):
                self.assertNotIn(manager, user.groups_id)
        self.assertNotIn(
            self.env.ref("payroll.group_payroll_user"), self.agent.groups_id
        )

    def test_quality_inspector_holds_exactly_its_role(self):
        """The QA inspector, created by telesales_quality before payroll is
        installed, does not get what OCA payroll (and hr, hr_contract) add
        to the default user template: no payroll, no HR officer rights."""
        self.assertTrue(self.qa)
        for xmlid in (
            "payroll.group_payroll_manager",
            "payroll.group_payroll_user",
            "hr.group_hr_user",
            "hr_contract.group_hr_contract_manager",
        ):
            with self.subTest(group=xmlid):
                self.assertNotIn(self.env.ref(xmlid), self.qa.groups_id)
        with self.assertRaises(AccessError):
            self.env["hr.payslip"].with_user(self.qa).search([])

    def test_agent_sees_own_payslips_only(self):
        self.assertGreater(len(self.slips), 40, "the demo has payslips")
        own = self.slips.filtered(lambda slip: slip.employee_id.user_id == self.agent)
        self.assertTrue(own, "agent1 is paid by the demo")
        Payslip = self.env["hr.payslip"].with_user(self.agent)
        self.assertEqual(Payslip.search([]), own)
        self.assertEqual(
            self.env["hr.payslip.line"].with_user(self.agent).search([]),
            own.line_ids,
        )
        other = self.slips - own
        with self.assertRaises(AccessError):
            other[0].with_user(self.agent).read(["name"])
        with self.assertRaises(AccessError):
            own[0].with_user(self.agent).write({"note": "x"})

    def test_auditor_reads_but_cannot_write(self):
        slip = self.slips[0]
        self.assertEqual(
            self.env["hr.payslip"].with_user(self.auditor).search_count([]),
            len(self.slips),
        )
        with self.assertRaises(AccessError):
            slip.with_user(self.auditor).write({"note": "audited"})
        for operation in ("write", "create", "unlink"):
            with self.subTest(operation=operation), self.assertRaises(AccessError):
                slip.with_user(self.auditor).check_access(operation)
        with self.assertRaises(AccessError):
            self.env["hr.payslip"].with_user(self.auditor).create(
                {"employee_id": slip.employee_id.id, "name": "x"}
            )
