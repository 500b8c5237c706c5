# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter
from datetime import date, datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestQaSampling(QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        # agent_a1: a connected call every day of April 2025 at 10:00 and an
        # unanswered one at 11:00; agent_a2: calls on April 1-3 only
        cls.calls_a1 = cls.env["telesales.call"]
        for day in range(30):
            start = datetime(2025, 4, 1, 10) + timedelta(days=day)
            cls.calls_a1 |= cls.make_call(cls.agent_a1, start)
            cls.make_call(cls.agent_a1, start + timedelta(hours=1), connected=False)
        cls.calls_a2 = cls.env["telesales.call"]
        for day in range(3):
            cls.calls_a2 |= cls.make_call(
                cls.agent_a2, datetime(2025, 4, 1, 10) + timedelta(days=day)
            )

    def wizard(self, **vals):
        return (
            self.env["telesales.qa.sampling.wizard"]
            .with_user(self.inspector)
            .create(
                {
                    "date_from": date(2025, 4, 1),
                    "date_to": date(2025, 4, 30),
                    "sample_size": 3,
                    "employee_ids": [(6, 0, (self.agent_a1 | self.agent_a2).ids)],
                    "inspector_ids": [(6, 0, (self.inspector | self.inspector2).ids)],
                    "seed": 42,
                    **vals,
                }
            )
        )

    def draw(self, **vals):
        action = self.wizard(**vals).action_draw()
        return self.Inspection.search(action["domain"])

    def test_sample_spread_over_the_period(self):
        inspections = self.draw()
        mine = inspections.filtered(lambda i: i.employee_id == self.agent_a1)
        self.assertEqual(len(mine), 3)
        self.assertTrue(mine.call_id <= self.calls_a1, "connected calls only")
        # one call in each third of the month (10-day slices)
        slices = sorted((call.start.day - 1) // 10 for call in mine.call_id)
        self.assertEqual(slices, [0, 1, 2])
        self.assertTrue(all(i.state == "draft" for i in inspections))
        self.assertEqual(inspections.form_id, self.form)

    def test_missing_slices_filled_from_the_rest(self):
        inspections = self.draw()
        theirs = inspections.filtered(lambda i: i.employee_id == self.agent_a2)
        self.assertEqual(theirs.call_id, self.calls_a2)

    def test_round_robin_assignment(self):
        inspections = self.draw()
        self.assertEqual(len(inspections), 6)
        counts = Counter(inspection.inspector_id.id for inspection in inspections)
        self.assertEqual(counts, {self.inspector.id: 3, self.inspector2.id: 3})

    def test_same_seed_same_sample_and_inspected_calls_skipped(self):
        wizard = self.wizard()
        first = wizard._draw(self.agent_a1 | self.agent_a2)
        self.assertEqual(first, wizard._draw(self.agent_a1 | self.agent_a2))
        inspections = self.draw()
        self.assertEqual(
            sorted(inspections.call_id.ids), sorted(call for call, _emp in first)
        )
        again = self.draw()
        self.assertFalse(again.call_id & inspections.call_id)
        self.assertEqual(
            len(again.filtered(lambda i: i.employee_id == self.agent_a1)), 3
        )
        self.assertFalse(again.filtered(lambda i: i.employee_id == self.agent_a2))

    def test_agents_of_a_team_and_nothing_left(self):
        inspections = self.draw(
            employee_ids=[(5, 0, 0)], department_ids=[(6, 0, self.team_a2.ids)]
        )
        self.assertEqual(inspections.employee_id, self.agent_a2)
        with self.assertRaises(UserError):
            self.draw(employee_ids=[(6, 0, self.agent_a2.ids)])
