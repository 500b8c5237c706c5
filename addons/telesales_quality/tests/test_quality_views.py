# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The kanban and activity views of the cases and the inspections, as a QA
inspector opens them."""

from lxml import etree

from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestQualityViews(QualityCase):
    def test_kanban_and_activity_views_load_for_an_inspector(self):
        for model, action in (
            ("telesales.discipline", "action_telesales_discipline"),
            ("telesales.qa.inspection", "action_telesales_qa_inspection"),
        ):
            act = self.env.ref(f"telesales_quality.{action}")
            modes = act.view_mode.split(",")
            self.assertIn("kanban", modes)
            self.assertIn("activity", modes)
            views = (
                self.env[model]
                .with_user(self.inspector)
                .get_views([(False, "kanban"), (False, "activity"), (False, "search")])
            )
            kanban = etree.fromstring(views["views"]["kanban"]["arch"])
            self.assertEqual(kanban.tag, "kanban")
            self.assertEqual(kanban.get("default_group_by"), "state")
            # the state changes only through the buttons
            self.assertEqual(kanban.get("records_draggable"), "false")
            self.assertTrue(
                kanban.xpath("//field[@name='activity_ids'][@widget='kanban_activity']")
            )
            self.assertTrue(kanban.xpath("//field[@name='employee_id']"))
            activity = etree.fromstring(views["views"]["activity"]["arch"])
            self.assertEqual(activity.tag, "activity")
            fields = views["models"][model]["fields"]
            self.assertIn("activity_ids", fields)
            # the inspector reads the cards' records
            self.env[model].with_user(self.inspector).web_search_read(
                [], {"name": {}, "employee_id": {}, "state": {}, "activity_ids": {}}
            )
        case_kanban = etree.fromstring(
            self.env["telesales.discipline"]
            .with_user(self.inspector)
            .get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        )
        for fname in ("level_id", "points"):
            self.assertTrue(case_kanban.xpath(f"//field[@name='{fname}']"), fname)
