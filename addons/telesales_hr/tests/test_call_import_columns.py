# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .call_common import TelesalesCallCase


@tagged("post_install", "-at_install")
class TestCallImportColumns(TelesalesCallCase):
    def test_wizard_shows_the_mapping_columns(self):
        """The import wizard says which header columns the chosen mapping
        reads (issue 15), and follows the mapping chosen."""
        Wizard = self.env["telesales.call.import"].with_user(self.hr_user)
        wizard = Wizard.new({})
        mapping = wizard.mapping_id
        self.assertTrue(mapping)
        lines = wizard.expected_columns.splitlines()
        self.assertIn(f"{mapping.col_external_id}: ", lines[0])
        self.assertTrue(lines[0].endswith("(required)"))
        self.assertEqual(
            len(lines),
            sum(
                1
                for col in (
                    "col_external_id",
                    "col_agent",
                    "col_callee",
                    "col_start",
                    "col_direction",
                    "col_connected",
                    "col_ring",
                    "col_talk",
                    "col_wait",
                    "col_pause",
                    "col_wrapup",
                    "col_duration",
                    "col_recording",
                    "col_disposition",
                    "col_lead",
                )
                if mapping[col]
            ),
        )
        self.assertIn("Delimiter", wizard.expected_format)
        other = mapping.sudo().copy({"name": "Other dialer", "col_start": "begin"})
        wizard.mapping_id = other
        self.assertIn("begin: ", wizard.expected_columns)
        self.assertNotIn(f"{mapping.col_start}: ", wizard.expected_columns)
