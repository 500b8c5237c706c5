# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestQualityDemo(QualityCase):
    def test_demo_without_calls_then_with_calls(self):
        admin = self.env.ref("base.user_admin")
        admin.groups_id = [
            (4, self.env.ref("telesales_quality.group_qa_inspector").id),
            (4, self.env.ref("telesales_quality.group_quality_committee").id),
            (4, self.env.ref("telesales_hr.group_telesales_hr").id),
        ]
        self.company.telesales_committee_user_ids = admin
        ours = self.agents | self.tl_a1 | self.tl_a2 | self.tl_b1
        before = self.Case.search([])
        self.env["telesales.demo"]._telesales_demo_quality()
        cases = self.Case.search([("employee_id", "in", ours.ids)])
        self.assertFalse(
            self.Inspection.search([("employee_id", "in", ours.ids)]),
            "no call, no inspection",
        )
        self.assertTrue(cases, "cases are made from complaints without calls")
        for agent in self.agents:
            for day in range(4):
                self.make_call(agent, datetime(2025, 3, 3, 10) + timedelta(days=day))
        self.env["telesales.demo"]._telesales_demo_quality(per_agent=3)
        inspections = self.Inspection.search([("employee_id", "in", self.agents.ids)])
        self.assertEqual(len(inspections), 3 * len(self.agents))
        self.assertTrue(inspections.filtered(lambda i: i.state != "draft"))
        # the generator spreads its cases over every agent of the company
        # (the demo centre too), so look at all the cases it made
        states = set((self.Case.search([]) - before).mapped("state"))
        self.assertTrue(
            {"draft", "to_approve", "rejected", "approved", "applied"} <= states
        )
