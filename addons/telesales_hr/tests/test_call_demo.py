# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .call_common import TelesalesCallCase


@tagged("post_install", "-at_install")
class TestCallDemo(TelesalesCallCase):
    def test_demo_calls(self):
        """The demo generator produces a realistic, deterministic quarter of
        traffic through the bulk importer."""
        agents = self.agents
        Demo = self.env["telesales.demo"]
        created = Demo._telesales_demo_calls(weeks=2, agents=agents)
        calls = self.Call.search(
            [("external_id", "like", "demo-"), ("employee_id", "in", agents.ids)]
        )
        self.assertEqual(len(calls), created)
        self.assertEqual(calls.employee_id, agents)
        groups = self.Call._read_group(
            [("id", "in", calls.ids)],
            ["employee_id", "call_date:day"],
            ["__count"],
        )
        self.assertEqual(len(groups), len(agents) * 10, "10 working days each")
        counts = sorted(count for _emp, _day, count in groups)
        self.assertEqual(counts[-1], 205, "one day over the dial cap")
        self.assertGreaterEqual(counts[0], 35)
        self.assertLessEqual(counts[-2], 121)
        connected = calls.filtered("connected")
        self.assertTrue(0.3 < len(connected) / len(calls) < 0.5)
        self.assertTrue(all(30 <= s <= 600 for s in connected.mapped("talk_seconds")))
        self.assertFalse(any((calls - connected).mapped("talk_seconds")))
        self.assertEqual(len(calls.filtered("violation_cap")), 5)
        self.assertLess(len(calls.filtered("is_violation")), len(calls) * 0.02)
        self.assertTrue(self.Dnc.search_count([]) >= 12)
        # deterministic: a second run adds nothing
        self.assertEqual(Demo._telesales_demo_calls(weeks=2, agents=agents), 0)
